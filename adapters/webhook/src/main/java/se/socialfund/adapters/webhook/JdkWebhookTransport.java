package se.socialfund.adapters.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import se.socialfund.application.port.in.event.EventFeedQuery;
import se.socialfund.application.port.out.webhook.WebhookTransport;
import se.socialfund.domain.event.ChangeEvent;

/**
 * Webhook deliveries over the JDK's HttpClient: the event as a CloudEvent in JSON (structured mode), signed per the
 * Standard Webhooks specification; connect and read timeouts; redirects never followed (a 3xx is a failure); the
 * host's addresses checked against the {@link AddressGuard} right before each attempt.
 */
@ApplicationScoped
public class JdkWebhookTransport implements WebhookTransport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration readTimeout;
    private final AddressGuard guard;

    public JdkWebhookTransport(@ConfigProperty(name = "socialfund.webhooks.connect-timeout") Duration connectTimeout,
                               @ConfigProperty(name = "socialfund.webhooks.read-timeout") Duration readTimeout,
                               @ConfigProperty(name = "socialfund.webhooks.allow-loopback") boolean allowLoopback,
                               @ConfigProperty(name = "socialfund.webhooks.allow-private-addresses")
                               boolean allowPrivate) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        this.readTimeout = readTimeout;
        this.guard = new AddressGuard(allowLoopback, allowPrivate);
    }

    @Override
    public Optional<String> refusal(URI url) {
        return guard.refusal(url.getHost());
    }

    @Override
    public Outcome post(URI url, String messageId, Instant timestamp, ChangeEvent event, List<String> secrets) {
        Optional<String> refused = guard.refusal(url.getHost());
        if (refused.isPresent()) {
            return new Outcome(-1, refused.get());
        }
        byte[] body = body(event);
        long seconds = timestamp.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "socialfund-webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(seconds))
                .header("webhook-signature", StandardWebhooks.signatures(secrets, messageId, seconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), response.statusCode() >= 300 ? "answered "
                    + response.statusCode() : null);
        } catch (HttpTimeoutException e) {
            return new Outcome(-1, "timed out");
        } catch (IOException e) {
            return new Outcome(-1, "no answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    /** The CloudEvent 1.0 in JSON, as the feed serves it. */
    public static byte[] body(ChangeEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", e.applicationId().toString());
        data.put("registrationNumber", e.registrationNumber());
        data.put("stage", e.stage().name());
        data.put("version", e.version());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", e.id().toString());
        event.put("source", EventFeedQuery.SOURCE);
        event.put("type", e.type());
        event.put("subject", e.subject());
        event.put("time", e.time().toString());
        event.put("datacontenttype", "application/json");
        event.put("sequence", EventFeedQuery.sequence(e.sequence()));
        event.put("data", data);
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

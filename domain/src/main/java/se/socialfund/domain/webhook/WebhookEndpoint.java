package se.socialfund.domain.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import se.socialfund.domain.shared.Violations;

/**
 * A receiver of the fund's change events (Standard Webhooks), registered by a fund officer, with its delivery state:
 * it is sent every event of its types after the one it {@code deliveredThrough}, one at a time and in order, until
 * it answers 2xx; a failing message is retried (see {@link RetryPolicy}) and never skipped.
 *
 * @param eventTypes          the event types it wants; empty for all
 * @param secret              the current signing secret ({@code whsec_...})
 * @param previousSecret      the secret before the last rotation, still signed with until {@code previousSecretUntil}
 * @param deliveredThrough    the feed sequence of the last event delivered (or skipped as not of its types)
 * @param attempts            failed attempts of the next message so far
 * @param failingSince        when the next message first failed, or null
 */
public record WebhookEndpoint(UUID id, URI url, List<String> eventTypes, String description, String secret,
                              String previousSecret, Instant previousSecretUntil, Instant createdAt, String createdBy,
                              State state, String disabledReason, long deliveredThrough, int attempts,
                              Instant failingSince, Instant nextAttemptAt, Integer lastStatus, String lastError) {
    /**
     * Enabled endpoints are delivered to; a disabled one (410, failing past the retry period, or deactivated by a
     * fund officer) is not, until a fund officer reactivates it: then from its position on, so nothing is skipped.
     */
    public enum State { ENABLED, DISABLED }

    public static final int MAX_URL_LENGTH = 2000;
    public static final int MAX_EVENT_TYPES = 50;
    public static final String TYPE_PATTERN = "se\\.socialfund\\.[a-z][a-z-]{0,40}\\.[a-z][a-z-]{0,40}\\.v[0-9]{1,3}";

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    /** Whether it wants events of this type. */
    public boolean wants(String type) {
        return eventTypes.isEmpty() || eventTypes.contains(type);
    }

    /** The secrets to sign with now: the current one, and the previous one during the rotation's overlap. */
    public List<String> secretsAt(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /**
     * The registration's rules: an absolute HTTPS URL without user info or fragment (plain HTTP only to a loopback
     * host, and only where configured, for tests), and known-looking event types. Whether the host resolves to an
     * allowed address is the transport's check.
     */
    public static URI validate(String url, List<String> eventTypes, String description, boolean allowLoopbackHttp) {
        Violations v = new Violations();
        URI uri = null;
        if (url == null || url.isBlank()) {
            v.require(false, "/url", "the endpoint's URL is required");
        } else if (url.length() > MAX_URL_LENGTH) {
            v.require(false, "/url", "at most " + MAX_URL_LENGTH + " characters");
        } else {
            try {
                uri = new URI(url);
            } catch (java.net.URISyntaxException e) {
                v.require(false, "/url", "not a URL");
            }
        }
        if (uri != null) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopbackHost = uri.getHost() != null && (uri.getHost().equals("127.0.0.1")
                    || uri.getHost().equalsIgnoreCase("localhost") || uri.getHost().equals("[::1]"));
            v.require(uri.isAbsolute() && uri.getHost() != null, "/url", "an absolute URL with a host is required");
            v.require(scheme.equals("https") || scheme.equals("http") && allowLoopbackHttp && loopbackHost, "/url",
                    "the URL must use https");
            v.require(uri.getRawUserInfo() == null, "/url", "the URL must not carry user information");
            v.require(uri.getRawFragment() == null, "/url", "the URL must not have a fragment");
        }
        if (eventTypes != null) {
            v.require(eventTypes.size() <= MAX_EVENT_TYPES, "/eventTypes", "at most " + MAX_EVENT_TYPES + " types");
            for (int i = 0; i < eventTypes.size() && i < MAX_EVENT_TYPES; i++) {
                String type = eventTypes.get(i);
                v.require(type != null && type.matches(TYPE_PATTERN), "/eventTypes/" + i,
                        "an event type such as se.socialfund.application.granted.v1");
            }
        }
        if (description != null) {
            v.require(description.length() <= 500, "/description", "at most 500 characters");
        }
        v.throwIfAny("the webhook endpoint cannot be registered");
        return uri;
    }
}

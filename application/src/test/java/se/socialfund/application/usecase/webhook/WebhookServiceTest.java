package se.socialfund.application.usecase.webhook;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.application.fakes.InMemoryAuditTrail;
import se.socialfund.application.fakes.InlineUnitOfWork;
import se.socialfund.application.fakes.SettableCaller;
import se.socialfund.application.fakes.SettableClock;
import se.socialfund.application.port.in.webhook.WebhookUseCases.EndpointView;
import se.socialfund.application.port.out.webhook.WebhookEndpoints;
import se.socialfund.application.port.out.webhook.WebhookTransport;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.event.ChangeEvent;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.webhook.RetryPolicy;
import se.socialfund.domain.webhook.WebhookEndpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deactivating and reactivating an endpoint, also while a delivery round is sending to it. */
class WebhookServiceTest {
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    final SettableClock clock = new SettableClock(NOW);
    final SettableCaller caller = new SettableCaller();
    final Endpoints endpoints = new Endpoints();
    final Transport transport = new Transport();
    final WebhookService service = new WebhookService(
            new AuditedChanges(new InlineUnitOfWork(), new InMemoryAuditTrail(), caller, clock,
                    ZoneId.of("Europe/Stockholm")),
            endpoints, transport, new InlineUnitOfWork(), clock,
            new WebhookSettings(false, Duration.ofHours(24),
                    new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24)),
                    Duration.ofMinutes(1), 10));
    final UUID id = UUID.randomUUID();

    WebhookServiceTest() {
        caller.set(new Actor("fo", "Fund Officer", Set.of(Role.FUND_OFFICER), Optional.of("ks"), Optional.empty()));
        endpoints.add(new WebhookEndpoint(id, URI.create("https://hooks.example.se/x"), List.of(), null, "whsec_a",
                null, null, NOW, "fo", WebhookEndpoint.State.ENABLED, null, 0, 0, null, NOW, null, null));
        for (long sequence = 1; sequence <= 3; sequence++) {
            endpoints.feed.add(new ChangeEvent(sequence, UUID.randomUUID(), "se.socialfund.application.received.v1",
                    "s", NOW, UUID.randomUUID(), "KS 2026-" + sequence, Stage.RECEIVED, 1, List.of("utb"), "a"));
        }
    }

    @Test
    void a_deactivation_during_a_round_stops_it_after_the_message_being_sent_and_a_reactivation_resumes_after_it() {
        // the officer deactivates while the first message is on its way; the receiver accepts that message
        transport.onPost = () -> service.deactivate(id);
        assertThat(service.deliverDue()).isEqualTo(1);
        assertThat(transport.sent).containsExactly(1L);
        WebhookEndpoint after = endpoints.find(id).orElseThrow();
        assertThat(after.state()).isEqualTo(WebhookEndpoint.State.DISABLED);
        assertThat(after.disabledReason()).isEqualTo("deactivated by a fund officer");
        assertThat(after.deliveredThrough()).isEqualTo(1);

        transport.onPost = () -> { };
        assertThat(service.deliverDue()).as("a disabled endpoint is not leased").isZero();
        EndpointView reactivated = service.reactivate(id);
        assertThat(reactivated.state()).isEqualTo("ENABLED");
        assertThat(reactivated.disabledReason()).isNull();
        assertThat(service.deliverDue()).isEqualTo(2);
        assertThat(transport.sent).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_deactivation_during_a_failing_attempt_keeps_its_reason_and_counts_no_attempt() {
        transport.onPost = () -> service.deactivate(id);
        transport.status = 410;
        service.deliverDue();
        WebhookEndpoint after = endpoints.find(id).orElseThrow();
        assertThat(after.disabledReason()).isEqualTo("deactivated by a fund officer");
        transport.status = 503;
        service.reactivate(id);
        transport.onPost = () -> service.deactivate(id);
        service.deliverDue();
        after = endpoints.find(id).orElseThrow();
        assertThat(after.state()).isEqualTo(WebhookEndpoint.State.DISABLED);
        assertThat(after.attempts()).isZero();
        assertThat(after.failingSince()).isNull();
        assertThat(transport.sent).containsExactly(1L, 1L);
    }

    @Test
    void a_reactivated_message_gets_a_whole_retry_period_anew() {
        endpoints.failed(id, 7, NOW.minus(Duration.ofHours(30)), NOW, 503, "down");
        endpoints.disable(id, "deliveries failed for 24 h", 503, NOW);
        service.reactivate(id);
        WebhookEndpoint e = endpoints.find(id).orElseThrow();
        assertThat(e.attempts()).isZero();
        assertThat(e.failingSince()).isNull();
        assertThat(e.nextAttemptAt()).isEqualTo(NOW);
        assertThat(e.lastStatus()).as("the last failure stays readable until the next attempt").isEqualTo(503);
        // one more failure: retried later, not disabled at once for the old failures' 30 hours
        transport.status = 503;
        service.deliverDue();
        assertThat(endpoints.find(id).orElseThrow().state()).isEqualTo(WebhookEndpoint.State.ENABLED);
        assertThat(endpoints.find(id).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void each_step_only_from_the_other_state_and_only_for_a_fund_officer() {
        assertThatThrownBy(() -> service.reactivate(id)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Conflict) e).kind()).isEqualTo("webhook-endpoint-enabled");
        service.deactivate(id);
        assertThatThrownBy(() -> service.deactivate(id)).isInstanceOf(Conflict.class)
                .extracting(e -> ((Conflict) e).kind()).isEqualTo("webhook-endpoint-disabled");
        caller.set(new Actor("ap", "Applicant", Set.of(Role.APPLICANT), Optional.of("utb"), Optional.empty()));
        assertThatThrownBy(() -> service.reactivate(id)).isInstanceOf(AccessDenied.class);
        assertThat(endpoints.find(id).orElseThrow().state()).isEqualTo(WebhookEndpoint.State.DISABLED);
    }

    /** Records what it sends and answers with {@code status}; {@code onPost} runs while a message is on its way. */
    static final class Transport implements WebhookTransport {
        final List<Long> sent = new ArrayList<>();
        Runnable onPost = () -> { };
        int status = 204;

        @Override
        public Optional<String> refusal(URI url) {
            return Optional.empty();
        }

        @Override
        public Outcome post(URI url, String messageId, Instant timestamp, ChangeEvent event, List<String> secrets) {
            sent.add(event.sequence());
            onPost.run();
            return new Outcome(status, status < 300 ? null : "failed");
        }
    }

    /** The endpoints' table and the feed, in memory. */
    static final class Endpoints implements WebhookEndpoints {
        final Map<UUID, WebhookEndpoint> rows = new LinkedHashMap<>();
        final List<ChangeEvent> feed = new ArrayList<>();

        @Override
        public void add(WebhookEndpoint endpoint) {
            rows.put(endpoint.id(), endpoint);
        }

        @Override
        public List<WebhookEndpoint> list() {
            return List.copyOf(rows.values());
        }

        @Override
        public Optional<WebhookEndpoint> find(UUID id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public void rotate(UUID id, String secret, String previousSecret, Instant previousUntil) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<WebhookEndpoint> leaseDue(Instant now, Instant leaseUntil, int max) {
            long head = feed.isEmpty() ? 0 : feed.get(feed.size() - 1).sequence();
            return rows.values().stream().filter(e -> e.state() == WebhookEndpoint.State.ENABLED
                    && !e.nextAttemptAt().isAfter(now) && e.deliveredThrough() < head).limit(max).toList();
        }

        @Override
        public Next next(long after, List<String> eventTypes) {
            long head = feed.isEmpty() ? 0 : feed.get(feed.size() - 1).sequence();
            return new Next(feed.stream().filter(e -> e.sequence() > after).findFirst(), head);
        }

        @Override
        public boolean advance(UUID id, long through, Instant now) {
            WebhookEndpoint e = rows.get(id);
            rows.put(id, with(e, e.state(), e.disabledReason(), Math.max(through, e.deliveredThrough()), 0, null,
                    now, null));
            return e.state() == WebhookEndpoint.State.ENABLED;
        }

        @Override
        public void failed(UUID id, int attempts, Instant failingSince, Instant nextAttemptAt, Integer status,
                           String error) {
            WebhookEndpoint e = rows.get(id);
            if (e.state() != WebhookEndpoint.State.ENABLED) {
                return;
            }
            rows.put(id, with(e, e.state(), e.disabledReason(), e.deliveredThrough(), attempts, failingSince,
                    nextAttemptAt, status));
        }

        @Override
        public void disable(UUID id, String reason, Integer status, Instant now) {
            WebhookEndpoint e = rows.get(id);
            if (e.state() != WebhookEndpoint.State.ENABLED) {
                return;
            }
            rows.put(id, with(e, WebhookEndpoint.State.DISABLED, reason, e.deliveredThrough(), e.attempts(),
                    e.failingSince(), now, status));
        }

        @Override
        public boolean deactivate(UUID id, String reason, Instant now) {
            WebhookEndpoint e = rows.get(id);
            if (e.state() != WebhookEndpoint.State.ENABLED) {
                return false;
            }
            rows.put(id, with(e, WebhookEndpoint.State.DISABLED, reason, e.deliveredThrough(), e.attempts(),
                    e.failingSince(), now, e.lastStatus()));
            return true;
        }

        @Override
        public boolean reactivate(UUID id, Instant now) {
            WebhookEndpoint e = rows.get(id);
            if (e.state() != WebhookEndpoint.State.DISABLED) {
                return false;
            }
            rows.put(id, with(e, WebhookEndpoint.State.ENABLED, null, e.deliveredThrough(), 0, null, now,
                    e.lastStatus()));
            return true;
        }

        @Override
        public void release(UUID id) {
        }

        private static WebhookEndpoint with(WebhookEndpoint e, WebhookEndpoint.State state, String reason,
                                            long through, int attempts, Instant failingSince, Instant next,
                                            Integer status) {
            return new WebhookEndpoint(e.id(), e.url(), e.eventTypes(), e.description(), e.secret(),
                    e.previousSecret(), e.previousSecretUntil(), e.createdAt(), e.createdBy(), state, reason, through,
                    attempts, failingSince, next, status, e.lastError());
        }
    }
}

package se.socialfund.application.usecase.webhook;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import se.socialfund.application.port.in.webhook.WebhookDelivery;
import se.socialfund.application.port.in.webhook.WebhookUseCases;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.webhook.WebhookEndpoints;
import se.socialfund.application.port.out.webhook.WebhookTransport;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.event.ChangeEvent;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.webhook.WebhookEndpoint;

/**
 * Registers webhook endpoints (fund officers) and delivers the change feed to them: each endpoint's events one at a
 * time, in feed order, the next only after the previous was answered 2xx; a failure is retried with backoff and
 * jitter and never skipped; 410 disables the endpoint. The position is committed after each delivery, so a restart
 * resends at most the message that was in flight (at least once).
 */
public final class WebhookService implements WebhookUseCases, WebhookDelivery {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Endpoints one round serves, one after another; several rounds run at once on other endpoints. */
    static final int ENDPOINTS_PER_ROUND = 10;

    private final AuditedChanges changes;
    private final WebhookEndpoints endpoints;
    private final WebhookTransport transport;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final WebhookSettings settings;

    public WebhookService(AuditedChanges changes, WebhookEndpoints endpoints, WebhookTransport transport,
                          UnitOfWork unitOfWork, Clock clock, WebhookSettings settings) {
        this.changes = changes;
        this.endpoints = endpoints;
        this.transport = transport;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public Registered register(Registration r) {
        return changes.run("createWebhookEndpoint", (caller, subject) -> {
            requireFundOfficer(caller.actor(), "registering a webhook endpoint");
            UUID id = UUID.randomUUID();
            subject.object("webhook-endpoint", id, null, null);
            URI url = WebhookEndpoint.validate(r.url(), r.eventTypes(), r.description(),
                    settings.allowLoopbackHttp());
            transport.refusal(url).ifPresent(reason -> {
                throw new RuleViolation("/url", reason);
            });
            String secret = newSecret();
            WebhookEndpoint endpoint = new WebhookEndpoint(id, url, r.eventTypes(), r.description(), secret, null,
                    null, subject.at(), caller.actor().subject(), WebhookEndpoint.State.ENABLED, null, 0, 0, null,
                    subject.at(), null, null);
            endpoints.add(endpoint);
            subject.versionAfter(1);
            return new Registered(view(endpoints.find(id).orElseThrow()), secret);
        });
    }

    @Override
    public List<EndpointView> list() {
        return changes.read("listWebhookEndpoints", (caller, subject) -> {
            requireFundOfficer(caller.actor(), "the webhook endpoints");
            return endpoints.list().stream().map(WebhookService::view).toList();
        });
    }

    @Override
    public Registered rotateSecret(UUID id) {
        return changes.run("rotateWebhookSecret", (caller, subject) -> {
            requireFundOfficer(caller.actor(), "rotating a webhook secret");
            subject.object("webhook-endpoint", id, null, null);
            WebhookEndpoint e = existing(id);
            String secret = newSecret();
            endpoints.rotate(id, secret, e.secret(), subject.at().plus(settings.rotationOverlap()));
            return new Registered(view(endpoints.find(id).orElseThrow()), secret);
        });
    }

    @Override
    public EndpointView deactivate(UUID id) {
        return changes.run("deactivateWebhookEndpoint", (caller, subject) -> {
            requireFundOfficer(caller.actor(), "deactivating a webhook endpoint");
            subject.object("webhook-endpoint", id, null, null);
            existing(id);
            // the state is checked by the update itself, so that of two steps at once only one is taken
            if (!endpoints.deactivate(id, "deactivated by a fund officer", subject.at())) {
                throw new Conflict("webhook-endpoint-disabled", "the webhook endpoint is already disabled");
            }
            return view(existing(id));
        });
    }

    @Override
    public EndpointView reactivate(UUID id) {
        return changes.run("reactivateWebhookEndpoint", (caller, subject) -> {
            requireFundOfficer(caller.actor(), "reactivating a webhook endpoint");
            subject.object("webhook-endpoint", id, null, null);
            WebhookEndpoint e = existing(id);
            if (e.state() == WebhookEndpoint.State.DISABLED) {
                // its address is checked again: it may have come to resolve to a refused one since its registration
                transport.refusal(e.url()).ifPresent(reason -> {
                    throw new RuleViolation("/url", reason);
                });
            }
            if (!endpoints.reactivate(id, subject.at())) {
                throw new Conflict("webhook-endpoint-enabled", "the webhook endpoint is enabled");
            }
            return view(existing(id));
        });
    }

    private WebhookEndpoint existing(UUID id) {
        return endpoints.find(id).orElseThrow(() -> new NotFound("webhook endpoint " + id));
    }

    private static void requireFundOfficer(Actor actor, String what) {
        if (!actor.has(Role.FUND_OFFICER)) {
            throw new AccessDenied(what + " is for fund-officer");
        }
    }

    /** {@code whsec_} and 32 random bytes in base64, as the Standard Webhooks specification has it. */
    static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    static EndpointView view(WebhookEndpoint e) {
        return new EndpointView(e.id(), e.url().toString(), e.eventTypes(), e.description(), e.state().name(),
                e.disabledReason(), e.createdAt(), e.deliveredThrough(), e.attempts(), e.nextAttemptAt(),
                e.lastStatus(), e.previousSecretUntil());
    }

    // ---- delivery ----------------------------------------------------------------------------------------------

    @Override
    public int deliverDue() {
        Instant now = clock.instant();
        List<WebhookEndpoint> due = unitOfWork.inTransaction(
                () -> endpoints.leaseDue(now, now.plus(settings.lease()), ENDPOINTS_PER_ROUND));
        int sent = 0;
        for (WebhookEndpoint endpoint : due) {
            try {
                sent += deliverTo(endpoint);
            } finally {
                unitOfWork.inTransaction(() -> {
                    endpoints.release(endpoint.id());
                    return null;
                });
            }
        }
        return sent;
    }

    private int deliverTo(WebhookEndpoint e) {
        long through = e.deliveredThrough();
        int attempts = e.attempts();
        Instant failingSince = e.failingSince();
        int sent = 0;
        for (int i = 0; i < settings.messagesPerRound(); i++) {
            long after = through;
            WebhookEndpoints.Next next = unitOfWork.reading(() -> endpoints.next(after, e.eventTypes()));
            if (next.event().isEmpty()) {
                // nothing (more) of its types: its position moves to the head, so it is not leased again for nothing
                if (next.head() > through) {
                    long head = next.head();
                    inTransaction(() -> endpoints.advance(e.id(), head, clock.instant()));
                }
                return sent;
            }
            ChangeEvent event = next.event().get();
            Instant at = clock.instant();
            WebhookTransport.Outcome outcome = transport.post(e.url(), event.id().toString(), at, event,
                    e.secretsAt(at));
            if (outcome.delivered()) {
                boolean enabled = unitOfWork.inTransaction(() -> endpoints.advance(e.id(), event.sequence(), at));
                through = event.sequence();
                attempts = 0;
                failingSince = null;
                sent++;
                if (!enabled) {
                    // deactivated by a fund officer while this round ran: nothing more is sent to it
                    return sent;
                }
                continue;
            }
            if (outcome.gone()) {
                inTransaction(() -> endpoints.disable(e.id(), "the endpoint answered 410 Gone", 410, at));
                return sent;
            }
            int failed = attempts + 1;
            Instant since = failingSince == null ? at : failingSince;
            if (settings.retry().givesUp(since, at)) {
                inTransaction(() -> endpoints.disable(e.id(), "deliveries failed for "
                        + settings.retry().giveUpAfter().toHours() + " h", outcome.status(), at));
            } else {
                Instant nextAttempt = at.plus(settings.retry().delayAfter(failed,
                        ThreadLocalRandom.current().nextDouble()));
                inTransaction(() -> endpoints.failed(e.id(), failed, since, nextAttempt,
                        outcome.status() < 0 ? null : outcome.status(), outcome.error()));
            }
            return sent;
        }
        return sent;
    }

    private void inTransaction(Runnable work) {
        unitOfWork.inTransaction(() -> {
            work.run();
            return null;
        });
    }
}

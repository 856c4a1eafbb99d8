package se.socialfund.bootstrap;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import se.socialfund.application.port.in.event.EventRetention;
import se.socialfund.application.port.in.webhook.WebhookDelivery;

/**
 * The service's own background work (issue 17): webhook delivery rounds on a few threads, and the feed's retention.
 * They keep no state of their own: what is due is in the database, so a restart simply carries on.
 */
@ApplicationScoped
public class EventWorkers {
    private static final Logger LOG = Logger.getLogger(EventWorkers.class);

    @Inject
    WebhookDelivery delivery;

    @Inject
    EventRetention retention;

    @ConfigProperty(name = "socialfund.webhooks.poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "socialfund.webhooks.workers")
    int workers;

    @ConfigProperty(name = "socialfund.events.purge-interval")
    Duration purgeInterval;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newScheduledThreadPool(workers + 1, r -> {
            Thread t = new Thread(r, "socialfund-events");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers; i++) {
            scheduler.scheduleWithFixedDelay(this::deliver, pollInterval.toMillis(), pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        scheduler.scheduleWithFixedDelay(this::purge, purgeInterval.toMillis(), purgeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void deliver() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            LOG.warnf("webhook delivery round failed: %s", e.getMessage());
        }
    }

    private void purge() {
        try {
            int removed = retention.purgeExpired();
            if (removed > 0) {
                LOG.infof("removed %d events older than the feed's retention", removed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("the feed's retention failed: %s", e.getMessage());
        }
    }
}

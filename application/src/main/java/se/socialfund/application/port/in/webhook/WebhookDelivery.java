package se.socialfund.application.port.in.webhook;

/** Delivers what is due to the endpoints; run by the service's own scheduler, not by a caller. */
public interface WebhookDelivery {
    /** One round: every due endpoint is sent its next events, in order, until one fails; answers how many went out. */
    int deliverDue();
}

package se.socialfund.application.usecase.webhook;

import java.time.Duration;

import se.socialfund.domain.webhook.RetryPolicy;

/**
 * How webhooks are delivered (configuration).
 *
 * @param allowLoopbackHttp  plain HTTP to a loopback host may be registered (tests only)
 * @param rotationOverlap    how long the previous secret is still signed with after a rotation
 * @param retry              backoff, jitter, and when to give up
 * @param lease              how long a worker holds an endpoint while delivering to it
 * @param messagesPerRound   the most messages sent to one endpoint in one round
 */
public record WebhookSettings(boolean allowLoopbackHttp, Duration rotationOverlap, RetryPolicy retry,
                              Duration lease, int messagesPerRound) {
}

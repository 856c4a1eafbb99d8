package se.socialfund.domain.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a failed message again: exponential backoff from {@code first}, doubled per attempt up to
 * {@code max}, each delay drawn uniformly from [0.5, 1.0] of it (jitter, so that receivers coming back are not hit by
 * every sender at once), for {@code giveUpAfter} from the first failure; then the endpoint is disabled.
 */
public record RetryPolicy(Duration first, Duration max, Duration giveUpAfter) {
    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("a retry policy needs 0 < first <= max and a period to give up after");
        }
    }

    /** The delay before the next attempt after {@code failedAttempts} failures (1 or more); unit is in [0, 1). */
    public Duration delayAfter(int failedAttempts, double unit) {
        long full = first.toMillis();
        for (int i = 1; i < failedAttempts && full < max.toMillis(); i++) {
            full *= 2;
        }
        full = Math.min(full, max.toMillis());
        return Duration.ofMillis(Math.max(1, Math.round(full * (0.5 + 0.5 * unit))));
    }

    /** Whether a message failing since then has been retried long enough. */
    public boolean givesUp(Instant failingSince, Instant now) {
        return failingSince != null && !now.isBefore(failingSince.plus(giveUpAfter));
    }
}

package se.socialfund.bootstrap.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real time, unless a test fixes it (deadlines, periods). Tests that fix it put
 * it back with {@link #reset()}.
 */
@Singleton
public class TestClock extends Clock {
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** Noon in Stockholm on the given day. */
    public void setDay(LocalDate day) {
        set(day.atTime(12, 0).atZone(ZoneId.of("Europe/Stockholm")).toInstant());
    }

    public void reset() {
        fixed.set(null);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : Instant.now();
    }
}

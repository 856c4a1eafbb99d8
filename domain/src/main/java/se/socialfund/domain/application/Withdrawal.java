package se.socialfund.domain.application;

import java.time.Instant;

/** The office took its application back before the board decided. */
public record Withdrawal(String reason, Instant withdrawnAt, String withdrawnBy) {
}

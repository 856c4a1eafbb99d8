package se.socialfund.domain.application;

import java.time.Instant;

/** A scientific advisor's comment (vetenskapliga rådet). Advisory only: it never moves the application. */
public record Review(int number, String comment, Instant addedAt, String addedBy) {
}

package se.socialfund.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.Money;

/** The columns a list of applications shows, read without restoring whole applications. */
public record ApplicationSummary(long position, UUID id, String registrationNumber, String title, Stage stage,
                                 long version, String leadOffice, List<String> offices, UUID periodId,
                                 Money requestedAmount, Money grantedAmount, Instant receivedAt, Instant updatedAt) {
}

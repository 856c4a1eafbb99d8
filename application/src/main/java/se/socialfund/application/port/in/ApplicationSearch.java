package se.socialfund.application.port.in;

import java.util.UUID;

import se.socialfund.domain.application.Stage;

/**
 * The caller's filters on the list of applications; null means no filter. What the caller may see (their office,
 * or what the form submitted) is added by the use case, never by the caller.
 */
public record ApplicationSearch(Stage stage, String office, UUID periodId, String registrationNumber) {
}

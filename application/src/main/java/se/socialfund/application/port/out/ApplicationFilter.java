package se.socialfund.application.port.out;

import java.util.UUID;

import se.socialfund.domain.application.Stage;

/**
 * Optional filters for the list of applications; null means no filter. {@code visibleToOffice} is set by the use
 * case, never by the caller: it limits an office's staff to their office's applications.
 */
public record ApplicationFilter(Stage stage, String office, UUID periodId, String registrationNumber,
                                String visibleToOffice, String visibleToSubmitter) {
}

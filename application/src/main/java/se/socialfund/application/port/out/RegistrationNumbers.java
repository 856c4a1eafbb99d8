package se.socialfund.application.port.out;

import se.socialfund.domain.application.RegistrationNumber;

/**
 * Hands out registration numbers: running within the year, unique, never reused, and without gaps, because the
 * number is taken in the same transaction as the application it names.
 */
public interface RegistrationNumbers {
    RegistrationNumber next(int year);
}

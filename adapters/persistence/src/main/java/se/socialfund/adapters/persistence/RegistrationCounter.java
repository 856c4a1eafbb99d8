package se.socialfund.adapters.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.domain.application.RegistrationNumber;

/**
 * The year's counter row, incremented in the submitting transaction. Concurrent submissions queue on the row, and
 * a rolled-back submission rolls its number back too: unique, running, and without gaps.
 */
@ApplicationScoped
public class RegistrationCounter implements RegistrationNumbers {
    @Inject
    EntityManager em;

    @Override
    public RegistrationNumber next(int year) {
        Number n = (Number) em.createNativeQuery("""
                        INSERT INTO registration_counter (year, last_number) VALUES (:year, 1)
                        ON CONFLICT (year) DO UPDATE SET last_number = registration_counter.last_number + 1
                        RETURNING last_number""")
                .setParameter("year", year).getSingleResult();
        return new RegistrationNumber(RegistrationNumber.BOARD_SERIES, year, n.intValue());
    }
}

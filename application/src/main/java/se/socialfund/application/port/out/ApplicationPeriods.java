package se.socialfund.application.port.out;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.period.ApplicationPeriod;

/** The application periods. */
public interface ApplicationPeriods {
    /** All periods, oldest first, read so that no other period can be added until this transaction ends. */
    List<ApplicationPeriod> allLockedForChange();

    List<ApplicationPeriod> all();

    Optional<ApplicationPeriod> find(UUID id);

    Optional<ApplicationPeriod> openOn(LocalDate day);

    void add(ApplicationPeriod period);
}

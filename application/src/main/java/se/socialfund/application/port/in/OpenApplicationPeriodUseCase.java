package se.socialfund.application.port.in;

import java.time.LocalDate;

import se.socialfund.domain.period.ApplicationPeriod;

/** A fund officer opens one of the year's two application periods. */
public interface OpenApplicationPeriodUseCase {
    record Command(String name, LocalDate opensOn, LocalDate closesOn) {
    }

    ApplicationPeriod open(Command command);
}

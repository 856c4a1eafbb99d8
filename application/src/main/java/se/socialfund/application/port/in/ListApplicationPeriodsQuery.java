package se.socialfund.application.port.in;

import java.util.List;

import se.socialfund.domain.period.ApplicationPeriod;

/** The application periods, for anyone signed in. */
public interface ListApplicationPeriodsQuery {
    List<ApplicationPeriod> list(Integer year);

    ApplicationPeriod get(java.util.UUID id);
}

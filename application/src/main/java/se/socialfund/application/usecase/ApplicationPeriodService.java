package se.socialfund.application.usecase;

import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.ListApplicationPeriodsQuery;
import se.socialfund.application.port.in.OpenApplicationPeriodUseCase;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Role;

/** Opens and lists application periods. */
public final class ApplicationPeriodService implements OpenApplicationPeriodUseCase, ListApplicationPeriodsQuery {
    private final AuditedChanges changes;
    private final ApplicationPeriods periods;

    public ApplicationPeriodService(AuditedChanges changes, ApplicationPeriods periods) {
        this.changes = changes;
        this.periods = periods;
    }

    @Override
    public ApplicationPeriod open(Command command) {
        return changes.run("openApplicationPeriod", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "opening an application period", Role.FUND_OFFICER);
            UUID id = UUID.randomUUID();
            subject.object("application-period", id, null, null);
            ApplicationPeriod period = ApplicationPeriod.open(id, command.name(), command.opensOn(),
                    command.closesOn(), periods.allLockedForChange(), subject.at(), caller.actor().name());
            periods.add(period);
            return period;
        });
    }

    @Override
    public ApplicationPeriod get(UUID id) {
        return changes.read("getApplicationPeriod", (caller, subject) -> periods.find(id)
                .orElseThrow(() -> new se.socialfund.domain.shared.NotFound("application period " + id)));
    }

    @Override
    public List<ApplicationPeriod> list(Integer year) {
        return changes.read("listApplicationPeriods", (caller, subject) -> periods.all().stream()
                .filter(p -> year == null || p.year() == year).toList());
    }
}

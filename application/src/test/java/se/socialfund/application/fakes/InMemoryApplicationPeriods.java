package se.socialfund.application.fakes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.domain.period.ApplicationPeriod;

public final class InMemoryApplicationPeriods implements ApplicationPeriods {
    private final List<ApplicationPeriod> periods = new ArrayList<>();

    @Override
    public List<ApplicationPeriod> allLockedForChange() {
        return all();
    }

    @Override
    public List<ApplicationPeriod> all() {
        return periods.stream().sorted(Comparator.comparing(ApplicationPeriod::opensOn)).toList();
    }

    @Override
    public Optional<ApplicationPeriod> find(UUID id) {
        return periods.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<ApplicationPeriod> openOn(LocalDate day) {
        return periods.stream().filter(p -> p.isOpenOn(day)).findFirst();
    }

    @Override
    public void add(ApplicationPeriod period) {
        periods.add(period);
    }
}

package se.socialfund.adapters.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.domain.period.ApplicationPeriod;

/** Application periods in PostgreSQL; an exclusion constraint also forbids overlaps. */
@ApplicationScoped
public class PeriodStore implements ApplicationPeriods {
    @Inject
    EntityManager em;

    @Override
    public List<ApplicationPeriod> allLockedForChange() {
        // one period is opened at a time, so the checks of "no overlap" and "two a year" see every other period
        em.createNativeQuery("LOCK TABLE application_period IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
        return all();
    }

    @Override
    public List<ApplicationPeriod> all() {
        return em.createQuery("from ApplicationPeriodEntity p order by p.opensOn", ApplicationPeriodEntity.class)
                .getResultStream().map(PeriodStore::toPeriod).toList();
    }

    @Override
    public Optional<ApplicationPeriod> find(UUID id) {
        return Optional.ofNullable(em.find(ApplicationPeriodEntity.class, id)).map(PeriodStore::toPeriod);
    }

    @Override
    public Optional<ApplicationPeriod> openOn(LocalDate day) {
        return em.createQuery("from ApplicationPeriodEntity p where p.opensOn <= :d and p.closesOn >= :d",
                        ApplicationPeriodEntity.class).setParameter("d", day).getResultStream().findFirst()
                .map(PeriodStore::toPeriod);
    }

    @Override
    public void add(ApplicationPeriod period) {
        ApplicationPeriodEntity e = new ApplicationPeriodEntity();
        e.id = period.id();
        e.name = period.name();
        e.opensOn = period.opensOn();
        e.closesOn = period.closesOn();
        e.createdAt = period.createdAt();
        e.createdBy = period.createdBy();
        em.persist(e);
    }

    private static ApplicationPeriod toPeriod(ApplicationPeriodEntity e) {
        return new ApplicationPeriod(e.id, e.name, e.opensOn, e.closesOn, e.createdAt, e.createdBy);
    }
}

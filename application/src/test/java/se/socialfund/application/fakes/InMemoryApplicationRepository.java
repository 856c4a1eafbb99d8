package se.socialfund.application.fakes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.application.port.out.ApplicationFilter;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.StaleVersion;

/**
 * Keeps snapshots, never live objects: each find restores a fresh aggregate, as the database would. An update is
 * refused with StaleVersion when the stored version is not the one the caller loaded. Lists newest first, keyset
 * paged like the PostgreSQL store: {@code ApplicationRepositoryContract} holds both to the same promises.
 */
public final class InMemoryApplicationRepository implements ApplicationRepository {
    private final Map<UUID, ApplicationSnapshot> current = new LinkedHashMap<>();
    private final Map<UUID, Long> positions = new LinkedHashMap<>();
    private final Map<UUID, List<ApplicationEvent>> history = new LinkedHashMap<>();
    private final Map<UUID, List<Revision>> revisions = new LinkedHashMap<>();
    private long nextPosition = 1;

    @Override
    public Optional<Application> find(UUID id) {
        return Optional.ofNullable(current.get(id)).map(Application::restore);
    }

    @Override
    public void add(Application application) {
        if (current.containsKey(application.id())) {
            throw new IllegalStateException("already stored: " + application.id());
        }
        current.put(application.id(), application.snapshot());
        positions.put(application.id(), nextPosition++);
        history.put(application.id(), new ArrayList<>(application.newEvents()));
        revisions.put(application.id(), new ArrayList<>());
        application.newRevision().ifPresent(revisions.get(application.id())::add);
    }

    @Override
    public void update(Application application, long loadedVersion) {
        ApplicationSnapshot stored = current.get(application.id());
        if (stored == null) {
            throw new IllegalStateException("not stored: " + application.id());
        }
        if (stored.version() != loadedVersion) {
            throw new StaleVersion(loadedVersion, stored.version());
        }
        current.put(application.id(), application.snapshot());
        application.newEvents().stream().filter(e -> e.version() > stored.version())
                .forEach(history.get(application.id())::add);
        application.newRevision().filter(r -> revisions.get(application.id()).stream()
                .noneMatch(kept -> kept.number() == r.number())).ifPresent(revisions.get(application.id())::add);
    }

    @Override
    public Page<ApplicationSummary> list(ApplicationFilter filter, int limit, Long after) {
        List<ApplicationSummary> rows = current.values().stream()
                .filter(s -> filter.stage() == null || s.stage() == filter.stage())
                .filter(s -> filter.office() == null || offices(s).contains(filter.office()))
                .filter(s -> filter.periodId() == null || s.periodId().equals(filter.periodId()))
                .filter(s -> filter.registrationNumber() == null
                        || s.registrationNumber().toString().equals(filter.registrationNumber()))
                .filter(s -> filter.visibleToOffice() == null || offices(s).contains(filter.visibleToOffice()))
                .filter(s -> filter.visibleToSubmitter() == null || s.submittedBy().equals(filter.visibleToSubmitter()))
                .map(this::summary)
                .filter(r -> after == null || r.position() < after)
                .sorted(Comparator.comparingLong(ApplicationSummary::position).reversed())
                .limit(limit + 1L)
                .toList();
        return Page.of(rows, limit, ApplicationSummary::position);
    }

    private static List<String> offices(ApplicationSnapshot s) {
        return s.currentRevision().content().officeCodes();
    }

    private ApplicationSummary summary(ApplicationSnapshot s) {
        return new ApplicationSummary(positions.get(s.id()), s.id(), s.registrationNumber().toString(),
                s.content().title(), s.stage(), s.version(), s.leadOffice(), s.offices(), s.periodId(),
                s.content().budget().requestedAmount(), granted(s), s.receivedAt(), s.updatedAt());
    }

    /** As the store's column: the granted amount of the investment, none before a grant or without one. */
    private static se.socialfund.domain.shared.Money granted(ApplicationSnapshot s) {
        return s.investment() == null ? null : s.investment().grantedAmount();
    }

    @Override
    public List<ApplicationEvent> history(UUID id) {
        return List.copyOf(history.getOrDefault(id, List.of()));
    }

    @Override
    public List<Revision> revisions(UUID id) {
        return List.copyOf(revisions.getOrDefault(id, List.of()));
    }

    @Override
    public Optional<Revision> revision(UUID id, int number) {
        return revisions(id).stream().filter(r -> r.number() == number).findFirst();
    }

    @Override
    public List<ApplicationSnapshot> inStages(Set<Stage> stages) {
        return current.values().stream().filter(s -> stages.contains(s.stage())).toList();
    }

    /** The stored state, for assertions. */
    public ApplicationSnapshot stored(UUID id) {
        return current.get(id);
    }

    public int size() {
        return current.size();
    }
}

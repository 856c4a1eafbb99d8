package se.socialfund.application.port.out;

import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Revision;

/** Where applications are kept: the current state, every revision, and the history of events. */
public interface ApplicationRepository {
    Optional<Application> find(UUID id);

    /** An application with the idea it was made from, if any (issue 16). */
    record WithOrigin(Application application, se.socialfund.domain.idea.ApplicationOrigin origin) {
    }

    /**
     * As {@link #find}, with the application's origin (null when it was not made from an idea). A store answers it
     * in the same statement as the application.
     */
    default Optional<WithOrigin> findWithOrigin(UUID id) {
        return find(id).map(a -> new WithOrigin(a, null));
    }

    /** Stores a new application with its first revision and its events. */
    void add(Application application);

    /**
     * Stores the application's new state, new revision and new events, provided nobody else changed it since it
     * was loaded; otherwise raises {@code StaleVersion}.
     */
    void update(Application application, long loadedVersion);

    Page<ApplicationSummary> list(ApplicationFilter filter, int limit, Long after);

    List<ApplicationEvent> history(UUID id);

    List<Revision> revisions(UUID id);

    Optional<Revision> revision(UUID id, int number);

    /** Applications in the given stages (for deadlines, reports and the public list), as read-only state. */
    List<ApplicationSnapshot> inStages(java.util.Set<se.socialfund.domain.application.Stage> stages);
}

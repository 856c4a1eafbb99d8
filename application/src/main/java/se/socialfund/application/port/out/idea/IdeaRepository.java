package se.socialfund.application.port.out.idea;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.idea.IdeaSummary;
import se.socialfund.domain.idea.Idea;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;

/** Where ideas are kept: the current state, and the history of events (append-only). */
public interface IdeaRepository {
    Optional<Idea> find(UUID id);

    /** Reads the idea and locks it until the transaction ends (a conversion holds it while the application is made). */
    Optional<Idea> lockForUpdate(UUID id);

    void add(Idea idea);

    /** Stores the new state and events if nobody changed the idea since it was loaded; else {@code StaleVersion}. */
    void update(Idea idea, long loadedVersion);

    /**
     * Optional filters (null: none). {@code visibleToOffice} and {@code visibleToSubmitter} are set by the use case:
     * an office's staff see the ideas that concern their office (once sponsored, only the sponsor's), the form its own.
     */
    record Filter(IdeaStage stage, String office, String visibleToOffice, String visibleToSubmitter) {
    }

    Page<IdeaSummary> list(Filter filter, int limit, Long after);

    List<IdeaEvent> history(UUID id);

    List<IdeaSnapshot> inStages(Set<IdeaStage> stages);

    /** The application records the idea it came from and its external partners (in the current transaction). */
    void recordOrigin(UUID applicationId, UUID ideaId, List<Organisation> externalPartners);
}

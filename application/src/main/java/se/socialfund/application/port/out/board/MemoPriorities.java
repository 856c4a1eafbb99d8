package se.socialfund.application.port.out.board;

import java.util.Optional;
import java.util.UUID;

import se.socialfund.domain.board.Priorities;

/** The priority order of each period's decision memo. */
public interface MemoPriorities {
    Optional<Priorities> find(UUID periodId);

    /**
     * Stores a new order if nobody changed it since the version it was made from; otherwise raises
     * {@code StaleVersion}.
     */
    void save(Priorities priorities, long previousVersion);
}

package se.socialfund.domain.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

/**
 * The fund officer's priority order of a period's applications in the decision memo (tjänsteskrivelsen): the
 * municipality-wide perspective is there "to make priorities between investments possible where needed". Version 0
 * is the order not yet set (the registration numbers' order).
 */
public record Priorities(UUID periodId, List<UUID> order, long version, Instant setAt, String setBy) {
    public Priorities {
        order = List.copyOf(order);
    }

    public static Priorities none(UUID periodId) {
        return new Priorities(periodId, List.of(), 0, null, null);
    }

    /**
     * A new order: on the version the officer saw (412 otherwise), naming only applications of the period that are
     * ready for decision, each at most once (422, every broken place named). Applications left out follow in
     * registration order.
     */
    public Priorities set(List<UUID> newOrder, Set<UUID> readyOfPeriod, long expectedVersion, Instant at, String by) {
        if (expectedVersion != version) {
            throw new StaleVersion(expectedVersion, version);
        }
        Violations v = new Violations();
        if (v.requireList(newOrder, 1, BoardMeeting.MAX_DECISIONS, "order")) {
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < newOrder.size(); i++) {
                UUID id = newOrder.get(i);
                v.require(id != null && readyOfPeriod.contains(id), "order." + i,
                        "not an application of this period that is ready for decision");
                v.require(id == null || seen.add(id), "order." + i, "named twice");
            }
        }
        v.throwIfAny("the priority order is invalid");
        return new Priorities(periodId, newOrder, version + 1, at, by);
    }

    /** The items in this order; those it does not name after them, in the fallback order. */
    public <T> List<T> arrange(List<T> items, Function<T, UUID> id, Comparator<T> fallback) {
        Map<UUID, Integer> rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.<T>comparingInt(t -> rank.getOrDefault(id.apply(t), Integer.MAX_VALUE))
                .thenComparing(fallback));
        return sorted;
    }
}

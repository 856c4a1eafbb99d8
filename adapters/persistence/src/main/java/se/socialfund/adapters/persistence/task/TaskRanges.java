package se.socialfund.adapters.persistence.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.in.task.TaskQuery.TaskKey;

/**
 * The work queue's keyset ranges, for both task tables ({@code application_task}, {@code idea_task}: the same
 * columns but the id's name): per scope an index range of the table's key {@code (scope, due_on, waiting_since,
 * id)} read in order from the cursor on, keeping the rows whose waiting steps meet the scope's, the ranges merged in
 * one statement. Each store wraps it with what it reads of the page.
 */
public final class TaskRanges {
    private TaskRanges() {
    }

    /**
     * One scope's range: its key in the table, the steps it looks for among the rows' {@code actions} (none: every
     * row of the key, whose key names its step already), and whether only the caller's own submissions count.
     */
    public record Range(String scope, List<String> actions, boolean ownSubmissions) {
    }

    /** The queue's order over the table, its columns prefixed with {@code alias} (none when empty). */
    public static String order(String idColumn, String alias) {
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return prefix + "due_on, " + prefix + "waiting_since, " + prefix + idColumn;
    }

    /**
     * The statement reading up to {@code limit} rows ({@code idColumn, due_on, waiting_since}) of the ranges from
     * the cursor on, in the queue's order; its parameters go into {@code params}.
     */
    public static String union(String table, String idColumn, List<Range> ranges, String subject, TaskKey after,
                               int limit, Map<String, Object> params) {
        String order = order(idColumn, "");
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            Range range = ranges.get(i);
            StringBuilder part = new StringBuilder("SELECT " + idColumn + ", due_on, waiting_since FROM " + table
                    + " WHERE scope = :scope" + i);
            params.put("scope" + i, range.scope());
            if (!range.actions().isEmpty()) {
                part.append(" AND actions && CAST(:actions").append(i).append(" AS text[])");
                params.put("actions" + i, SqlArrays.literal(range.actions().stream().sorted().toList()));
            }
            if (range.ownSubmissions()) {
                part.append(" AND submitted_by = :subject");
                params.put("subject", subject);
            }
            if (after != null) {
                part.append(" AND (").append(order).append(") > (CAST(:afterDue AS date), :afterWaiting, :afterId)");
            }
            part.append(" ORDER BY ").append(order).append(" LIMIT ").append(limit);
            parts.add(part.toString());
        }
        if (after != null) {
            params.put("afterDue", after.dueOn() == null ? "infinity" : after.dueOn().toString());
            params.put("afterWaiting", SqlArrays.utc(after.waitingSince()));
            params.put("afterId", after.applicationId());
        }
        return parts.size() == 1 ? parts.get(0)
                : "(" + String.join(") UNION (", parts) + ") ORDER BY " + order + " LIMIT " + limit;
    }

    /** A row's key: the id, {@code due_on} read as text ({@code infinity} when none), {@code waiting_since}. */
    public static TaskKey key(Object[] row) {
        return new TaskKey("infinity".equals(row[1]) ? null : LocalDate.parse((String) row[1]),
                SqlArrays.instant(row[2]), (UUID) row[0]);
    }
}

package se.socialfund.adapters.persistence.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.followup.Deadline;

/**
 * The work queue's rows of one application ({@code application_task}, V35, V65), written by the application store
 * in the same transaction as every change: one row per place and step, for every step the domain says its stage
 * and state allow ({@link Application#possibleActions()}), the places being the callers who see every office
 * ({@value #EVERY}) and each office taking part. A row's scope is {@link #scope(String, String) the place and the
 * step}, so a caller's page is read from exact index ranges (one per place and step the caller may take) and skips
 * nothing. Each row holds the earliest deadline ({@link Deadline#owedBy}; {@code infinity} when none) and since
 * when the application waits. An application on which no step is possible has no rows.
 */
public final class ApplicationTaskRows {
    /** The scope of the row read by callers who see every application. Office codes never take this form. */
    public static final String EVERY = "*";

    private ApplicationTaskRows() {
    }

    /** The key of a place's rows of one step: {@code "* ASSESS_CRITERIA"}, {@code "socialkontoret WITHDRAW"}. */
    public static String scope(String place, String step) {
        return place + " " + step;
    }

    /** A statement with named parameters, to be run (or deferred) in the changing transaction. */
    public record Write(String sql, Map<String, Object> params) {
    }

    /**
     * The statements that write the rows of the application's current state, in order; {@code replace}: its earlier
     * rows are removed first. Named parameters and {@code CAST}s only, so that the store may defer them with its
     * other writes ({@code DeferredWrites}).
     */
    public static List<Write> statements(Application application, ZoneId zone, boolean replace) {
        List<Write> writes = new ArrayList<>();
        if (replace) {
            writes.add(new Write("DELETE FROM application_task WHERE application_id = :id",
                    Map.of("id", application.id())));
        }
        insertion(application.snapshot(), zone).ifPresent(writes::add);
        return writes;
    }

    /** Inserts the rows of a stored application's state at once (the backfill of applications stored before V35). */
    static void insert(EntityManager em, ApplicationSnapshot snapshot, ZoneId zone) {
        insertion(snapshot, zone).ifPresent(w -> {
            jakarta.persistence.Query query = em.createNativeQuery(w.sql());
            w.params().forEach(query::setParameter);
            query.executeUpdate();
        });
    }

    private static java.util.Optional<Write> insertion(ApplicationSnapshot snapshot, ZoneId zone) {
        Application app = Application.restore(snapshot);
        List<Action> possible = app.possibleActions();
        if (possible.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(EVERY);
        scopes.addAll(new LinkedHashSet<>(app.offices()));
        // the due date does not depend on the day asked (only its status does)
        LocalDate due = Deadline.owedBy(snapshot, LocalDate.EPOCH, zone).stream().map(Deadline::dueOn)
                .min(LocalDate::compareTo).orElse(null);
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("due", due == null ? "infinity" : due.toString());
        params.put("waiting", SqlArrays.utc(snapshot.updatedAt()));
        params.put("id", snapshot.id());
        params.put("submitter", snapshot.submittedBy());
        params.put("actions", SqlArrays.literal(possible.stream().map(Action::name).toList()));
        params.put("scopes", SqlArrays.literal(scopes));
        return java.util.Optional.of(new Write("""
                INSERT INTO application_task (scope, due_on, waiting_since, application_id, submitted_by, actions)
                SELECT place || ' ' || step, CAST(:due AS date), :waiting, :id, :submitter, ARRAY[step]
                  FROM unnest(CAST(:scopes AS text[])) place, unnest(CAST(:actions AS text[])) step""", params));
    }
}

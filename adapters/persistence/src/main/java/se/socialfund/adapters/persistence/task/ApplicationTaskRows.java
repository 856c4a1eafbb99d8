package se.socialfund.adapters.persistence.task;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.persistence.EntityManager;

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.followup.Deadline;

/**
 * The work queue's rows of one application ({@code application_task}, V35), written by the application store in
 * the same transaction as every change: one row for the callers who see every office ({@value #EVERY}) and one per
 * office taking part, each with the steps the domain says its stage and state allow
 * ({@link Application#possibleActions()}), its earliest deadline ({@link Deadline#owedBy}; {@code infinity} when
 * none) and since when it waits. An application on which no step is possible has no rows.
 */
public final class ApplicationTaskRows {
    /** The scope of the row read by callers who see every application. Office codes never take this form. */
    public static final String EVERY = "*";

    private ApplicationTaskRows() {
    }

    /** Writes the rows of the application's current state; {@code replace}: removes its earlier rows first. */
    public static void write(EntityManager em, Application application, ZoneId zone, boolean replace) {
        if (replace) {
            em.createNativeQuery("DELETE FROM application_task WHERE application_id = :id")
                    .setParameter("id", application.id()).executeUpdate();
        }
        insert(em, application.snapshot(), zone);
    }

    static void insert(EntityManager em, ApplicationSnapshot snapshot, ZoneId zone) {
        Application app = Application.restore(snapshot);
        List<Action> possible = app.possibleActions();
        if (possible.isEmpty()) {
            return;
        }
        List<String> scopes = new ArrayList<>();
        scopes.add(EVERY);
        scopes.addAll(new LinkedHashSet<>(app.offices()));
        // the due date does not depend on the day asked (only its status does)
        LocalDate due = Deadline.owedBy(snapshot, LocalDate.EPOCH, zone).stream().map(Deadline::dueOn)
                .min(LocalDate::compareTo).orElse(null);
        em.createNativeQuery("""
                        INSERT INTO application_task (scope, due_on, waiting_since, application_id, submitted_by, actions)
                        SELECT scope, CAST(:due AS date), :waiting, :id, :submitter, CAST(:actions AS text[])
                          FROM unnest(CAST(:scopes AS text[])) scope""")
                .setParameter("due", due == null ? "infinity" : due.toString())
                .setParameter("waiting", SqlArrays.utc(snapshot.updatedAt()))
                .setParameter("id", snapshot.id())
                .setParameter("submitter", snapshot.submittedBy())
                .setParameter("actions", SqlArrays.literal(possible.stream().map(Action::name).toList()))
                .setParameter("scopes", SqlArrays.literal(scopes))
                .executeUpdate();
    }
}

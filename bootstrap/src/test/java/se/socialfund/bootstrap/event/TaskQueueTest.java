package se.socialfund.bootstrap.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.persistence.task.ApplicationTaskBackfill;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work queue is exactly the set of applications whose {@code allowedActions} for the caller are not empty,
 * with those actions: held for an application in every stage and for every role, at the application's office and
 * at another (the roles that see every office once), through the API as clients use it.
 */
@QuarkusTest
class TaskQueueTest {
    static final String OFFICE = "uppgiftskontoret";
    static final String OTHER = "uppgiftskontoret-annat";

    /** Takes a lifecycle step as its owner, office roles at this test's office. */
    static void take(UUID id, String action, long version, Object body) {
        Steps.Step step = Steps.ALL.get(action);
        boolean officeRole = step.role().equals("applicant") || step.role().equals("office-head");
        Api.as(step.role(), officeRole ? OFFICE : step.office()).header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/applications/" + id + "/" + step.path()).then().statusCode(200);
    }

    static UUID applicationIn(String stage) {
        UUID id = Api.submit(EventFeedTest.application(OFFICE), OFFICE);
        List<String> path = switch (stage) {
            case "REJECTED" -> List.of();
            case "DECLINED" -> Steps.PATH_TO.get("READY_FOR_DECISION");
            default -> Steps.PATH_TO.get(stage);
        };
        long version = 1;
        for (String action : path) {
            take(id, action, version++, Steps.ALL.get(action).body().get());
        }
        if (stage.equals("REJECTED")) {
            take(id, "ASSESS_CRITERIA", version, Steps.criteriaOneNotMet());
        }
        if (stage.equals("DECLINED")) {
            take(id, "RECORD_BOARD_DECISION", version, Steps.decline());
        }
        return id;
    }

    /** Every task of the caller, page by page (a fresh request each page: query parameters accumulate). */
    static List<Map<String, Object>> tasks(java.util.function.Supplier<RequestSpecification> as, String step) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification spec = as.get().queryParam("limit", 200);
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            if (step != null) {
                spec.queryParam("step", step);
            }
            Response r = spec.get("/api/v1/tasks");
            r.then().statusCode(200);
            all.addAll(r.jsonPath().getList("items"));
            cursor = r.path("nextCursor");
        } while (cursor != null);
        return all;
    }

    @Test
    void the_queue_holds_exactly_the_applications_with_allowed_actions_for_every_role_and_stage() {
        Api.ensureOpenPeriod();
        Fund.ensureAvailable(new java.math.BigDecimal("100000.00"));
        Map<String, UUID> byStage = new LinkedHashMap<>();
        for (String stage : List.of("RECEIVED", "CRITERIA_CHECKED", "COMPLETION_REQUESTED", "READY_FOR_DECISION",
                "GRANTED", "IN_IMPLEMENTATION", "FOLLOWED_UP", "EVALUATED", "CLOSED", "WITHDRAWN", "TERMINATED",
                "REJECTED", "DECLINED")) {
            byStage.put(stage, applicationIn(stage));
        }
        Map<String, java.util.function.Supplier<RequestSpecification>> callers = new LinkedHashMap<>();
        for (String role : List.of("applicant", "office-head")) {
            callers.put(role + " (own)", () -> Api.as(role, OFFICE));
            callers.put(role + " (other)", () -> Api.as(role, OTHER));
        }
        for (String role : List.of("fund-officer", "scientific-advisor", "auditor")) {
            callers.put(role, () -> Api.as(role, OTHER));
        }
        String form = Tokens.sign(Tokens.claims("task-form", null, "form-integration"));
        callers.put("form-integration", () -> Api.withToken(form, Contract.full()));

        int cells = 0;
        int inQueue = 0;
        for (var caller : callers.entrySet()) {
            List<Map<String, Object>> queue = tasks(caller.getValue(), null);
            assertOrderedByUrgency(queue);
            // the applications' tasks (ideas share the queue since issue 16: IdeaTest holds those)
            Map<String, List<String>> queued = queue.stream().filter(t -> "APPLICATION".equals(t.get("kind")))
                    .collect(Collectors.toMap(t -> (String) t.get("applicationId"), t -> actions(t)));
            for (var entry : byStage.entrySet()) {
                Response app = caller.getValue().get().get("/api/v1/applications/" + entry.getValue());
                List<String> allowed = app.statusCode() == 404 ? List.of()
                        : app.jsonPath().getList("allowedActions.action");
                String what = caller.getKey() + " on " + entry.getKey();
                assertThat(app.statusCode()).as(what).isIn(200, 404);
                if (allowed.isEmpty()) {
                    assertThat(queued).as(what).doesNotContainKey(entry.getValue().toString());
                } else {
                    assertThat(queued.get(entry.getValue().toString())).as(what)
                            .containsExactlyInAnyOrderElementsOf(allowed);
                    inQueue++;
                }
                cells++;
            }
        }
        // no step is possible on a closed, rejected, declined or withdrawn application: it has no queue rows
        for (String stage : List.of("CLOSED", "REJECTED", "DECLINED", "WITHDRAWN")) {
            assertThat(Database.number("SELECT count(*) FROM application_task WHERE application_id = ?",
                    byStage.get(stage))).as(stage).isZero();
        }
        // a filtered queue is the queue's part that has the step
        List<Map<String, Object>> assessing = tasks(() -> Api.as("fund-officer", null), "ASSESS_CRITERIA");
        assertThat(assessing).isNotEmpty().allMatch(t -> actions(t).contains("ASSESS_CRITERIA"));
        assertThat(assessing).extracting(t -> t.get("applicationId")).contains(byStage.get("RECEIVED").toString())
                .doesNotContain(byStage.get("CRITERIA_CHECKED").toString());
        assertThat(cells).isEqualTo(callers.size() * byStage.size());
        System.out.printf("work queue: %d callers x %d stages = %d cells, %d of them tasks%n", callers.size(),
                byStage.size(), cells, inQueue);
        assertThat(inQueue).isGreaterThan(15);
    }

    @Inject
    ApplicationTaskBackfill backfill;

    /** Every row of the queue's table, as text in a fixed order. */
    static String queueRows() {
        return Database.string("SELECT coalesce(string_agg(concat_ws('|', scope, due_on, waiting_since, application_id,"
                + " submitted_by, actions), E'\\n' ORDER BY scope, due_on, waiting_since, application_id), '')"
                + " FROM application_task");
    }

    @Test
    void the_queue_rows_of_applications_stored_before_it_existed_are_filled_once_at_start() throws Exception {
        Api.ensureOpenPeriod();
        UUID received = Api.submit(EventFeedTest.application(OFFICE), OFFICE);
        take(received, "ASSESS_CRITERIA", 1, Steps.ALL.get("ASSESS_CRITERIA").body().get());
        String written = queueRows();
        assertThat(written).contains(received.toString());
        try (var c = Database.owner(); var s = c.createStatement()) {
            // as after V35 on a database with applications: no rows yet, and the mark
            s.executeUpdate("DELETE FROM application_task");
            s.executeUpdate("INSERT INTO application_task_backfill VALUES (true)");
        }
        assertThat(backfill.fillIfMarked()).isGreaterThanOrEqualTo(1);
        assertThat(queueRows()).isEqualTo(written);
        assertThat(Database.number("SELECT count(*) FROM application_task_backfill")).isZero();
        assertThat(backfill.fillIfMarked()).isZero();

        // a row of the shape before V65 (a place's row with its steps, as an older release writes it after V65
        // ran): the next start rebuilds every row in the shape of now
        try (var c = Database.owner(); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO application_task (scope, due_on, waiting_since, application_id, "
                    + "submitted_by, actions) SELECT '*', due_on, waiting_since, application_id, submitted_by, "
                    + "array_agg(actions[1]) FROM application_task WHERE application_id = '" + received
                    + "' AND scope LIKE '* %' GROUP BY 2, 3, 4, 5");
        }
        assertThat(queueRows()).isNotEqualTo(written);
        assertThat(backfill.fillIfMarked()).isGreaterThanOrEqualTo(1);
        assertThat(queueRows()).isEqualTo(written);
        assertThat(backfill.fillIfMarked()).isZero();
    }

    /** V65 gives every place's row of several steps a row per step, and the queue reads exactly what it wrote. */
    @Test
    void the_migration_to_a_row_per_step_turns_the_rows_of_before_into_the_rows_written_now() throws Exception {
        Api.ensureOpenPeriod();
        UUID received = Api.submit(EventFeedTest.application(OFFICE), OFFICE);
        String written = queueRows();
        assertThat(Database.number("SELECT count(*) FROM application_task WHERE application_id = ?", received))
                .as("a row per place and step: * and the office, each of the received application's steps")
                .isGreaterThan(2);
        try (var c = Database.owner(); var s = c.createStatement()) {
            // the rows as V35 wrote them: one per place, holding all its steps
            s.executeUpdate("CREATE TEMP TABLE v35 AS SELECT split_part(scope, ' ', 1) AS place, due_on, "
                    + "waiting_since, application_id, submitted_by, array_agg(actions[1] ORDER BY actions[1]) AS steps "
                    + "FROM application_task GROUP BY 1, 2, 3, 4, 5");
            s.executeUpdate("DELETE FROM application_task");
            s.executeUpdate("INSERT INTO application_task (scope, due_on, waiting_since, application_id, "
                    + "submitted_by, actions) SELECT place, due_on, waiting_since, application_id, submitted_by, steps "
                    + "FROM v35");
            assertThat(Database.number("SELECT count(*) FROM application_task WHERE application_id = ?", received))
                    .isEqualTo(2);
            s.execute(Database.migration("V65__work_queue_rows_per_step.sql"));
        }
        assertThat(queueRows()).isEqualTo(written);
        assertThat(tasks(() -> Api.as("fund-officer", null), "ASSESS_CRITERIA"))
                .extracting(t -> t.get("applicationId")).contains(received.toString());
    }

    @SuppressWarnings("unchecked")
    static List<String> actions(Map<String, Object> task) {
        return (List<String>) task.get("actions");
    }

    static void assertOrderedByUrgency(List<Map<String, Object>> queue) {
        Comparator<Map<String, Object>> urgency = Comparator
                .comparing((Map<String, Object> t) -> t.get("dueOn") == null ? LocalDate.MAX
                        : LocalDate.parse((String) t.get("dueOn")))
                .thenComparing(t -> Instant.parse((String) t.get("waitingSince")));
        assertThat(queue).isSortedAccordingTo(urgency);
        assertThat(queue.stream().map(t -> t.get("applicationId") != null ? t.get("applicationId") : t.get("ideaId"))
                .collect(Collectors.toSet())).hasSize(queue.size());
    }
}

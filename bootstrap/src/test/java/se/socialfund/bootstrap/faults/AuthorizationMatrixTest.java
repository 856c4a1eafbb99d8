package se.socialfund.bootstrap.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.api.idea.Ideas;
import se.socialfund.bootstrap.api.outcomes.OutcomesContracts;
import se.socialfund.bootstrap.documents.DocumentFixtures;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, for every operation of openapi.yaml: every role, at the application's own office and at another
 * office, and without a token. The expected statuses are a hand-written table (from API.md and the domain's
 * {@link Action} table); an operation of the contract without a row fails the build. Every refusal is checked to
 * have changed nothing in the database and to show nothing of the application it was refused.
 *
 * <p>"Own" and "other": applicants, office heads, fund officers, advisors and auditors carry the office claim of
 * the application's lead office, or of an office that takes no part in it; the application form (a machine client
 * without an office) is the client that submitted the application, or another form client.
 */
@QuarkusTest
class AuthorizationMatrixTest {
    static final List<String> ROLES = List.of("applicant", "office-head", "fund-officer", "scientific-advisor",
            "auditor", "form-integration");
    /** The columns of a row: each role at its own office, then at another; the last is no token at all. */
    static final int CELLS = ROLES.size() * 2 + 1;

    /** operationId -> expected statuses, in the order of the columns below. */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        //                                   applicant office-head fund-off. advisor  auditor   form     no token
        //                                   own other own other   own other own other own other own other
        row("getApiInfo",                   "200 200   200 200     200 200   200 200   200 200   200 200   200");
        row("listApplicationPeriods",       "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("openApplicationPeriod",        "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("getApplicationPeriod",         "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("submitApplication",            "201 422   201 422     403 403   403 403   403 403   201 201   401");
        row("listApplications",             "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("getApplication",               "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("getApplicationHistory",        "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("listRevisions",                "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("getRevision",                  "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("submitRevision",               "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("assessCriteria",               "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("requestCompletion",            "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("addMunicipalPerspective",      "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("addReview",                    "403 404   403 404     403 403   200 200   403 403   403 404   401");
        row("recordBoardDecision",          "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("startProject",                 "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("reportCosts",                  "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("submitFollowUp",               "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("submitEvaluation",             "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("recordImplementationDecision", "403 404   200 404     200 200   403 403   403 403   403 404   401");
        row("withdrawApplication",          "200 404   200 404     403 403   403 403   403 403   403 404   401");
        row("terminateProject",             "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("setRepaymentPlan",             "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("getFund",                      "403 403   403 403     200 200   403 403   200 200   403 403   401");
        row("listLedgerEntries",            "403 403   403 403     200 200   403 403   200 200   403 403   401");
        row("markCapital",                  "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("recordRepayment",              "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("writeOffRepayment",            "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("listAuditEvents",              "403 403   403 403     200 200   403 403   200 200   403 403   401");
        row("verifyAuditChain",             "403 403   403 403     403 403   403 403   200 200   403 403   401");
        row("listDeadlines",                "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("getAnnualReport",              "403 403   403 403     200 200   200 200   200 200   403 403   401");
        row("listPublicInvestments",        "200 200   200 200     200 200   200 200   200 200   200 200   200");
        // the event feed, webhooks and the work queue (issue 17): the feed and the queue answer everyone, scoped
        row("listEvents",                   "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("listTasks",                    "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("listWebhookEndpoints",         "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("createWebhookEndpoint",        "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("rotateWebhookSecret",          "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("deactivateWebhookEndpoint",    "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("reactivateWebhookEndpoint",    "403 403   403 403     200 200   403 403   403 403   403 403   401");
        // outcomes contracts: "own" is the providing office; evaluators (not a column here) are in OutcomesContractTest
        row("createOutcomesContract",       "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("listOutcomesContracts",        "200 200   200 200     200 200   403 403   200 200   403 403   401");
        row("getOutcomesContract",          "200 404   200 404     200 200   403 403   200 200   403 403   401");
        row("getOutcomesSettlement",        "200 404   200 404     200 200   403 403   200 200   403 403   401");
        row("getOutcomesIndigo",            "200 404   200 404     200 200   403 403   200 200   403 403   401");
        row("signOutcomesContract",         "403 404   403 404     200 200   403 403   403 403   403 403   401");
        row("amendOutcomesContract",        "403 404   403 404     200 200   403 403   403 403   403 403   401");
        row("recordOutcomesMeasurements",   "403 404   403 404     200 200   403 403   403 403   403 403   401");
        row("validateOutcomesPeriod",       "403 404   403 404     403 403   403 403   403 403   403 403   401");
        row("approveOutcomesPayment",       "403 404   403 404     200 200   403 403   403 403   403 403   401");
        row("enterOutcomesFinalSettlement", "403 404   403 404     200 200   403 403   403 403   403 403   401");
        row("closeOutcomesContract",        "403 404   403 404     200 200   403 403   403 403   403 403   401");
        // documents (issue 13): the case's offices and fund officers upload and mark, fund officers publish; readers
        // of the application read (the matrix's document is not marked secret)
        row("uploadDocument",               "201 404   201 404     201 201   403 403   403 403   403 404   401");
        row("listDocuments",                "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("getDocument",                  "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("downloadDocument",             "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("markDocument",                 "200 404   200 404     200 200   403 403   403 403   403 404   401");
        row("publishDocument",              "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("withdrawDocumentPublication",  "403 404   403 404     200 200   403 403   403 403   403 404   401");
        // the board's meeting (issue 21): the period's memo for those who see every office, its priorities and the
        // board's act for fund officers; the guideline's review recorded by fund officers
        row("recordBoardDecisions",         "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("getDecisionMemo",              "403 403   403 403     200 200   200 200   200 200   403 403   401");
        row("setDecisionMemoPriorities",    "403 403   403 403     200 200   403 403   403 403   403 403   401");
        // the memo frozen as a document of the period (issue 21): frozen by fund officers, read by the memo's readers
        row("freezeDecisionMemo",           "403 403   403 403     201 201   403 403   403 403   403 403   401");
        row("listPeriodDocuments",          "403 403   403 403     200 200   200 200   200 200   403 403   401");
        row("listGuidelineReviews",         "403 403   403 403     200 200   200 200   200 200   403 403   401");
        row("recordGuidelineReview",        "403 403   403 403     201 201   403 403   403 403   403 403   401");
        // the long-term aim (issue 21): fund officers write; the annual report's readers read
        row("listContextIndicators",        "403 403   403 403     200 200   200 200   200 200   403 403   401");
        row("defineContextIndicator",       "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("setContextIndicatorValue",     "403 403   403 403     200 200   403 403   403 403   403 403   401");
        row("linkIndicatorToAim",           "403 404   403 404     200 200   403 403   403 403   403 404   401");
        // publication (issue 15): the public reads answer everyone alike, with or without a token
        row("getPublicInvestment",          "200 200   200 200     200 200   200 200   200 200   200 200   200");
        row("getPublicFund",                "200 200   200 200     200 200   200 200   200 200   200 200   200");
        row("downloadPublicDocument",       "200 200   200 200     200 200   200 200   200 200   200 200   200");
        row("exportThreeSixtyGiving",       "200 200   200 200     200 200   200 200   200 200   200 200   200");
        // ideas (issue 16): "own" is an office the idea concerns (for the conversion, the sponsoring office), the
        // form that sent it; the fund's staff see all ideas, only fund officers act on them
        row("submitIdea",                   "403 403   403 403     201 201   403 403   403 403   201 201   401");
        row("listIdeas",                    "200 200   200 200     200 200   200 200   200 200   200 200   401");
        row("getIdea",                      "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("getIdeaHistory",               "200 404   200 404     200 200   200 200   200 200   200 404   401");
        row("startIdeaScreening",           "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("askIdeaQuestion",              "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("answerIdeaQuestion",           "403 404   403 404     200 200   403 403   403 403   200 404   401");
        row("sponsorIdea",                  "403 404   200 404     403 403   403 403   403 403   403 404   401");
        row("declineIdea",                  "403 404   403 404     200 200   403 403   403 403   403 404   401");
        row("withdrawIdea",                 "403 404   403 404     200 200   403 403   403 403   200 404   401");
        row("convertIdea",                  "200 404   200 404     403 403   403 403   403 403   403 404   401");
    }

    private static void row(String operationId, String statuses) {
        int[] row = Arrays.stream(statuses.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
        if (row.length != CELLS) {
            throw new IllegalArgumentException(operationId + " has " + row.length + " cells, not " + CELLS);
        }
        EXPECTED.put(operationId, row);
    }

    /** One operation of the contract. */
    record Operation(String id, String method, String path) {
        boolean writes() {
            return !method.equals("GET");
        }
    }

    /** A request ready to send: path parameters, query, headers and body. */
    record Prepared(Map<String, String> pathParams, Map<String, String> query, Map<String, String> headers,
                    Object body, String registrationNumber) {
        static Prepared none() {
            return new Prepared(Map.of(), Map.of(), Map.of(), null, null);
        }

        static Prepared on(UUID id, Map<String, String> headers, Object body) {
            return new Prepared(Map.of("id", id.toString(), "number", "1"), Map.of(), headers, body,
                    Matrix.registrationNumber(id));
        }
    }

    static List<Operation> operations() {
        OpenAPI spec = new OpenAPIV3Parser().read(Contract.SPEC.toString());
        List<Operation> operations = new ArrayList<>();
        spec.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) ->
                operations.add(new Operation(op.getOperationId(), method.name(), path))));
        return operations;
    }

    @Test
    void every_operation_of_the_contract_has_a_row_and_every_row_an_operation() {
        Set<String> inContract = new TreeSet<>(operations().stream().map(Operation::id).toList());
        Set<String> withoutRow = new TreeSet<>(inContract);
        withoutRow.removeAll(EXPECTED.keySet());
        Set<String> withoutOperation = new TreeSet<>(EXPECTED.keySet());
        withoutOperation.removeAll(inContract);
        assertThat(withoutRow).as("operations of openapi.yaml without a row in the authorization matrix").isEmpty();
        assertThat(withoutOperation).as("rows for operations openapi.yaml does not have").isEmpty();
        assertThat(Matrix.SETUPS.keySet()).as("every operation can be called").containsAll(inContract);
    }

    @Test
    void the_rows_of_the_lifecycle_steps_agree_with_the_domains_action_table() {
        Map<String, String> wrong = new TreeMap<>();
        List<String> checked = new ArrayList<>();
        Set<Action> actions = java.util.EnumSet.noneOf(Action.class);
        for (Operation op : operations()) {
            Action action = Matrix.actionOf(op);
            if (action == null) {
                continue;
            }
            checked.add(op.id());
            actions.add(action);
            int[] row = EXPECTED.get(op.id());
            for (int r = 0; r < ROLES.size(); r++) {
                for (int side = 0; side < 2; side++) {
                    boolean own = side == 0;
                    String role = ROLES.get(r);
                    boolean seesAll = Set.of("fund-officer", "auditor", "scientific-advisor").contains(role);
                    boolean allowed = action.roles().contains(Role.fromClaim(role).orElseThrow());
                    int expected = !seesAll && !own ? 404 : allowed ? 200 : 403;
                    if (row[r * 2 + side] != expected) {
                        wrong.put(op.id() + " " + role + (own ? " own" : " other"), "table " + row[r * 2 + side]
                                + ", domain " + expected);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // none skipped: every step of an application in the contract (a POST on a sub-resource of one application,
        // whatever its path parameter is called) was compared, and every action of the domain has its operation
        List<String> steps = operations().stream().filter(op -> op.method().equals("POST")
                && op.path().matches("/api/v1/applications/\\{[^/}]+}/[^/]+")
                && !op.path().endsWith("/documents")).map(Operation::id).toList();
        assertThat(steps).as("lifecycle steps in openapi.yaml").isNotEmpty();
        assertThat(checked).as("the lifecycle steps compared with the domain")
                .containsExactlyInAnyOrderElementsOf(steps);
        assertThat(actions).as("the domain's actions with an operation").containsExactlyInAnyOrder(Action.values());
    }

    @Test
    void every_operation_for_every_role_at_its_own_and_another_office_answers_as_the_table_says() {
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int allowed = 0;
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Operation> operations = operations();
        long started = System.nanoTime();
        long preparing = 0;
        for (Operation op : operations) {
            int[] row = EXPECTED.get(op.id());
            Function<Boolean, Prepared> setup = Matrix.SETUPS.get(op.id());
            long t0 = System.nanoTime();
            Prepared shared = setup.apply(false);
            preparing += System.nanoTime() - t0;
            boolean sharedUsed = false;
            // refusals first, on one fixture: they change nothing, so they can share it
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < CELLS; c++) {
                if (row[c] >= 300) {
                    order.add(c);
                }
            }
            for (int c = 0; c < CELLS; c++) {
                if (row[c] < 300) {
                    order.add(c);
                }
            }
            // a cell's "after" is the next one's "before" unless a fixture was made in between: it halves the
            // footprints taken, whose counts grow with the suite's data
            String known = null;
            for (int c : order) {
                int expected = row[c];
                Prepared p = shared;
                if (op.writes() && expected < 300) {
                    if (sharedUsed) {
                        long t1 = System.nanoTime();
                        p = setup.apply(true);
                        preparing += System.nanoTime() - t1;
                        known = null;
                    }
                    sharedUsed = true;
                    allowed++;
                }
                String caller = caller(c);
                String before = known != null ? known : Database.footprint();
                Response r = send(op, p, c);
                cells++;
                statuses.merge(r.statusCode(), 1, Integer::sum);
                String after = Database.footprint();
                known = after;
                String what = op.id() + " by " + caller;
                if (r.statusCode() != expected) {
                    wrong.add(what + ": expected " + expected + ", got " + r.statusCode() + " " + r.asString());
                    continue;
                }
                if (expected >= 400) {
                    if (!r.contentType().startsWith("application/problem+json")) {
                        wrong.add(what + ": a refusal that is not a problem");
                    }
                    if (p.registrationNumber() != null && r.asString().contains(p.registrationNumber())) {
                        wrong.add(what + ": the refusal reveals the application");
                    }
                }
                if ((expected >= 400 || !op.writes()) && !before.equals(after)) {
                    wrong.add(what + ": answered " + expected + " but the database changed " + before + " -> "
                            + after);
                }
                if (op.id().equals("listApplications") && c < CELLS - 1) {
                    checkListVisibility(r, c, wrong);
                }
            }
        }
        System.out.printf("authorization matrix: %d operations x %d callers (%d roles x own/other office, and no "
                        + "token) = %d cells, %d allowed writes; statuses %s; %d s, of which fixtures %d s%n",
                operations.size(), CELLS, ROLES.size(), cells, allowed, statuses,
                (System.nanoTime() - started) / 1_000_000_000, preparing / 1_000_000_000);
        assertThat(wrong).as("cells of the authorization matrix answered wrongly").isEmpty();
        assertThat(cells).isEqualTo(operations.size() * CELLS);
        assertThat(statuses.keySet()).contains(200, 201, 401, 403, 404, 422);
    }

    /** The list answers 200 to everyone, but only with what the caller may see. */
    private static void checkListVisibility(Response r, int cell, List<String> wrong) {
        String role = ROLES.get(cell / 2);
        boolean own = cell % 2 == 0;
        boolean seesAll = Set.of("fund-officer", "auditor", "scientific-advisor").contains(role);
        List<String> ids = r.jsonPath().getList("items.id");
        boolean sees = ids.contains(Matrix.listProbe().toString());
        if (sees != (seesAll || own)) {
            wrong.add("listApplications by " + caller(cell) + ": " + (sees ? "shows" : "hides")
                    + " the office's application");
        }
    }

    static String caller(int cell) {
        if (cell == CELLS - 1) {
            return "no token";
        }
        return ROLES.get(cell / 2) + (cell % 2 == 0 ? " (own)" : " (other)");
    }

    private static Response send(Operation op, Prepared p, int cell) {
        RequestSpecification spec;
        if (cell == CELLS - 1) {
            spec = Api.withToken(null, RawContract.responses());
        } else {
            spec = Api.withToken(Matrix.token(ROLES.get(cell / 2), cell % 2 == 0), RawContract.responses());
        }
        RawContract.plain(spec);
        p.headers().forEach(spec::header);
        if (op.id().equals("submitApplication")) {
            spec.header("Idempotency-Key", "matrix-" + UUID.randomUUID());
        }
        p.query().forEach(spec::queryParam);
        if (op.id().equals("uploadDocument")) {
            se.socialfund.bootstrap.documents.DocumentFixtures.withUpload(spec.accept("application/json"));
        } else if (p.body() != null) {
            spec.body(p.body());
        }
        String path = op.path();
        for (var e : p.pathParams().entrySet()) {
            path = path.replace("{" + e.getKey() + "}", e.getValue());
        }
        return spec.request(op.method(), path);
    }

    /** How each operation is called, and the fixtures its cells need. */
    static final class Matrix {
        /** The application form client that submits the matrix's applications, and another one. */
        static final String FORM_OWN = Tokens.sign(Tokens.claims("form-matrix", null, "form-integration"));
        static final String FORM_OTHER = Tokens.sign(Tokens.claims("form-other-client", null, "form-integration"));

        static String token(String role, boolean own) {
            if (role.equals("form-integration")) {
                return own ? FORM_OWN : FORM_OTHER;
            }
            return Tokens.token(role, own ? Api.OWN_OFFICE : Api.OTHER_OFFICE);
        }

        /** operationId -> (fresh?) -> a prepared request. Fresh: for an allowed write after the first. */
        static final Map<String, Function<Boolean, Prepared>> SETUPS = new LinkedHashMap<>();
        private static UUID listProbe;
        private static int repaymentYear = 2020;
        private static int writeOffYear = 2022;
        private static UUID planned;
        /** The version each fixture was left at. */
        private static final Map<UUID, Long> VERSIONS = new java.util.concurrent.ConcurrentHashMap<>();

        static {
            SETUPS.put("getApiInfo", fresh -> Prepared.none());
            SETUPS.put("listApplicationPeriods", fresh -> Prepared.none());
            SETUPS.put("openApplicationPeriod", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    fresh ? Map.of("name", "Matrisen hösten 2077", "opensOn", "2077-09-01", "closesOn", "2077-10-31")
                            : Map.of("name", "Matrisen våren 2077", "opensOn", "2077-02-01", "closesOn",
                            "2077-03-31"), null));
            SETUPS.put("getApplicationPeriod", fresh -> {
                Api.ensureOpenPeriod();
                String id = Api.fundOfficer().get("/api/v1/application-periods").then().statusCode(200).extract()
                        .path("items[0].id");
                return new Prepared(Map.of("id", id), Map.of(), Map.of(), null, null);
            });
            SETUPS.put("submitApplication", fresh -> {
                Api.ensureOpenPeriod();
                return new Prepared(Map.of(), Map.of(), Map.of(), Api.sampleApplication().toString(), null);
            });
            SETUPS.put("listApplications", fresh -> new Prepared(Map.of(), Map.of("registrationNumber",
                    registrationNumber(listProbe())), Map.of(), null, null));
            for (String read : List.of("getApplication", "getApplicationHistory", "listRevisions", "getRevision")) {
                SETUPS.put(read, fresh -> Prepared.on(listProbe(), Map.of(), null));
            }
            Map<String, String> stageOf = new LinkedHashMap<>();
            stageOf.put("SUBMIT_REVISION", "COMPLETION_REQUESTED");
            stageOf.put("ASSESS_CRITERIA", "RECEIVED");
            stageOf.put("REQUEST_COMPLETION", "CRITERIA_CHECKED");
            stageOf.put("ADD_MUNICIPAL_PERSPECTIVE", "CRITERIA_CHECKED");
            stageOf.put("ADD_REVIEW", "RECEIVED");
            stageOf.put("RECORD_BOARD_DECISION", "READY_FOR_DECISION");
            stageOf.put("START_PROJECT", "GRANTED");
            stageOf.put("REPORT_COSTS", "IN_IMPLEMENTATION");
            stageOf.put("SUBMIT_FOLLOW_UP", "IN_IMPLEMENTATION");
            stageOf.put("SUBMIT_EVALUATION", "FOLLOWED_UP");
            stageOf.put("RECORD_IMPLEMENTATION_DECISION", "EVALUATED");
            stageOf.put("WITHDRAW", "RECEIVED");
            stageOf.put("TERMINATE", "IN_IMPLEMENTATION");
            Map<String, String> operationOf = Map.ofEntries(Map.entry("SUBMIT_REVISION", "submitRevision"),
                    Map.entry("ASSESS_CRITERIA", "assessCriteria"), Map.entry("REQUEST_COMPLETION",
                            "requestCompletion"), Map.entry("ADD_MUNICIPAL_PERSPECTIVE", "addMunicipalPerspective"),
                    Map.entry("ADD_REVIEW", "addReview"), Map.entry("RECORD_BOARD_DECISION", "recordBoardDecision"),
                    Map.entry("START_PROJECT", "startProject"), Map.entry("REPORT_COSTS", "reportCosts"),
                    Map.entry("SUBMIT_FOLLOW_UP", "submitFollowUp"), Map.entry("SUBMIT_EVALUATION",
                            "submitEvaluation"), Map.entry("RECORD_IMPLEMENTATION_DECISION",
                            "recordImplementationDecision"), Map.entry("WITHDRAW", "withdrawApplication"),
                    Map.entry("TERMINATE", "terminateProject"));
            stageOf.forEach((action, stage) -> SETUPS.put(operationOf.get(action), fresh -> {
                UUID id = application(stage);
                return Prepared.on(id, Map.of("If-Match", "\"" + VERSIONS.get(id) + "\""),
                        Steps.ALL.get(action).body().get());
            }));
            SETUPS.put("setRepaymentPlan", fresh -> {
                UUID id = startedIn2019();
                return Prepared.on(id, Map.of("If-Match", Api.ifMatch(id)), Steps.fiveYearPlan());
            });
            SETUPS.put("getFund", fresh -> Prepared.none());
            SETUPS.put("listLedgerEntries", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null,
                    null));
            SETUPS.put("markCapital", fresh -> new Prepared(Map.of(), Map.of(), Map.of(), Map.of("amount",
                    Steps.money("1.00"), "closingYear", Api.today().getYear() - 1, "reference", "Matrisen, bokslut"),
                    null));
            SETUPS.put("recordRepayment", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    Steps.repayment(planned(), fresh ? ++repaymentYear : repaymentYear, "200.00"), null));
            SETUPS.put("writeOffRepayment", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    Steps.writeOff(planned(), fresh ? ++writeOffYear : writeOffYear, "200.00"), null));
            SETUPS.put("listAuditEvents", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null,
                    null));
            SETUPS.put("verifyAuditChain", fresh -> Prepared.none());
            SETUPS.put("listDeadlines", fresh -> Prepared.none());
            SETUPS.put("getAnnualReport", fresh -> new Prepared(Map.of(), Map.of("year",
                    String.valueOf(Api.today().getYear())), Map.of(), null, null));
            SETUPS.put("listPublicInvestments", fresh -> Prepared.none());
            SETUPS.put("listEvents", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null, null));
            SETUPS.put("listTasks", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null, null));
            SETUPS.put("listWebhookEndpoints", fresh -> Prepared.none());
            // an endpoint that wants no event that exists: the worker never calls it
            SETUPS.put("createWebhookEndpoint", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    Map.of("url", "https://hooks.invalid/matrix", "eventTypes",
                            List.of("se.socialfund.matrix.none.v1")), null));
            SETUPS.put("rotateWebhookSecret", fresh -> new Prepared(Map.of("id", matrixEndpoint()), Map.of(),
                    Map.of(), null, null));
            // each on an endpoint of its own in the state the step needs: enabled, or deactivated
            SETUPS.put("deactivateWebhookEndpoint", fresh -> new Prepared(Map.of("id", matrixEndpoint()), Map.of(),
                    Map.of(), null, null));
            SETUPS.put("reactivateWebhookEndpoint", fresh -> {
                String id = matrixEndpoint();
                Api.fundOfficer().post("/api/v1/webhook-endpoints/" + id + "/deactivation").then().statusCode(200);
                return new Prepared(Map.of("id", id), Map.of(), Map.of(), null, null);
            });
            // outcomes contracts, each write on a contract of its own in the state the step needs
            SETUPS.put("createOutcomesContract", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    OutcomesContracts.essex(1), null));
            SETUPS.put("listOutcomesContracts", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null,
                    null));
            for (String read : List.of("getOutcomesContract", "getOutcomesSettlement", "getOutcomesIndigo")) {
                SETUPS.put(read, fresh -> outcomesStep(outcomesProbe(), null));
            }
            SETUPS.put("signOutcomesContract", fresh -> outcomesStep(outcomesContract(0), Map.of("signedOn",
                    "2024-01-01", "decisionReference", "Matrisen § 1")));
            SETUPS.put("amendOutcomesContract", fresh -> outcomesStep(outcomesContract(1), Map.of("description",
                    "Taket höjs", "reason", "Matrisen", "decisionReference", "Matrisen § 2", "effectiveFrom",
                    "2024-06-01", "paymentCap", OutcomesContracts.sek("3500000.00"))));
            SETUPS.put("recordOutcomesMeasurements", fresh -> outcomesStep(outcomesContract(1), Map.of("measurements",
                    List.of(Map.of("metricCode", "CARE_DAYS", "cohort", Map.of("n", 60, "value", 10),
                            "comparison", Map.of("n", 60, "value", 20))))));
            SETUPS.put("validateOutcomesPeriod", fresh -> outcomesStep(outcomesContract(2), Map.of("statement",
                    "Matrisen")));
            SETUPS.put("approveOutcomesPayment", fresh -> outcomesStep(outcomesContract(3), null));
            SETUPS.put("enterOutcomesFinalSettlement", fresh -> outcomesStep(outcomesContract(4), null));
            SETUPS.put("closeOutcomesContract", fresh -> outcomesStep(outcomesContract(5), null));
            SETUPS.put("uploadDocument", fresh -> Prepared.on(listProbe(), Map.of(), null));
            SETUPS.put("listDocuments", fresh -> Prepared.on(listProbe(), Map.of(), null));
            SETUPS.put("getDocument", fresh -> onDocument(document(), Map.of(), null));
            SETUPS.put("downloadDocument", fresh -> onDocument(document(), Map.of("Accept", "*/*"), null));
            SETUPS.put("markDocument", fresh -> onDocument(DocumentFixtures.pdf(listProbe()),
                    Map.of("If-Match", "\"1\""), Map.of("provision", "OSL 26 kap. 1 §")));
            SETUPS.put("publishDocument", fresh -> onDocument(DocumentFixtures.pdf(listProbe()),
                    Map.of("If-Match", "\"1\""), null));
            SETUPS.put("withdrawDocumentPublication", fresh -> onDocument(DocumentFixtures.published(listProbe()),
                    Map.of("If-Match", "\"2\""), null));
            // the board's meeting (issue 21): each allowed write on an application of its own, ready for decision
            SETUPS.put("recordBoardDecisions", fresh -> {
                UUID id = application("READY_FOR_DECISION");
                return new Prepared(Map.of("id", period().toString()), Map.of(), Map.of(), Map.of("meetingDate",
                        Api.today().toString(), "minutesParagraph", "§ 99", "decisions", List.of(Map.of(
                                "applicationId", id.toString(), "version", VERSIONS.get(id), "outcome", "DECLINED",
                                "reasons", List.of("Matrisen")))), null);
            });
            SETUPS.put("getDecisionMemo", fresh -> new Prepared(Map.of("id", period().toString()), Map.of(),
                    Map.of(), null, null));
            SETUPS.put("setDecisionMemoPriorities", fresh -> {
                UUID id = application("READY_FOR_DECISION");
                String etag = Api.fundOfficer().get("/api/v1/application-periods/" + period() + "/decision-memo")
                        .then().statusCode(200).extract().header("ETag");
                return new Prepared(Map.of("id", period().toString()), Map.of(), Map.of("If-Match", etag),
                        Map.of("order", List.of(id.toString())), null);
            });
            // each allowed freeze on a memo of a new version (the priorities set again), so each makes a document
            SETUPS.put("freezeDecisionMemo", fresh -> {
                UUID id = application("READY_FOR_DECISION");
                String memo = "/api/v1/application-periods/" + period() + "/decision-memo";
                String etag = Api.fundOfficer().get(memo).then().statusCode(200).extract().header("ETag");
                String next = Api.fundOfficer().header("If-Match", etag).body(Map.of("order", List.of(id.toString())))
                        .put(memo + "/priorities").then().statusCode(200).extract().header("ETag");
                return new Prepared(Map.of("id", period().toString()), Map.of(), Map.of("If-Match", next), null,
                        null);
            });
            SETUPS.put("listPeriodDocuments", fresh -> new Prepared(Map.of("id", period().toString()), Map.of(),
                    Map.of(), null, null));
            SETUPS.put("listGuidelineReviews", fresh -> Prepared.none());
            SETUPS.put("recordGuidelineReview", fresh -> new Prepared(Map.of(), Map.of(), Map.of(),
                    Map.of("reviewedOn", "2023-05-10", "decisionReference", "Matrisen § 9"), null));
            // publication (issue 15)
            SETUPS.put("getPublicInvestment", fresh -> Prepared.on(application("GRANTED"), Map.of(), null));
            SETUPS.put("getPublicFund", fresh -> Prepared.none());
            SETUPS.put("downloadPublicDocument", fresh -> onDocument(DocumentFixtures.published(listProbe()),
                    Map.of("Accept", "*/*"), null));
            SETUPS.put("exportThreeSixtyGiving", fresh -> new Prepared(Map.of(), Map.of("year",
                    String.valueOf(Api.today().getYear())), Map.of(), null, null));
            // ideas (issue 16), each write on an idea of its own in the stage the step needs
            SETUPS.put("submitIdea", fresh -> new Prepared(Map.of(), Map.of(), Map.of("Idempotency-Key",
                    "matrix-idea-" + UUID.randomUUID()), Ideas.sample(Api.OWN_OFFICE), null));
            SETUPS.put("listIdeas", fresh -> new Prepared(Map.of(), Map.of("limit", "5"), Map.of(), null, null));
            for (String read : List.of("getIdea", "getIdeaHistory")) {
                SETUPS.put(read, fresh -> ideaStep(ideaProbe(), null));
            }
            SETUPS.put("startIdeaScreening", fresh -> ideaStep(idea("RECEIVED"), null));
            SETUPS.put("askIdeaQuestion", fresh -> ideaStep(idea("SCREENING"), Map.of("question", "Hur?")));
            SETUPS.put("answerIdeaQuestion", fresh -> ideaStep(idea("QUESTION_OPEN"), Map.of("answer", "Så.")));
            SETUPS.put("sponsorIdea", fresh -> ideaStep(idea("SCREENING"), Map.of("comment", "Vi tar den")));
            SETUPS.put("declineIdea", fresh -> ideaStep(idea("SCREENING"), Map.of("reasons", List.of("Nej"))));
            SETUPS.put("withdrawIdea", fresh -> ideaStep(idea("SCREENING"), Map.of("reason", "Tillbaka")));
            SETUPS.put("convertIdea", fresh -> ideaStep(idea("SPONSORED"), Ideas.conversion(Api.OWN_OFFICE)));
            // the long-term aim (issue 21): the indicator the writes need is defined by a fund officer first
            SETUPS.put("listContextIndicators", fresh -> Prepared.none());
            SETUPS.put("defineContextIndicator", fresh -> new Prepared(Map.of("code", "matrix-aim"), Map.of(),
                    Map.of(), Map.of("name", "Matrisen", "unit", "procent", "source", "Kolada", "sourceKey",
                            "N02280"), null));
            SETUPS.put("setContextIndicatorValue", fresh -> new Prepared(Map.of("code", matrixAim(), "year",
                    String.valueOf(Api.today().getYear() - 1)), Map.of(), Map.of(), Map.of("value", 2.5), null));
            SETUPS.put("linkIndicatorToAim", fresh -> {
                UUID id = listProbe();
                return new Prepared(Map.of("id", id.toString(), "indicatorCode", "absence-rate"), Map.of(),
                        Map.of(), Map.of("contextIndicator", matrixAim()), Matrix.registrationNumber(id));
            });
        }

        /** The matrix's context indicator of the long-term aim, defined (again: idempotent) by a fund officer. */
        static String matrixAim() {
            Api.fundOfficer().body(Map.of("name", "Matrisen", "unit", "procent", "source", "Kolada"))
                    .put("/api/v1/context-indicators/matrix-aim").then().statusCode(200);
            return "matrix-aim";
        }

        /** The period the matrix's applications are received in. */
        static UUID period() {
            return UUID.fromString(Api.fundOfficer().get("/api/v1/applications/" + listProbe()).then()
                    .statusCode(200).extract().path("periodId"));
        }

        /** An idea of the own office, sent by the matrix's form client, walked to the stage. */
        static UUID idea(String stage) {
            return Ideas.in(stage, Api.OWN_OFFICE, FORM_OWN);
        }

        private static UUID ideaProbe;

        static synchronized UUID ideaProbe() {
            if (ideaProbe == null) {
                ideaProbe = idea("SCREENING");
            }
            return ideaProbe;
        }

        static Prepared ideaStep(UUID id, Object body) {
            return new Prepared(Map.of("id", id.toString()), Map.of(), Map.of("If-Match", Ideas.etag(id)), body,
                    Database.string("SELECT registration_number FROM idea WHERE id = ?::uuid", id.toString()));
        }

        /** One outcomes contract of the own (providing) office for the reads. */
        static synchronized UUID outcomesProbe() {
            if (outcomesProbe == null) {
                outcomesProbe = outcomesContract(1);
            }
            return outcomesProbe;
        }

        private static UUID outcomesProbe;

        static UUID outcomesContract(int steps) {
            return OutcomesContracts.after(steps);
        }

        static Prepared outcomesStep(UUID id, Object body) {
            return new Prepared(Map.of("id", id.toString(), "number", "1"), Map.of(), Map.of("If-Match",
                    OutcomesContracts.etag(id)), body, null);
        }

        /** A document of the list probe's case, addressed by its own id. */
        static Prepared onDocument(UUID document, Map<String, String> headers, Object body) {
            return new Prepared(Map.of("id", document.toString()), Map.of(), headers, body,
                    registrationNumber(listProbe()));
        }

        /** One document of the list probe's case for all the document reads. */
        static synchronized UUID document() {
            if (document == null) {
                document = DocumentFixtures.pdf(listProbe());
            }
            return document;
        }

        private static UUID document;

        /** A new enabled webhook endpoint that wants no event that exists: the worker never calls it. */
        static String matrixEndpoint() {
            return Api.fundOfficer().body(Map.of("url", "https://hooks.invalid/matrix", "eventTypes",
                    List.of("se.socialfund.matrix.none.v1"))).post("/api/v1/webhook-endpoints").then()
                    .statusCode(201).extract().path("endpoint.id");
        }

        /** One application of the own office for all the reads: they change nothing. */
        static synchronized UUID listProbe() {
            if (listProbe == null) {
                listProbe = application("RECEIVED");
            }
            return listProbe;
        }

        /** The lifecycle step a POST on an application's sub-resource takes, or null. */
        static Action actionOf(Operation op) {
            if (!op.method().equals("POST") || !op.path().startsWith("/api/v1/applications/{id}/")
                    || op.path().endsWith("/documents")) {
                // an upload of a document is not a step of the lifecycle
                return null;
            }
            String resource = op.path().substring("/api/v1/applications/{id}/".length());
            return Arrays.stream(Action.values()).filter(a -> a.resource().equals(resource)).findFirst()
                    .orElseThrow();
        }

        static String registrationNumber(UUID id) {
            return Database.string("SELECT registration_number FROM application WHERE id = ?::uuid", id.toString());
        }

        /** An application of the own office, submitted by the matrix's form client, walked to the stage. */
        static UUID application(String stage) {
            if (stage.equals("READY_FOR_DECISION") || Steps.PATH_TO.get(stage).contains("RECORD_BOARD_DECISION")) {
                Fund.ensureAvailable(new java.math.BigDecimal("100000.00"));
            }
            Api.ensureOpenPeriod();
            UUID id = UUID.fromString(Api.withToken(FORM_OWN, Contract.full())
                    .header("Idempotency-Key", "matrix-" + UUID.randomUUID())
                    .body(Api.sampleApplication().toString()).post("/api/v1/applications").then().statusCode(201)
                    .extract().path("id"));
            long version = 1;
            for (String action : Steps.PATH_TO.get(stage)) {
                // as Steps.take, but with the version known: one request a step instead of two
                Steps.Step step = Steps.ALL.get(action);
                Api.withToken(Tokens.token(step.role(), step.office()), RawContract.responses())
                        .header("If-Match", "\"" + version + "\"").body(step.body().get())
                        .post("/api/v1/applications/" + id + "/" + step.path()).then().statusCode(200);
                version++;
            }
            VERSIONS.put(id, version);
            return id;
        }

        /** An investment granted and started in 2019: the repayment model applies to it. */
        static UUID startedIn2019() {
            UUID id = application("READY_FOR_DECISION");
            Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Map.of("outcome", "GRANTED",
                            "grantedAmount", Steps.money("1000.00"), "meetingDate", "2019-03-11",
                            "minutesParagraph", "§ 45"))
                    .post("/api/v1/applications/" + id + "/board-decision").then().statusCode(200);
            Api.applicant().header("If-Match", Api.ifMatch(id)).body(Map.of("projectLeader", "Projektledare",
                            "projectPlan", "Projektplan 2019", "startDate", "2019-06-01",
                            "plannedEndDate", "2021-06-01"))
                    .post("/api/v1/applications/" + id + "/project-start").then().statusCode(200);
            return id;
        }

        /** One 2019 investment with a five-year plan, for the repayments and write-offs of the matrix. */
        static synchronized UUID planned() {
            if (planned == null) {
                UUID id = startedIn2019();
                Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Steps.fiveYearPlan())
                        .post("/api/v1/applications/" + id + "/repayment-plan").then().statusCode(200);
                planned = id;
            }
            return planned;
        }
    }
}

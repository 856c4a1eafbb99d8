package se.socialfund.bootstrap.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.restassured.response.Response;

/**
 * The lifecycle's steps as a client takes them: for each action, its path, a valid body, and who owns it. Tests
 * walk applications to any stage with these, and try every step from every stage.
 */
public final class Steps {
    /** One business step of the API. */
    public record Step(String action, String path, String role, String office, Supplier<Object> body) {
    }

    public static final String GRANT_AMOUNT = "1000.00";

    public static final Map<String, Step> ALL = new LinkedHashMap<>();

    static {
        add("ASSESS_CRITERIA", "criteria-assessment", "fund-officer", Api.FUND_OFFICE, Steps::criteriaAllMet);
        add("REQUEST_COMPLETION", "completion-requests", "fund-officer", Api.FUND_OFFICE,
                () -> Map.of("questions", List.of("Hur mäts frånvaron i kontrollgruppen?")));
        add("SUBMIT_REVISION", "revisions", "office-head", Api.OWN_OFFICE, Steps::revision);
        add("ADD_MUNICIPAL_PERSPECTIVE", "municipal-perspective", "fund-officer", Api.FUND_OFFICE,
                () -> Map.of("overallGoals", List.of("education-and-work"), "agenda2030", List.of("4.1", "10.2"),
                        "recommendation", "GRANT", "motivation", "Stärker skolnärvaron i hela kommunen."));
        add("ADD_REVIEW", "reviews", "scientific-advisor", null,
                () -> Map.of("comment", "Kontrollgruppen bör matchas på socioekonomi."));
        add("RECORD_BOARD_DECISION", "board-decision", "fund-officer", Api.FUND_OFFICE, () -> grant(GRANT_AMOUNT));
        add("START_PROJECT", "project-start", "applicant", Api.OWN_OFFICE, () -> Map.of("projectLeader",
                "Projektledare, utbildningskontoret", "projectPlan", "Projektplan v1, diarieförd",
                "startDate", Api.today().toString(), "plannedEndDate", Api.today().plusYears(2).toString()));
        add("REPORT_COSTS", "cost-reports", "applicant", Api.OWN_OFFICE, () -> Map.of("asOf", Api.today().toString(),
                "lines", List.of(Map.of("year", Api.today().getYear(), "category", "PERSONNEL",
                        "amount", money("400.00")))));
        add("SUBMIT_FOLLOW_UP", "follow-ups", "applicant", Api.OWN_OFFICE, () -> Map.of("progress",
                "Rutinerna används på alla skolor.", "risks", "Personalomsättning.", "measurements",
                List.of(measurement("absence-rate", "TARGET", 120, "9.5"),
                        measurement("absence-rate", "CONTROL", 110, "12.0"))));
        add("SUBMIT_EVALUATION", "evaluation", "office-head", Api.OWN_OFFICE, () -> Map.of("summary",
                "Frånvaron minskade tydligt mot jämförelseskolorna.", "humanGains", "Fler elever klarar skolan.",
                "measurements", List.of(measurement("absence-rate", "TARGET", 118, "7.0"),
                        measurement("absence-rate", "CONTROL", 105, "11.8"))));
        add("RECORD_IMPLEMENTATION_DECISION", "implementation-decision", "fund-officer", Api.FUND_OFFICE,
                () -> Map.of("outcome", "IMPLEMENT", "financing", "REPRIORITISATION", "committee",
                        "Barn- och ungdomsnämnden", "decidedOn", Api.today().toString(),
                        "reference", "BUN 2029/45 § 12"));
        add("WITHDRAW", "withdrawal", "applicant", Api.OWN_OFFICE,
                () -> Map.of("reason", "Insatsen finansieras inom ordinarie budget."));
        add("TERMINATE", "termination", "fund-officer", Api.FUND_OFFICE,
                () -> Map.of("reason", "Projektet kunde inte bemannas.", "endedOn", Api.today().toString()));
        add("SET_REPAYMENT_PLAN", "repayment-plan", "fund-officer", Api.FUND_OFFICE, () -> Map.of("installments",
                List.of(Map.of("committee", "Barn- och ungdomsnämnden", "year", 2021, "amount", money("200.00")))));
    }

    private Steps() {
    }

    private static void add(String action, String path, String role, String office, Supplier<Object> body) {
        ALL.put(action, new Step(action, path, role, office, body));
    }

    public static Map<String, String> money(String amount) {
        return Map.of("amount", amount, "currency", "SEK");
    }

    public static Map<String, Object> measurement(String indicator, String group, int n, String value) {
        return Map.of("indicator", indicator, "group", group, "measuredOn", Api.today().toString(), "n", n,
                "value", new java.math.BigDecimal(value));
    }

    public static Map<String, Object> criteriaAllMet() {
        return Map.of("criteria", List.of(
                criterion("COUNTERACTS_EXCLUSION", true), criterion("REDUCES_LONG_TERM_COSTS", true),
                criterion("TRIES_NEW_METHODS", true), criterion("PROMOTES_COLLABORATION", true)));
    }

    public static Map<String, Object> criterion(String criterion, boolean met) {
        return Map.of("criterion", criterion, "met", met, "motivation", met ? "Uppfyllt enligt ansökan."
                : "Inte visat i ansökan.");
    }

    /** A criteria assessment in which one criterion is not met: the application is rejected. */
    public static Map<String, Object> criteriaOneNotMet() {
        return Map.of("criteria", List.of(
                criterion("COUNTERACTS_EXCLUSION", true), criterion("REDUCES_LONG_TERM_COSTS", false),
                criterion("TRIES_NEW_METHODS", true), criterion("PROMOTES_COLLABORATION", true)));
    }

    /** The board declines. */
    public static Map<String, Object> decline() {
        return Map.of("outcome", "DECLINED", "reasons", List.of("Andra ansökningar prioriterades."),
                "meetingDate", Api.today().toString(), "minutesParagraph", "§ 124");
    }

    public static Map<String, Object> grant(String amount) {
        return Map.of("outcome", "GRANTED", "grantedAmount", money(amount), "conditions",
                List.of("Halvtidsuppföljning till kommunstyrelsens kontor."), "meetingDate", Api.today().toString(),
                "minutesParagraph", "§ 123");
    }

    public static Object revision() {
        var body = Api.sampleApplication();
        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("officeHeadApproval"))
                .put("approvedOn", Api.today().toString());
        body.put("currentSituation", body.get("currentSituation").asText() + " Reviderad efter komplettering.");
        return body.toString();
    }

    /** Takes a step as its owner, sending the current version; request and response follow the contract. */
    public static Response take(UUID id, String action) {
        return take(id, action, Api.version(id));
    }

    /** Takes a step as its owner on a version the caller knows (saves reading it first). */
    public static Response take(UUID id, String action, long version) {
        return take(id, action, version, ALL.get(action).body().get());
    }

    /** Takes a step as its owner with another body than the usual one (a rejection, a declined decision). */
    public static Response take(UUID id, String action, long version, Object body) {
        Step step = ALL.get(action);
        return Api.as(step.role(), step.office()).header("If-Match", "\"" + version + "\"")
                .body(body).post("/api/v1/applications/" + id + "/" + step.path());
    }

    /** Tries a step as anyone, with any If-Match (or none): only the response is held to the contract. */
    public static Response take(UUID id, String action, String role, String office, String ifMatch) {
        return take(id, action, role, office, ifMatch, ALL.get(action).body().get());
    }

    /** As above, with another body than the step's usual one. */
    public static Response take(UUID id, String action, String role, String office, String ifMatch, Object body) {
        Step step = ALL.get(action);
        var spec = Api.asUnchecked(role, office).body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.post("/api/v1/applications/" + id + "/" + step.path());
    }

    /** The path from RECEIVED to each stage, as the owners take it. */
    public static final Map<String, List<String>> PATH_TO = new LinkedHashMap<>();

    static {
        PATH_TO.put("RECEIVED", List.of());
        PATH_TO.put("CRITERIA_CHECKED", List.of("ASSESS_CRITERIA"));
        PATH_TO.put("COMPLETION_REQUESTED", List.of("ASSESS_CRITERIA", "REQUEST_COMPLETION"));
        PATH_TO.put("READY_FOR_DECISION", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE"));
        PATH_TO.put("GRANTED", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "RECORD_BOARD_DECISION"));
        PATH_TO.put("IN_IMPLEMENTATION", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE",
                "RECORD_BOARD_DECISION", "START_PROJECT"));
        PATH_TO.put("FOLLOWED_UP", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "RECORD_BOARD_DECISION",
                "START_PROJECT", "SUBMIT_FOLLOW_UP"));
        PATH_TO.put("EVALUATED", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "RECORD_BOARD_DECISION",
                "START_PROJECT", "SUBMIT_FOLLOW_UP", "SUBMIT_EVALUATION"));
        PATH_TO.put("CLOSED", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "RECORD_BOARD_DECISION",
                "START_PROJECT", "SUBMIT_FOLLOW_UP", "SUBMIT_EVALUATION", "RECORD_IMPLEMENTATION_DECISION"));
        PATH_TO.put("WITHDRAWN", List.of("WITHDRAW"));
        PATH_TO.put("TERMINATED", List.of("ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE", "RECORD_BOARD_DECISION",
                "START_PROJECT", "TERMINATE"));
    }

    /** A new application of {@link Api#OWN_OFFICE}, walked to the stage (REJECTED and DECLINED by their own steps). */
    public static UUID applicationIn(String stage) {
        if (PATH_TO.getOrDefault(stage, List.of()).contains("RECORD_BOARD_DECISION")) {
            Fund.ensureAvailable(new java.math.BigDecimal("100000.00"));
        }
        UUID id = Api.submit();
        if (stage.equals("REJECTED")) {
            advance(id, "ASSESS_CRITERIA", 1, criteriaOneNotMet());
            return id;
        }
        long version = 1;
        if (stage.equals("DECLINED")) {
            for (String action : PATH_TO.get("READY_FOR_DECISION")) {
                advance(id, action, version++, ALL.get(action).body().get());
            }
            advance(id, "RECORD_BOARD_DECISION", version, decline());
            return id;
        }
        for (String action : PATH_TO.get(stage)) {
            advance(id, action, version++, ALL.get(action).body().get());
        }
        return id;
    }

    /** A fixture's step through {@link PlainClient}: taken as its owner, it must succeed. */
    private static void advance(UUID id, String action, long version, Object body) {
        Step step = ALL.get(action);
        PlainClient.post(step.role(), step.office(), "/api/v1/applications/" + id + "/" + step.path(), body,
                Map.of("If-Match", "\"" + version + "\"")).expect(200, action + " on " + id + " at version " + version);
    }

    /**
     * An investment granted in 2019 whose project started then: the repayment model (återföringsmodellen) still
     * applies to it.
     */
    public static UUID investmentStartedIn2019() {
        Fund.ensureAvailable(new java.math.BigDecimal("100000.00"));
        UUID id = applicationIn("READY_FOR_DECISION");
        Api.fundOfficer().header("If-Match", Api.ifMatch(id)).body(Map.of("outcome", "GRANTED",
                        "grantedAmount", money("1000.00"), "meetingDate", "2019-03-11", "minutesParagraph", "§ 45"))
                .post("/api/v1/applications/" + id + "/board-decision").then().statusCode(200);
        Api.applicant().header("If-Match", Api.ifMatch(id)).body(Map.of("projectLeader", "Projektledare",
                        "projectPlan", "Projektplan 2019", "startDate", "2019-06-01", "plannedEndDate", "2021-06-01"))
                .post("/api/v1/applications/" + id + "/project-start").then().statusCode(200);
        return id;
    }

    /** Five yearly installments of 200.00 from 2020, for one committee. */
    public static Map<String, Object> fiveYearPlan() {
        List<Map<String, Object>> installments = new java.util.ArrayList<>();
        for (int year = 2020; year <= 2024; year++) {
            installments.add(Map.of("committee", "Barn- och ungdomsnämnden", "year", year,
                    "amount", money("200.00")));
        }
        return Map.of("installments", installments);
    }

    public static Map<String, Object> repayment(UUID id, int year, String amount) {
        return Map.of("applicationId", id.toString(), "committee", "Barn- och ungdomsnämnden", "year", year,
                "amount", money(amount), "paidOn", Api.today().toString(), "reference", "BUN budgetram " + year);
    }

    public static Map<String, Object> writeOff(UUID id, int year, String amount) {
        return Map.of("applicationId", id.toString(), "committee", "Barn- och ungdomsnämnden", "year", year,
                "amount", money(amount), "writtenOffOn", Api.today().toString(),
                "reason", "Besparingen uppstod aldrig i nämndens budget.", "reference", "BUN budgetram " + year);
    }

    public static LocalDate today() {
        return Api.today();
    }
}

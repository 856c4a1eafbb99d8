package se.socialfund.adapters.rest.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The methods each path of the API takes, for the {@code Allow} header of a 405 (the router does not say). A test
 * holds this table to openapi.yaml.
 */
final class AllowedMethods {
    private static final String ID = "[^/]+";
    private static final Map<Pattern, String> TABLE = new LinkedHashMap<>();

    static {
        put("/api/v1/applications", "GET, POST");
        put("/api/v1/application-periods", "GET, POST");
        put("/api/v1/applications/" + ID + "/revisions", "GET, POST");
        put("/api/v1/applications/" + ID + "/(criteria-assessment|completion-requests|municipal-perspective|reviews"
                + "|board-decision|project-start|cost-reports|follow-ups|evaluation|implementation-decision|withdrawal"
                + "|termination|repayment-plan)", "POST");
        put("/api/v1/fund/(capital-markings|repayments|write-offs)", "POST");
        // issue 17
        put("/api/v1/webhook-endpoints", "GET, POST");
        put("/api/v1/webhook-endpoints/" + ID + "/(secret-rotations|deactivation|reactivation)", "POST");
        put("/api/v1/outcomes-contracts", "GET, POST");
        put("/api/v1/outcomes-contracts/" + ID + "/(signature|amendments|final-settlement|closure)", "POST");
        put("/api/v1/outcomes-contracts/" + ID + "/periods/" + ID + "/(measurements|validation|payment-approval)",
                "POST");
        put("/api/v1/applications/" + ID + "/documents", "GET, POST");
        put("/api/v1/documents/" + ID + "/(secrecy-marking|publication|publication-withdrawal)", "POST");
        // issue 21: the board's meeting
        put("/api/v1/application-periods/" + ID + "/board-decisions", "POST");
        put("/api/v1/application-periods/" + ID + "/decision-memo/priorities", "PUT");
        put("/api/v1/application-periods/" + ID + "/decision-memo/documents", "POST");
        put("/api/v1/guideline-reviews", "GET, POST");
        // issue 21: the long-term aim
        put("/api/v1/context-indicators/[^/]+(/values/[^/]+)?", "PUT");
        put("/api/v1/applications/" + ID + "/indicators/[^/]+/aim", "PUT");
        // issue 16
        put("/api/v1/ideas", "GET, POST");
        put("/api/v1/ideas/" + ID + "/(screening|questions|answers|sponsorship|decline|withdrawal|conversion)",
                "POST");
    }

    private AllowedMethods() {
    }

    private static void put(String path, String methods) {
        TABLE.put(Pattern.compile(path + "/?"), methods);
    }

    static String of(String path) {
        return TABLE.entrySet().stream().filter(e -> e.getKey().matcher(path).matches()).map(Map.Entry::getValue)
                .findFirst().orElse("GET");
    }
}

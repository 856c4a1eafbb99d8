package se.socialfund.bootstrap.api.outcomes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.response.Response;

import se.socialfund.bootstrap.support.Api;

/** Outcomes contracts over the API, for the tests: bodies and the steps as the clients take them. */
public final class OutcomesContracts {
    /** The office that provides the test contracts' intervention (and so reads them). */
    public static final String PROVIDER_OFFICE = Api.OWN_OFFICE;

    private OutcomesContracts() {
    }

    public static Map<String, String> sek(String amount) {
        return Map.of("amount", amount, "currency", "SEK");
    }

    public static List<Map<String, Object>> parties(String evaluatorNumber) {
        return List.of(party("OUTCOME_PAYER", "Norrköpings kommun", "212000-0449"),
                party("INVESTOR", "Investeraren AB", "556000-0001"),
                party("PROVIDER", "Utföraren AB", "556000-0019"),
                party("EVALUATOR", "Utvärderaren AB", evaluatorNumber));
    }

    static Map<String, Object> party(String role, String name, String number) {
        return Map.of("role", role, "name", name, "organisationNumber", number);
    }

    /** Example B of the issue (Essex): 1 200 per placement day avoided, cap 3 000 000, {@code periods} quarters. */
    public static Map<String, Object> essex(int periods) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Essex-modellen (test)");
        body.put("intervention", "Stöd som undviker placeringsdygn");
        body.put("providerOffice", PROVIDER_OFFICE);
        body.put("parties", parties("556000-0027"));
        body.put("cohort", Map.of("description", "Barn i riskzonen", "size", 60));
        body.put("comparison", Map.of("description", "Förväntade dygn enligt referensvärde", "size", 60));
        body.put("comparisonMethod", "HISTORICAL_COMPARISON");
        body.put("finance", Map.of("investmentCommitted", sek("2500000.00"), "investmentDrawn", sek("2500000.00"),
                "activityShare", "0", "investorSavingsShare", "0", "returnCap", "0.20"));
        body.put("metrics", List.of(Map.of("code", "CARE_DAYS", "definition", "Undvikna placeringsdygn",
                "unit", "placeringsdygn", "direction", "LOWER_IS_BETTER", "aggregate", "TOTAL",
                "payment", Map.of("kind", "PRICE_PER_UNIT", "pricePerUnit", sek("1200.00")))));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            list.add(Map.of("number", i + 1, "start", String.format("2024-%02d-01", 1 + i % 12).replace("2024",
                    String.valueOf(2024 + i / 12)), "end", String.format("2024-%02d-28", 1 + i % 12).replace("2024",
                    String.valueOf(2024 + i / 12))));
        }
        body.put("periods", list);
        body.put("paymentCap", sek("3000000.00"));
        return body;
    }

    public static UUID create(Map<String, Object> body) {
        return UUID.fromString(Api.fundOfficer().body(body).post("/api/v1/outcomes-contracts").then().statusCode(201)
                .extract().path("id"));
    }

    public static String etag(UUID id) {
        return Api.fundOfficer().get("/api/v1/outcomes-contracts/" + id).then().statusCode(200).extract()
                .header("ETag");
    }

    public static Response sign(UUID id) {
        return Api.fundOfficer().header("If-Match", etag(id)).body(Map.of("signedOn", "2024-01-01",
                "decisionReference", "KS 2023/0999 § 12")).post("/api/v1/outcomes-contracts/" + id + "/signature");
    }

    public static Response measure(UUID id, int period, String cohort, String comparison) {
        return Api.fundOfficer().header("If-Match", etag(id)).body(Map.of("measurements", List.of(Map.of(
                        "metricCode", "CARE_DAYS", "cohort", Map.of("n", 60, "value", Integer.parseInt(cohort)),
                        "comparison", Map.of("n", 60, "value", Integer.parseInt(comparison))))))
                .post("/api/v1/outcomes-contracts/" + id + "/periods/" + period + "/measurements");
    }

    public static Response validate(UUID id, int period) {
        return Api.as("evaluator", null).header("If-Match", etag(id)).body(Map.of("statement", "Granskat mot "
                + "registren")).post("/api/v1/outcomes-contracts/" + id + "/periods/" + period + "/validation");
    }

    public static Response approve(UUID id, int period, String ifMatch) {
        return Api.fundOfficer().header("If-Match", ifMatch)
                .post("/api/v1/outcomes-contracts/" + id + "/periods/" + period + "/payment-approval");
    }

    /**
     * A contract of the providing office after {@code steps} steps: 0 drafted, 1 signed, 2 period 1 measured,
     * 3 validated, 4 paid, 5 in final settlement (one period).
     */
    public static UUID after(int steps) {
        UUID id = create(essex(1));
        if (steps >= 1) {
            sign(id).then().statusCode(200);
        }
        if (steps >= 2) {
            measure(id, 1, "1100", "1500").then().statusCode(200);
        }
        if (steps >= 3) {
            validate(id, 1).then().statusCode(200);
        }
        if (steps >= 4) {
            approve(id, 1, etag(id)).then().statusCode(200);
        }
        if (steps >= 5) {
            Api.fundOfficer().header("If-Match", etag(id)).post("/api/v1/outcomes-contracts/" + id
                    + "/final-settlement").then().statusCode(200);
        }
        return id;
    }
}

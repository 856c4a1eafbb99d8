package se.socialfund.bootstrap.api.idea;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Tokens;

/** Fixtures for ideas (idéprövning): a sample idea, the form client that sends it, and ideas walked to a stage. */
public final class Ideas {
    public static final String PATH = "/api/v1/ideas/";
    /** The form client that sends the fixtures' ideas, and another one. */
    public static final String FORM = Tokens.sign(Tokens.claims("form-ideas", null, "form-integration"));
    public static final String OTHER_FORM = Tokens.sign(Tokens.claims("form-ideas-other", null, "form-integration"));
    /** A valid organisation number (its check digit right). */
    public static final String ORG_NUMBER = "802002-3241";
    public static final String CONTACT_EMAIL = "kontakt.person@foreningen.example";

    private Ideas() {
    }

    /** A sample idea concerning the offices, from an association with a contact. */
    public static Map<String, Object> sample(String... offices) {
        Map<String, Object> idea = new LinkedHashMap<>();
        idea.put("title", "Läxhjälp med föräldrar");
        idea.put("need", "Många elever i åk 7-9 saknar stöd hemma med skolarbetet.");
        idea.put("targetGroup", new LinkedHashMap<>(Map.of("description", "Elever i åk 7-9 i Navestad", "size", 40)));
        idea.put("proposedMethod", "Läxhjälp två kvällar i veckan där föräldrarna deltar.");
        idea.put("humanEffects", "Bättre skolresultat och starkare föräldraskap.");
        idea.put("economicEffects", "Färre placeringar och insatser från socialtjänsten.");
        idea.put("offices", List.of(offices));
        idea.put("roughCost", Map.of("amount", "450000.00", "currency", "SEK"));
        idea.put("timeFrame", "Två läsår");
        idea.put("organisation", Map.of("name", "Föreningen Läxhjälpen", "organisationNumber", ORG_NUMBER));
        idea.put("contact", Map.of("name", "Kim Kontaktsson", "email", CONTACT_EMAIL, "phone", "011-123 45 67"));
        return idea;
    }

    /** Sends the sample idea through the form; answers its id. */
    public static UUID submit(String... offices) {
        return submitAs(FORM, offices);
    }

    /** Sends the sample idea through the form client of the token; answers its id. */
    public static UUID submitAs(String form, String... offices) {
        return UUID.fromString(Api.withToken(form, Contract.full()).header("Idempotency-Key", "idea-" + UUID.randomUUID())
                .body(sample(offices)).post("/api/v1/ideas").then().statusCode(201).extract().path("id"));
    }

    public static long version(UUID id) {
        return Long.parseLong(Api.fundOfficer().get(PATH + id).then().statusCode(200).extract().header("ETag")
                .replace("\"", ""));
    }

    public static String etag(UUID id) {
        return "\"" + version(id) + "\"";
    }

    /** Takes a step with the token, answering the response (checked against the contract). */
    public static Response step(UUID id, String resource, String token, String ifMatch, Object body) {
        var spec = Api.withToken(token, Contract.responses());
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        if (body != null) {
            spec.body(body);
        }
        return spec.post(PATH + id + "/" + resource);
    }

    public static String officer() {
        return Tokens.token("fund-officer", "kommunstyrelsens-kontor");
    }

    /** An idea concerning the office, walked to the stage (sponsored and converted by that office). */
    public static UUID in(String stage, String office) {
        return in(stage, office, FORM);
    }

    /** As above, sent by the form client of the token (which answers and withdraws it). */
    public static UUID in(String stage, String office, String form) {
        UUID id = submitAs(form, office, "socialkontoret".equals(office) ? "utbildningskontoret" : "socialkontoret");
        if (stage.equals("RECEIVED")) {
            return id;
        }
        if (stage.equals("DECLINED")) {
            step(id, "decline", officer(), etag(id), Map.of("reasons", List.of("Inte inom fondens syfte"))).then()
                    .statusCode(200);
            return id;
        }
        if (stage.equals("WITHDRAWN")) {
            step(id, "withdrawal", form, etag(id), Map.of("reason", "Föreningen drar tillbaka idén")).then()
                    .statusCode(200);
            return id;
        }
        step(id, "screening", officer(), etag(id), null).then().statusCode(200);
        if (stage.equals("SCREENING")) {
            return id;
        }
        if (stage.equals("QUESTION_OPEN")) {
            step(id, "questions", officer(), etag(id), Map.of("question", "Hur många familjer?")).then()
                    .statusCode(200);
            return id;
        }
        step(id, "sponsorship", Tokens.token("office-head", office), etag(id),
                Map.of("comment", "Kontoret tar sig an idén")).then().statusCode(200);
        if (stage.equals("SPONSORED")) {
            return id;
        }
        Api.ensureOpenPeriod();
        step(id, "conversion", Tokens.token("applicant", office), etag(id), conversion(office)).then()
                .statusCode(200);
        return id;
    }

    /** A conversion by the office: the sample application with the office as its lead. */
    public static Map<String, Object> conversion(String office) {
        ObjectNode application = Api.sampleApplication();
        com.fasterxml.jackson.databind.node.ArrayNode offices = application.putArray("offices");
        offices.addObject().put("office", office).put("lead", true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application", Api.JSON.convertValue(application, Map.class));
        body.put("externalPartners", List.of(Map.of("name", "Studieförbundet", "organisationNumber", "817605-3968")));
        return body;
    }

    /** Everything an idea step could change, beside the shared footprint. */
    public static String footprint() {
        return Database.footprint() + Database.string("SELECT (SELECT count(*) FROM idea) || '/' || "
                + "(SELECT coalesce(sum(version), 0) FROM idea) || '/' || (SELECT count(*) FROM idea_event) || '/' || "
                + "(SELECT count(*) FROM application_origin)");
    }
}

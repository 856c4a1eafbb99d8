package se.socialfund.bootstrap.documents;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Tokens;

/** Uploads and downloads as a client makes them: multipart with real tokens, each exchange checked by the contract. */
final class Uploads {
    private Uploads() {
    }

    static Map<String, Object> metadata(String type, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("title", title);
        m.put("origin", "RECEIVED");
        return m;
    }

    /**
     * The contract, with one exception: RestAssured's validator adapter does not hand a multipart body to the
     * validator, which would report every upload as having none. Everything else of the request (path, headers,
     * parameters) and every response are checked as usual.
     */
    static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(Contract.SPEC.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.body.missing", ValidationReport.Level.IGNORE).build())
                    .build());

    static RequestSpecification as(String role, String office) {
        return RestAssured.given().filter(CONTRACT)
                .header("Authorization", "Bearer " + Tokens.token(role, office));
    }

    static Response upload(String role, String office, UUID application, Map<String, Object> metadata, byte[] file,
                           String fileName, String declaredType) {
        return upload(as(role, office), application, metadata, file, fileName, declaredType);
    }

    static Response upload(RequestSpecification spec, UUID application, Map<String, Object> metadata, byte[] file,
                           String fileName, String declaredType) {
        try {
            return spec.accept("application/json")
                    .multiPart(new MultiPartSpecBuilder(Api.JSON.writeValueAsString(metadata))
                            .controlName("metadata").mimeType("application/json")
                            .charset(StandardCharsets.UTF_8).build())
                    .multiPart(new MultiPartSpecBuilder(file).controlName("file").fileName(fileName)
                            .mimeType(declaredType).build())
                    .post("/api/v1/applications/" + application + "/documents");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PDF uploaded by the own office's applicant; answers the document's id. */
    static UUID uploadPdf(UUID application, byte[] pdf) {
        return UUID.fromString(upload("applicant", Api.OWN_OFFICE, application,
                metadata("PROJECT_PLAN", "Projektplan"), pdf, "projektplan.pdf", "application/pdf")
                .then().statusCode(201).extract().path("id"));
    }

    static Response download(String role, String office, UUID document) {
        return as(role, office).accept("*/*").get("/api/v1/documents/" + document + "/content");
    }

    /**
     * What a refused upload must leave as it was: documents, content, counters, keys, document audit events, and on
     * the S3-compatible store the bucket's objects.
     */
    static String footprint() {
        return (StoredContent.onS3() ? "objects:" + StoredContent.count() + "/" : "") + Database.footprint()
                + Database.string("SELECT (SELECT count(*) FROM document) || '/' || "
                + "(SELECT count(*) FROM document_content) || '/' || (SELECT coalesce(sum(last_number), 0) "
                + "FROM document_counter) || '/' || (SELECT count(*) FROM document_upload_key) || '/' || "
                + "(SELECT count(*) FROM audit_event WHERE object_type = 'document' AND outcome = 'SUCCEEDED')");
    }
}

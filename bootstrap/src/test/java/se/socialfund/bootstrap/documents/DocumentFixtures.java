package se.socialfund.bootstrap.documents;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.SampleFiles;

/** Documents for other tests (the authorization matrix): a fresh PDF, or one already published. */
public final class DocumentFixtures {
    private static final java.util.concurrent.atomic.AtomicLong SEED = new java.util.concurrent.atomic.AtomicLong(900);

    private DocumentFixtures() {
    }

    /** Adds an upload's two parts (a small PDF) to a request. */
    public static RequestSpecification withUpload(RequestSpecification spec) {
        return spec.contentType("multipart/form-data")
                .multiPart(new MultiPartSpecBuilder("{\"type\":\"OTHER\",\"title\":\"Matris\",\"origin\":\"RECEIVED\"}")
                        .controlName("metadata").mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart(new MultiPartSpecBuilder(SampleFiles.pdf(1024, SEED.incrementAndGet())).controlName("file")
                        .fileName("matris.pdf").mimeType("application/pdf").build());
    }

    /** A new PDF in the application's case, uploaded by a fund officer; its id. */
    public static UUID pdf(UUID application) {
        return Uploads.uploadPdf(application, SampleFiles.pdf(1024, SEED.incrementAndGet()));
    }

    /** Uploads a small PDF as a fund officer. */
    public static io.restassured.response.Response upload(UUID application) {
        return withUpload(Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json"))
                .post("/api/v1/applications/" + application + "/documents");
    }

    /** Takes a fund officer's step on a document at its version: publication, publication-withdrawal. */
    public static io.restassured.response.Response step(UUID document, String step, long version) {
        return Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json")
                .header("If-Match", "\"" + version + "\"").post("/api/v1/documents/" + document + "/" + step);
    }

    /** Marks a document secret as a fund officer. */
    public static io.restassured.response.Response mark(UUID document) {
        return Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").contentType("application/json")
                .header("If-Match", "\"1\"").body(java.util.Map.of("provision", "OSL 26 kap. 1 §"))
                .post("/api/v1/documents/" + document + "/secrecy-marking");
    }

    /** A new PDF, published (version 2). */
    public static UUID published(UUID application) {
        UUID id = pdf(application);
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"1\"")
                .post("/api/v1/documents/" + id + "/publication").then().statusCode(200);
        return id;
    }
}

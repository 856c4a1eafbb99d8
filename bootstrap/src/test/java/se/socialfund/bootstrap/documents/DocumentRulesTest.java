package se.socialfund.bootstrap.documents;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.document.DocumentUseCases.PublishedDocuments;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.SampleFiles;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.bootstrap.documents.Uploads.download;
import static se.socialfund.bootstrap.documents.Uploads.footprint;
import static se.socialfund.bootstrap.documents.Uploads.metadata;
import static se.socialfund.bootstrap.documents.Uploads.upload;
import static se.socialfund.bootstrap.documents.Uploads.uploadPdf;

/**
 * Who may do what with a case's documents, over HTTP with real tokens: offices, roles, If-Match, secrecy marking,
 * publication and new versions. None of it depends on where the content is stored, so it runs once, on the
 * default store ({@link DocumentsTest} holds the content's tests, which also run on S3).
 */
@QuarkusTest
class DocumentRulesTest {
    static final String PDF = "application/pdf";
    static final String OSL = "OSL 26 kap. 1 §";

    @Inject
    PublishedDocuments published;

    @Test
    void a_document_step_judges_the_office_and_the_role_before_if_match_and_the_version() {
        UUID app = Api.submit();
        UUID doc = uploadPdf(app, SampleFiles.pdf(3000, 81));
        String path = "/api/v1/documents/" + doc;
        String before = footprint();
        Map<String, Object> marking = Map.of("provision", OSL);
        // without If-Match: another office 404, a role without the right 403, only then 428
        unchecked("applicant", Api.OTHER_OFFICE).accept("application/json").contentType("application/json")
                .body(marking).post(path + "/secrecy-marking").then().statusCode(404);
        unchecked("auditor", null).accept("application/json").contentType("application/json").body(marking)
                .post(path + "/secrecy-marking").then().statusCode(403);
        unchecked("applicant", Api.OWN_OFFICE).accept("application/json").contentType("application/json")
                .body(marking).post(path + "/secrecy-marking").then().statusCode(428);
        for (String step : List.of("/publication", "/publication-withdrawal")) {
            unchecked("applicant", Api.OTHER_OFFICE).accept("application/json").post(path + step).then()
                    .statusCode(404);
            unchecked("applicant", Api.OWN_OFFICE).accept("application/json").post(path + step).then()
                    .statusCode(403);
            unchecked("applicant", Api.OWN_OFFICE).accept("application/json").header("If-Match", "not an etag")
                    .post(path + step).then().statusCode(403);
            unchecked("fund-officer", Api.FUND_OFFICE).accept("application/json").post(path + step).then()
                    .statusCode(428);
            // a stale If-Match: still the role first, then 412
            Uploads.as("auditor", null).accept("application/json").header("If-Match", "\"7\"").post(path + step)
                    .then().statusCode(403);
        }
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"7\"")
                .post(path + "/publication").then().statusCode(412);
        assertThat(footprint()).isEqualTo(before);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? AND outcome = 'DENIED' "
                + "AND action IN ('markDocument', 'publishDocument', 'withdrawDocumentPublication')", doc.toString()))
                .as("each refused caller audited: 2 markings, 8 publications and withdrawals").isEqualTo(10);
    }

    @Test
    void another_offices_applicant_gets_404_on_list_metadata_content_and_upload() {
        UUID app = Api.submit();
        UUID doc = uploadPdf(app, SampleFiles.pdf(3000, 11));
        String before = footprint();
        long denied = Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'");
        var other = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
                () -> Uploads.as("applicant", Api.OTHER_OFFICE).accept("*/*");
        other.get().get("/api/v1/applications/" + app + "/documents").then().statusCode(404);
        other.get().get("/api/v1/documents/" + doc).then().statusCode(404);
        other.get().get("/api/v1/documents/" + doc + "/content").then().statusCode(404);
        upload("applicant", Api.OTHER_OFFICE, app, metadata("OTHER", "Fel kontor"), SampleFiles.pdf(3000, 12),
                "x.pdf", PDF).then().statusCode(404);
        assertThat(footprint()).isEqualTo(before);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE outcome = 'DENIED'") - denied)
                .isEqualTo(4);
        // the auditor and the form client may read the application, but upload nothing
        upload("auditor", null, app, metadata("OTHER", "Revision"), SampleFiles.pdf(3000, 13), "x.pdf", PDF)
                .then().statusCode(403);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void a_caller_without_the_right_is_403_whatever_it_sent_and_broken_metadata_is_422_naming_each_field() {
        UUID app = Api.submit();
        UUID doc = uploadPdf(app, SampleFiles.pdf(3000, 31));
        String before = footprint();
        Map<String, Object> broken = metadata("OTHER", " ");
        broken.remove("origin");
        broken.put("secrecyProvision", "x".repeat(201));
        upload("auditor", null, app, broken, SampleFiles.pdf(3000, 32), "x.pdf", PDF).then().statusCode(403);
        Response bad = upload("applicant", Api.OWN_OFFICE, app, broken, SampleFiles.pdf(3000, 32), "x.pdf", PDF);
        bad.then().statusCode(422);
        assertThat(bad.<List<String>>path("violations.field"))
                .containsExactlyInAnyOrder("/title", "/origin", "/secrecyProvision");

        Map<String, Object> blank = Map.of("provision", " ");
        Api.asUnchecked("auditor", null).header("If-Match", "\"1\"").body(blank)
                .post("/api/v1/documents/" + doc + "/secrecy-marking").then().statusCode(403);
        Response badMarking = Api.asUnchecked("applicant", Api.OWN_OFFICE).header("If-Match", "\"1\"").body(blank)
                .post("/api/v1/documents/" + doc + "/secrecy-marking");
        badMarking.then().statusCode(422);
        assertThat(badMarking.<List<String>>path("violations.field")).containsExactly("/provision");
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void a_marked_document_is_never_published_and_its_content_is_for_its_offices_and_fund_officers() {
        UUID app = Api.submit();
        Map<String, Object> meta = metadata("DECISION_MEMO", "Tjänsteskrivelse");
        meta.put("secrecyProvision", OSL);
        Response created = upload("office-head", Api.OWN_OFFICE, app, meta, SampleFiles.pdf(5000, 21), "ts.pdf", PDF);
        created.then().statusCode(201);
        assertThat(created.<String>path("secrecy.provision")).isEqualTo(OSL);
        UUID doc = UUID.fromString(created.path("id"));
        String sha = created.path("sha256");

        download("auditor", null, doc).then().statusCode(403);
        download("scientific-advisor", null, doc).then().statusCode(403);
        download("applicant", Api.OTHER_OFFICE, doc).then().statusCode(404);
        assertThat(Uploads.as("auditor", null).accept("application/json").get("/api/v1/documents/" + doc)
                .then().statusCode(200).extract().<Boolean>path("contentReadable")).isFalse();
        download("applicant", Api.OWN_OFFICE, doc).then().statusCode(200);
        download("fund-officer", Api.FUND_OFFICE, doc).then().statusCode(200);

        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"1\"")
                .post("/api/v1/documents/" + doc + "/publication").then().statusCode(409);
        assertThat(published.publishedOf(app)).isEmpty();

        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'downloadDocument' "
                + "AND outcome = 'SUCCEEDED' AND object_id = ? AND content_sha256 = ?", doc.toString(), sha))
                .isEqualTo(2);
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE action = 'downloadDocument' "
                + "AND outcome = 'DENIED' AND object_id = ?", doc.toString())).isEqualTo(3);
    }

    @Test
    void a_fund_officer_publishes_an_unmarked_pdf_withdraws_it_and_a_marking_takes_it_off_the_page() {
        UUID app = Api.submit();
        UUID doc = uploadPdf(app, SampleFiles.pdf(4000, 31));
        String path = "/api/v1/documents/" + doc;

        Uploads.as("applicant", Api.OWN_OFFICE).accept("application/json").header("If-Match", "\"1\"")
                .post(path + "/publication").then().statusCode(403);
        io.restassured.RestAssured.given().filter(Contract.responses()).header("Authorization", "Bearer "
                        + se.socialfund.bootstrap.support.Tokens.token("fund-officer", Api.FUND_OFFICE))
                .accept("application/json").post(path + "/publication").then().statusCode(428);
        Response publication = Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json")
                .header("If-Match", "\"1\"").post(path + "/publication");
        publication.then().statusCode(200).header("ETag", "\"2\"");
        assertThat(publication.<String>path("publication.publishedBy")).isNotBlank();
        assertThat(published.publishedOf(app)).extracting(d -> d.id()).containsExactly(doc);

        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"2\"")
                .post(path + "/publication-withdrawal").then().statusCode(200).header("ETag", "\"3\"");
        assertThat(published.publishedOf(app)).isEmpty();
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"3\"")
                .post(path + "/publication-withdrawal").then().statusCode(409);

        // published again, then marked secret by the office: secrecy wins at once
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"3\"")
                .post(path + "/publication").then().statusCode(200);
        Response marked = Uploads.as("office-head", Api.OWN_OFFICE).contentType("application/json")
                .accept("application/json").header("If-Match", "\"4\"").body(Map.of("provision", OSL))
                .post(path + "/secrecy-marking");
        marked.then().statusCode(200).header("ETag", "\"5\"");
        assertThat(marked.<Object>path("publication")).isNull();
        assertThat(published.publishedOf(app)).isEmpty();
        assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? AND content_sha256 IS NOT "
                + "NULL AND action IN ('publishDocument', 'withdrawDocumentPublication', 'markDocument') "
                + "AND outcome = 'SUCCEEDED'", doc.toString())).isEqualTo(4);

        // only PDFs are published
        UUID docx = UUID.fromString(upload("applicant", Api.OWN_OFFICE, app, metadata("OTHER", "Kalkyl"),
                SampleFiles.docx(), "k.docx", "application/octet-stream").then().statusCode(201).extract().path("id"));
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", "\"1\"")
                .post("/api/v1/documents/" + docx + "/publication").then().statusCode(422);
    }

    @Test
    void a_new_version_supersedes_the_old_and_both_are_kept() {
        UUID app = Api.submit();
        UUID v1 = uploadPdf(app, SampleFiles.pdf(3000, 41));
        Map<String, Object> meta = metadata("PROJECT_PLAN", "Projektplan v2");
        meta.put("supersedes", v1.toString());
        Response v2 = upload("applicant", Api.OWN_OFFICE, app, meta, SampleFiles.pdf(3000, 42), "plan.pdf", PDF);
        v2.then().statusCode(201);
        assertThat(v2.<String>path("supersedes")).isEqualTo(v1.toString());
        Response old = Uploads.as("applicant", Api.OWN_OFFICE).accept("application/json")
                .get("/api/v1/documents/" + v1);
        assertThat(old.<String>path("supersededBy")).isEqualTo(v2.<String>path("id"));
        assertThat(Uploads.as("applicant", Api.OWN_OFFICE).accept("application/json")
                .get("/api/v1/applications/" + app + "/documents").then().statusCode(200).extract()
                .<List<String>>path("items.id")).containsExactly(v1.toString(), v2.<String>path("id"));
        upload("applicant", Api.OWN_OFFICE, app, meta, SampleFiles.pdf(3000, 43), "plan.pdf", PDF)
                .then().statusCode(409);
        Uploads.as("fund-officer", Api.FUND_OFFICE).accept("application/json").header("If-Match", old.header("ETag"))
                .post("/api/v1/documents/" + v1 + "/publication").then().statusCode(409);
    }

    private static io.restassured.specification.RequestSpecification unchecked(String role, String office) {
        return RestAssured.given().filter(Contract.responses())
                .header("Authorization", "Bearer " + Tokens.token(role, office));
    }
}

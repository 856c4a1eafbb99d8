package se.socialfund.bootstrap.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.rest.RenderedApplications;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application answered again as the same view is answered with the bytes written before; anything that makes
 * the view differ (another caller's allowed actions, a change of the row behind the service's back under the same
 * version, a step) is written anew, and each caller keeps getting what it may see and do.
 */
@QuarkusTest
class RenderedApplicationsTest {
    @Inject
    RenderedApplications rendered;

    private static Response get(io.restassured.specification.RequestSpecification as, UUID id) {
        Response r = as.get("/api/v1/applications/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
        return r;
    }

    @Test
    void the_same_view_is_answered_with_the_same_bytes_and_every_difference_is_written_anew() throws Exception {
        UUID id = Steps.applicationIn("RECEIVED");
        long before = rendered.written();
        String applicant = get(Api.applicant(), id).asString();
        assertThat(rendered.written()).as("the first read writes the view").isEqualTo(before + 1);
        assertThat(get(Api.applicant(), id).asString()).as("read again: the same bytes").isEqualTo(applicant);
        assertThat(rendered.written()).as("... not written again").isEqualTo(before + 1);

        // the fund officer may assess the criteria, the applicant may not: another view, written for it
        Response officer = get(Api.fundOfficer(), id);
        List<String> officerActions = officer.path("allowedActions.action");
        List<String> applicantActions = io.restassured.path.json.JsonPath.from(applicant).getList("allowedActions.action");
        assertThat(officerActions).contains("ASSESS_CRITERIA");
        assertThat(applicantActions).doesNotContain("ASSESS_CRITERIA");
        assertThat(rendered.written()).isEqualTo(before + 2);
        // each caller's view is kept apart: the applicant's is still answered as before, without writing
        assertThat(get(Api.applicant(), id).asString()).isEqualTo(applicant);
        assertThat(get(Api.fundOfficer(), id).asString()).isEqualTo(officer.asString());
        assertThat(rendered.written()).isEqualTo(before + 2);

        // changed behind the service's back, under the same version (an operator's UPDATE): written anew
        String title = officer.path("content.title");
        try (Connection c = Database.owner(); PreparedStatement s = c.prepareStatement("UPDATE application_revision "
                + "SET content = jsonb_set(content, '{title}', to_jsonb(CAST(? AS text))) WHERE application_id = ?")) {
            s.setString(1, title + " (rättad)");
            s.setObject(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        Response changed = get(Api.applicant(), id);
        assertThat(changed.<String>path("content.title")).isEqualTo(title + " (rättad)");
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(rendered.written()).isEqualTo(before + 3);

        // a step: the answer and the next read show the new version
        Api.fundOfficer().header("If-Match", "\"1\"").body(Steps.criteriaAllMet())
                .post("/api/v1/applications/" + id + "/criteria-assessment").then().statusCode(200);
        Response after = get(Api.fundOfficer(), id);
        assertThat(after.header("ETag")).isEqualTo("\"2\"");
        assertThat(after.<String>path("stage")).isEqualTo("CRITERIA_CHECKED");
        assertThat(after.<List<String>>path("allowedActions.action")).doesNotContain("ASSESS_CRITERIA");
    }
}

package se.socialfund.bootstrap.api;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data stored before the application's state was split by phase (one flat document, schema version 1) is reshaped
 * by V5 and reads back exactly as it did: the migration is run again here on rows put back into the old shape.
 */
@QuarkusTest
class ApplicationStateMigrationTest {
    /** The flat document of version 1, rebuilt from the phased one (what rows looked like before V5). */
    private static final String TO_FLAT = """
            UPDATE application SET state = jsonb_strip_nulls(jsonb_build_object(
                'schemaVersion', 1,
                'criteriaAssessment', state -> 'assessment' -> 'criteriaAssessment',
                'completionRequests', state -> 'assessment' -> 'completionRequests',
                'municipalPerspective', state -> 'assessment' -> 'municipalPerspective',
                'boardDecision', state -> 'assessment' -> 'decision',
                'withdrawal', state -> 'assessment' -> 'withdrawal',
                'reviews', state -> 'reviews',
                'projectStart', state -> 'investment' -> 'project' -> 'start',
                'costReports', COALESCE(state -> 'investment' -> 'project' -> 'costReports', '[]'::jsonb),
                'followUp', state -> 'investment' -> 'project' -> 'followUp',
                'evaluation', state -> 'investment' -> 'project' -> 'evaluation',
                'termination', state -> 'investment' -> 'project' -> 'termination',
                'repaymentPlan', state -> 'investment' -> 'project' -> 'repaymentPlan',
                'implementationDecision', state -> 'investment' -> 'closing',
                'releasedAmount', COALESCE(state -> 'investment' -> 'released', '{"amount": 0.00}'::jsonb)))
             WHERE id = ?""";

    @Test
    void applications_stored_in_the_flat_shape_read_back_unchanged_after_the_reshaping_migration() throws Exception {
        UUID received = Steps.applicationIn("RECEIVED");
        UUID declined = Steps.applicationIn("DECLINED");
        UUID terminated = Steps.applicationIn("TERMINATED");
        UUID closed = Steps.applicationIn("CLOSED");
        UUID[] ids = {received, declined, terminated, closed};
        String[] before = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            before[i] = Api.fundOfficer().get("/api/v1/applications/" + ids[i]).then().statusCode(200)
                    .extract().asString();
        }
        String migration;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("db/migration/V5__application_state_by_phase.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = Database.superuser()) {
            for (UUID id : ids) {
                try (PreparedStatement flat = c.prepareStatement(TO_FLAT)) {
                    flat.setObject(1, id);
                    assertThat(flat.executeUpdate()).isEqualTo(1);
                }
                assertThat(Database.string("SELECT state ->> 'schemaVersion' FROM application WHERE id = ?", id))
                        .isEqualTo("1");
            }
            c.createStatement().execute(migration);
        }
        for (int i = 0; i < ids.length; i++) {
            assertThat(Database.string("SELECT state ->> 'schemaVersion' FROM application WHERE id = ?", ids[i]))
                    .isEqualTo("2");
            String after = Api.fundOfficer().get("/api/v1/applications/" + ids[i]).then().statusCode(200)
                    .extract().asString();
            assertThat(after).as("application %s after the migration", ids[i]).isEqualTo(before[i]);
        }
        assertThat(Database.string("SELECT state -> 'investment' -> 'project' -> 'termination' ->> 'reason' "
                + "FROM application WHERE id = ?", terminated)).isNotBlank();
    }
}

package se.socialfund.bootstrap.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.persistence.ApplicationRows;
import se.socialfund.adapters.persistence.ParsedDocuments;
import se.socialfund.adapters.persistence.StoredDocumentVersions;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * A stored document the code cannot read fails loudly: the request that meets it answers 500 with a log line
 * naming the document, the check at start names the versions it does not understand, and the migration V3 gives
 * the documents written before versions existed their version 1.
 */
@QuarkusTest
class StoredDocumentsTest {
    @Inject
    StoredDocumentVersions versions;

    @Inject
    ParsedDocuments parsed;

    /** Keeps the text of the service's error records while a test runs. */
    static final class Capture extends Handler {
        final List<String> records = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                records.add(r.getMessage() + " " + (r.getThrown() == null ? "" : r.getThrown().getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void an_application_whose_stored_state_has_a_renamed_field_answers_500_and_names_the_document() throws Exception {
        UUID id = Api.submit();
        String stored = Database.string("SELECT CAST(state AS text) FROM application WHERE id = ?", id);
        assertThat(stored).contains("\"schemaVersion\": 2", "\"reviews\"");
        // read once: the service keeps the parse of this row's state (ParsedDocuments)
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200);
        assertThat(parsed.heldState(id)).isNotNull();
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // as if a release had renamed the component 'reviews' of the state document without a migration
            execute("UPDATE application SET state = (state - 'reviews') || jsonb_build_object('scientificReviews', "
                    + "state -> 'reviews') WHERE id = ?", id);
            Api.applicant().get("/api/v1/applications/" + id).then().statusCode(500)
                    .contentType("application/problem+json").body("status", equalTo(500));
            assertThat(capture.records).anySatisfy(r -> assertThat(r).contains("the stored application state of "
                    + "application " + id + " (application.state) cannot be read: it has the unknown property "
                    + "'scientificReviews' at /scientificReviews (schemaVersion 2, versions understood: [2])"));

            // the check at start refuses a version it does not understand, naming table, column and versions
            execute("UPDATE application SET state = jsonb_set(state, '{schemaVersion}', '99') WHERE id = ?", id);
            assertThatThrownBy(versions::verify).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("application state documents in application.state carry schemaVersion 99 "
                            + "(versions understood: [2])");
        } finally {
            root.removeHandler(capture);
            execute("UPDATE application SET state = CAST(? AS jsonb) WHERE id = ?", stored, id);
        }
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200);
        versions.verify();
    }

    /**
     * The parses the service keeps are tagged with the row's version and xmin: a change made behind its back (by
     * an operator, a migration, another instance), with or without a new version, is what the next read answers.
     */
    @Test
    void a_document_changed_behind_the_service_is_read_as_changed_although_its_parse_was_kept() throws Exception {
        UUID id = Api.submit();
        String title = Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200)
                .extract().path("content.title");
        String tag = Database.string("SELECT " + ApplicationRows.STATE_TAG + " FROM application a WHERE a.id = ?", id);
        assertThat(parsed.heldState(id).tag()).isEqualTo(tag);
        assertThat(parsed.heldContent(id).tag()).isEqualTo(Database.string("SELECT " + ApplicationRows.CONTENT_TAG
                + " FROM application_revision r WHERE r.application_id = ?", id));
        // read again unchanged: answered from the parses kept, the same body
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200)
                .body("content.title", equalTo(title));

        // the revision's content and the state change under the same version (no new version: only xmin moves)
        execute("UPDATE application_revision SET content = jsonb_set(content, '{title}', to_jsonb(CAST(? AS text))) "
                + "WHERE application_id = ?", title + " (rättad)", id);
        execute("UPDATE application SET state = state WHERE id = ?", id);
        assertThat(Database.string("SELECT " + ApplicationRows.STATE_TAG + " FROM application a WHERE a.id = ?", id))
                .startsWith(tag.substring(0, tag.indexOf(':') + 1)).isNotEqualTo(tag);
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200)
                .body("content.title", equalTo(title + " (rättad)"));
        assertThat(parsed.heldState(id).tag()).isNotEqualTo(tag);
    }

    /**
     * The start reads every document only when a migration was applied since the last full check (V66); otherwise
     * it compares the versions that check kept, which decide as the documents would.
     */
    @Test
    void the_start_reads_every_document_only_after_a_migration_and_otherwise_decides_on_the_versions_kept()
            throws Exception {
        Api.submit();
        execute("DELETE FROM document_versions_checked");
        assertThat(versions.verifyAtStart()).as("never checked: every document read").isTrue();
        assertThat(Database.string("SELECT array_to_string(versions, ',') FROM document_versions_checked"))
                .contains("application.state=2", "application_revision.content=1");
        assertThat(versions.verifyAtStart()).as("no migration since: the versions kept compared").isFalse();
        try {
            // the versions kept decide: as if documents of a version this release does not read had been found
            execute("UPDATE document_versions_checked SET versions = versions || CAST('{application.state=3}' "
                    + "AS text[])");
            assertThatThrownBy(versions::verifyAtStart).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("application state documents in application.state carry schemaVersion 3 "
                            + "(versions understood: [2])");
        } finally {
            // as after a migration: the next start reads every document again, and finds them readable
            execute("UPDATE document_versions_checked SET through_rank = -1");
        }
        assertThat(versions.verifyAtStart()).isTrue();
        assertThat(versions.verifyAtStart()).isFalse();
        // kept by another release (one that writes the states at version 3: a rollback behind its migration, or
        // an upgrade after an older release wrote): every document is read again
        execute("UPDATE document_versions_checked SET written_by = array_replace(written_by, 'application.state=2', "
                + "'application.state=3')");
        assertThat(versions.verifyAtStart()).isTrue();
        assertThat(Database.string("SELECT array_to_string(written_by, ',') FROM document_versions_checked"))
                .contains("application.state=2");
    }

    @Test
    void the_migrations_give_documents_stored_before_versions_their_version_and_shape() throws Exception {
        UUID id = Api.submit();
        String where = " WHERE application_id = '" + id + "'";
        try (Connection owner = Database.owner(); Statement s = owner.createStatement()) {
            // the documents as releases before V3 wrote them: no version, and the state in its flat shape of then
            s.executeUpdate("UPDATE application SET state = jsonb_build_object('completionRequests', "
                    + "state -> 'assessment' -> 'completionRequests', 'reviews', state -> 'reviews', "
                    + "'costReports', '[]'::jsonb, 'releasedAmount', '{\"amount\": 0.00}'::jsonb) "
                    + "WHERE id = '" + id + "'");
            s.executeUpdate("UPDATE application_revision SET content = content - 'schemaVersion'" + where);
            s.executeUpdate("UPDATE application_event SET details = details - 'schemaVersion'" + where);
            assertThatThrownBy(versions::verify).hasMessageContaining("carry schemaVersion none");
            Api.applicant().get("/api/v1/applications/" + id).then().statusCode(500);

            s.execute(migration("V3__stored_documents_carry_a_schema_version.sql"));
            assertThat(Database.string("SELECT state ->> 'schemaVersion' FROM application WHERE id = ?", id))
                    .isEqualTo("1");
            s.execute(migration("V5__application_state_by_phase.sql"));
        }
        assertThat(Database.string("SELECT state ->> 'schemaVersion' FROM application WHERE id = ?", id))
                .isEqualTo("2");
        assertThat(Database.string("SELECT CAST(details AS text) FROM application_event" + where))
                .startsWith("{\"revision\": \"1\", \"schemaVersion\": 1, ");
        Api.applicant().get("/api/v1/applications/" + id).then().statusCode(200);
        versions.verify();
    }

    private static String migration(String name) throws java.io.IOException {
        return Database.migration(name);
    }

    private static void execute(String sql, Object... params) throws Exception {
        try (Connection c = Database.owner(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}

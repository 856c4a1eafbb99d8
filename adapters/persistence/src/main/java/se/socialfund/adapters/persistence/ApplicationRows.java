package se.socialfund.adapters.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;

import se.socialfund.adapters.persistence.ApplicationMapper.StateDocument;
import se.socialfund.adapters.persistence.ParsedDocuments.Tagged;
import se.socialfund.adapters.persistence.idea.IdeaStore;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.idea.ApplicationOrigin;

/**
 * Reads applications as the domain restores them: the row, its current revision and its origin (when made from an
 * idea), for one id or many, in <b>one statement</b> on a connection of the pool (inside a transaction, the
 * transaction's; outside one, a connection in autocommit). No entities: the columns go straight into the snapshot,
 * so the session neither tracks nor flushes anything. The jsonb documents come only when the row's tag differs from
 * the one whose parse {@link ParsedDocuments} holds (see there why that cannot serve a stale document).
 */
@ApplicationScoped
public class ApplicationRows {
    /**
     * The tag of a row's state: its version, the id of the transaction that wrote this version of the row, and its
     * time of change (so that even an xid used again after a failover or a restore to a point in time, with the
     * same version, makes another tag).
     */
    public static final String STATE_TAG = "a.version || ':' || a.xmin || ':' || a.updated_at";
    /** The tag of a revision's content: its number, the writing transaction and its time. */
    public static final String CONTENT_TAG = "r.number || ':' || r.xmin || ':' || r.submitted_at";
    /** What is read of a row, its revision and origin; {@code k} names the ids asked and the tags held. */
    private static final String COLUMNS = """
            SELECT a.id, a.registration_number, a.period_id, a.stage, a.version, a.received_at, a.updated_at,
                   a.submitted_by, %1$s,
                   CASE WHEN %1$s = k.state_tag THEN NULL ELSE a.state::text END,
                   r.number, r.submitted_at, r.submitted_by, r.answers_completion_request, %2$s,
                   CASE WHEN %2$s = k.content_tag THEN NULL ELSE r.content::text END,
                   o.idea_id, o.idea_registration_number, o.external_partners::text
            """.formatted(STATE_TAG, CONTENT_TAG);
    private static final String JOINS = """
              JOIN application a ON a.id = k.id
              JOIN application_revision r ON r.application_id = a.id AND r.number = a.current_revision
              LEFT JOIN application_origin o ON o.application_id = a.id""";
    /**
     * One id: scalar parameters, so that PostgreSQL settles on one generic plan for the prepared statement (an
     * array of unknown length estimates 100 rows and keeps it planning anew on every execution).
     */
    private static final String SELECT_ONE = COLUMNS
            + "  FROM (SELECT CAST(? AS uuid) AS id, CAST(? AS text) AS state_tag, CAST(? AS text) AS content_tag) k\n"
            + JOINS;
    /** Many ids (a page of the work queue): arrays of the ids and, per id, the tags held. */
    private static final String SELECT_MANY = COLUMNS
            + "  FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[])) AS k(id, state_tag, content_tag)\n"
            + JOINS;

    /** An application as read: its snapshot, and its origin if it was made from an idea. */
    public record Row(ApplicationSnapshot snapshot, ApplicationOrigin origin) {
    }

    /**
     * The pool itself, not a Hibernate session: inside a transaction the pool hands out the transaction's own
     * connection (the one the session writes on), outside one a connection in autocommit; opening and closing a
     * session for one statement was a tenth of a read's CPU.
     */
    @Inject
    DataSource dataSource;

    @Inject
    ParsedDocuments parsed;

    /** These applications (those that exist), by id. */
    public Map<UUID, Row> read(Collection<UUID> ids) {
        Map<UUID, Row> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        UUID[] keys = ids.stream().distinct().toArray(UUID[]::new);
        String[] stateTags = new String[keys.length];
        String[] contentTags = new String[keys.length];
        // the entries whose tags go with the statement: the rows that come without text use exactly these
        Map<UUID, Held> held = new java.util.HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            Held h = new Held(parsed.state(keys[i]), parsed.content(keys[i]));
            held.put(keys[i], h);
            stateTags[i] = h.state() == null ? null : h.state().tag();
            contentTags[i] = h.content() == null ? null : h.content().tag();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean one = keys.length == 1;
            try (PreparedStatement statement = connection.prepareStatement(one ? SELECT_ONE : SELECT_MANY)) {
                if (one) {
                    statement.setObject(1, keys[0]);
                    statement.setString(2, stateTags[0]);
                    statement.setString(3, contentTags[0]);
                } else {
                    statement.setArray(1, connection.createArrayOf("uuid", keys));
                    statement.setArray(2, connection.createArrayOf("text", stateTags));
                    statement.setArray(3, connection.createArrayOf("text", contentTags));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Row row = row(rs, held);
                        found.put(row.snapshot().id(), row);
                    }
                }
            }
        } catch (SQLException e) {
            // the unit of work tells an unavailable database from other failures by the cause
            throw new IllegalStateException("reading applications failed", e);
        }
        return found;
    }

    private record Held(Tagged<StateDocument> state, Tagged<ApplicationContent> content) {
    }

    private Row row(ResultSet rs, Map<UUID, Held> held) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Held h = held.get(id);
        StateDocument state = document(id, rs.getString(9), rs.getString(10), h.state(),
                text -> ApplicationMapper.readState(text, id), parsed::rememberState);
        int revisionNumber = rs.getInt(11);
        ApplicationContent content = document(id, rs.getString(15), rs.getString(16), h.content(),
                text -> ApplicationMapper.readContent(text, revisionNumber, id), parsed::rememberContent);
        Revision current = new Revision(revisionNumber, content, instant(rs, 12), rs.getString(13),
                (Integer) rs.getObject(14));
        ApplicationSnapshot snapshot = ApplicationMapper.snapshot(id, rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getLong(5), instant(rs, 6), instant(rs, 7), rs.getString(8), current, state);
        UUID ideaId = rs.getObject(17, UUID.class);
        ApplicationOrigin origin = ideaId == null ? null : new ApplicationOrigin(ideaId, rs.getString(18),
                Documents.read(Documents.APPLICATION_ORIGIN, rs.getString(19), IdeaStore.ExternalPartners.class,
                        "application_origin " + id).partners());
        return new Row(snapshot, origin);
    }

    /**
     * The document of this row: parsed from the text the database sent, or, when it sent none (the tag held is
     * the row's), the records parsed before. A text is parsed and remembered under the row's tag.
     */
    private static <T> T document(UUID id, String tag, String text, Tagged<T> held,
                                  java.util.function.Function<String, T> parse, Remember<T> remember) {
        if (text == null) {
            if (held == null || !held.tag().equals(tag)) {
                // the database sends no text only when the row's tag is the one sent, which is held's
                throw new IllegalStateException("no document and no matching parse for application " + id);
            }
            return held.value();
        }
        T value = parse.apply(text);
        remember.remember(id, tag, value);
        return value;
    }

    @FunctionalInterface
    private interface Remember<T> {
        void remember(UUID id, String tag, T value);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}

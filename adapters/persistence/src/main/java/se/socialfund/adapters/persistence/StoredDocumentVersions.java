package se.socialfund.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import se.socialfund.adapters.persistence.Documents.DocumentKind;

/**
 * At start (after the migrations), reads which schema versions the stored documents of each kind carry, one query
 * per table, and refuses to start if any is one this code does not understand (or missing): a release that cannot
 * read the data on disk stops at once, with a message naming the table, the column and the versions, instead of
 * failing later on the first request that meets such a row. {@code socialfund.documents.check-at-start=false}
 * turns it off (the read itself still refuses such a document).
 */
@ApplicationScoped
public class StoredDocumentVersions {
    private static final Logger LOG = Logger.getLogger(StoredDocumentVersions.class);
    /** What the query answers for a document that is not a JSON object. */
    static final String NOT_AN_OBJECT = "(not a JSON object)";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "socialfund.documents.check-at-start", defaultValue = "true")
    boolean checkAtStart;

    @ConfigProperty(name = "quarkus.flyway.table", defaultValue = "flyway_schema_history")
    String historyTable;

    void onStart(@Observes StartupEvent event) {
        if (checkAtStart) {
            verifyAtStart();
        }
    }

    /**
     * What {@link #verify} decides, without reading every document when no migration was applied since the last
     * full check ({@code document_versions_checked}, V66) and that check was made by a release writing the same
     * versions as this one: versions change only with a migration, and what was written since the check is of the
     * versions that release writes, which are this one's. Otherwise (a migration since, never checked, or another
     * release checked: a rollback, an upgrade, a kind added or renamed) it reads them all and keeps what it found
     * with the versions this release writes. So a release rolled back behind a migration that upgraded documents
     * reads them and refuses to start as before, and so does a release started again after an older one wrote its
     * documents. Not seen: documents written by a release older than V66 (it keeps nothing) after a newer release's
     * check, and documents changed by hand behind the migrations; both are still refused when read.
     *
     * @return whether every document was read (false: the versions kept were compared)
     */
    public boolean verifyAtStart() {
        long rank;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(installed_rank), 0) FROM \"" + historyTable
                    + "\" WHERE success")) {
                rs.next();
                rank = rs.getLong(1);
            }
            try (ResultSet rs = s.executeQuery("SELECT through_rank, versions, written_by "
                    + "FROM document_versions_checked")) {
                if (rs.next() && rs.getLong(1) == rank
                        && List.of((String[]) rs.getArray(3).getArray()).equals(written())) {
                    refuseIfUnreadable(kept((String[]) rs.getArray(2).getArray()));
                    return false;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the schema versions of the stored documents", e);
        }
        Map<DocumentKind, Set<String>> found = read();
        keep(rank, found);
        refuseIfUnreadable(found);
        return true;
    }

    /** Reads the versions on disk and throws if any kind holds one not understood. */
    public void verify() {
        refuseIfUnreadable(read());
    }

    private Map<DocumentKind, Set<String>> read() {
        Map<DocumentKind, Set<String>> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (DocumentKind kind : Documents.ALL) {
                Set<String> versions = versionSet();
                try (ResultSet rs = s.executeQuery(query(kind))) {
                    while (rs.next()) {
                        versions.add(rs.getString(1));
                    }
                }
                found.put(kind, versions);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the schema versions of the stored documents", e);
        }
        return found;
    }

    private static Set<String> versionSet() {
        return new TreeSet<>(java.util.Comparator.nullsFirst(String::compareTo));
    }

    /** A kind's place on disk, as the kept entries name it. */
    private static String place(DocumentKind kind) {
        return kind.table() + "." + kind.column();
    }

    /** The versions this release writes, one entry per kind, in {@link Documents#ALL}'s order. */
    static List<String> written() {
        return Documents.ALL.stream().map(kind -> place(kind) + "=" + kind.version()).toList();
    }

    /**
     * Keeps what a full check found, as {@code "<table>.<column>=<version>"} ({@code "<table>.<column>="}: a
     * document without one), with the versions this release writes.
     */
    private void keep(long rank, Map<DocumentKind, Set<String>> found) {
        List<String> entries = new ArrayList<>();
        found.forEach((kind, versions) -> versions.forEach(v -> entries.add(place(kind) + "=" + (v == null ? "" : v))));
        try (Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement("""
                INSERT INTO document_versions_checked (through_rank, versions, written_by, checked_at)
                VALUES (?, ?, ?, now())
                ON CONFLICT (singleton) DO UPDATE SET through_rank = excluded.through_rank,
                       versions = excluded.versions, written_by = excluded.written_by,
                       checked_at = excluded.checked_at""")) {
            s.setLong(1, rank);
            s.setArray(2, c.createArrayOf("text", entries.toArray()));
            s.setArray(3, c.createArrayOf("text", written().toArray()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot keep the schema versions of the stored documents", e);
        }
    }

    private static Map<DocumentKind, Set<String>> kept(String[] entries) {
        Map<DocumentKind, Set<String>> found = new LinkedHashMap<>();
        Documents.ALL.forEach(kind -> found.put(kind, versionSet()));
        for (String entry : entries) {
            int at = entry.lastIndexOf('=');
            String name = entry.substring(0, at);
            String version = entry.substring(at + 1);
            Documents.ALL.stream().filter(k -> place(k).equals(name)).findFirst()
                    .ifPresent(kind -> found.get(kind).add(version.isEmpty() ? null : version));
        }
        return found;
    }

    private void refuseIfUnreadable(Map<DocumentKind, Set<String>> found) {
        List<String> problems = problems(found);
        if (!problems.isEmpty()) {
            String message = "the database holds documents this release cannot read; apply the migration that "
                    + "upgrades them, or run the release that wrote them: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
        LOG.debugf("stored document versions: %s", found);
    }

    static String query(DocumentKind kind) {
        String column = kind.column();
        return "SELECT DISTINCT CASE WHEN jsonb_typeof(" + column + ") = 'object' THEN " + column + " ->> '"
                + Documents.VERSION_PROPERTY + "' ELSE '" + NOT_AN_OBJECT + "' END FROM " + kind.table()
                + " WHERE " + column + " IS NOT NULL";
    }

    /** For each kind, the versions found that it does not understand; none when all is readable. */
    static List<String> problems(Map<DocumentKind, Set<String>> found) {
        List<String> problems = new ArrayList<>();
        found.forEach((kind, versions) -> {
            List<String> unknown = new ArrayList<>();
            for (String version : versions) {
                if (!understood(kind, version)) {
                    unknown.add(version == null ? "none" : version);
                }
            }
            if (!unknown.isEmpty()) {
                problems.add(kind.name() + " documents in " + kind.table() + "." + kind.column()
                        + " carry " + Documents.VERSION_PROPERTY + " " + String.join(", ", unknown)
                        + " (versions understood: " + new TreeSet<>(kind.understood()) + ")");
            }
        });
        return problems;
    }

    private static boolean understood(DocumentKind kind, String version) {
        try {
            return version != null && kind.understood().contains(Integer.parseInt(version));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

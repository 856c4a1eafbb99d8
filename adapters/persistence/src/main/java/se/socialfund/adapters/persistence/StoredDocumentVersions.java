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

    void onStart(@Observes StartupEvent event) {
        if (checkAtStart) {
            verify();
        }
    }

    /** Reads the versions on disk and throws if any kind holds one not understood. */
    public void verify() {
        Map<DocumentKind, Set<String>> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (DocumentKind kind : Documents.ALL) {
                Set<String> versions = new TreeSet<>(java.util.Comparator.nullsFirst(String::compareTo));
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

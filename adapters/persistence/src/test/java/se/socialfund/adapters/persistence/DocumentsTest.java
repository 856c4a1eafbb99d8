package se.socialfund.adapters.persistence;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.socialfund.adapters.persistence.Documents.DocumentKind;
import se.socialfund.adapters.persistence.Documents.UnreadableDocument;
import se.socialfund.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored documents carry their kind's version, and what the code cannot read exactly is refused, never nulled. */
class DocumentsTest {
    private static final DocumentKind GRANTS = new DocumentKind("grant list", "grant_table", "grants", 1);
    private static final String ROW = "application 7f1c";

    record Grant(String office, Money amount, LocalDate decidedOn) {
    }

    record Grants(List<Grant> grants, String note) {
    }

    private static final Grants VALUE = new Grants(List.of(new Grant("UTB", Money.of("1500.50"),
            LocalDate.of(2026, 3, 1))), "first");

    @Test
    void a_document_is_written_with_its_kinds_version_first_and_reads_back_whole() {
        String json = Documents.write(GRANTS, VALUE);
        assertThat(json).startsWith("{\"schemaVersion\":1,").contains("\"amount\":1500.50");
        assertThat(Documents.read(GRANTS, json, Grants.class, ROW)).isEqualTo(VALUE);
    }

    @Test
    void a_document_with_a_renamed_field_is_refused_naming_kind_row_property_and_versions() {
        // as if the record's component 'office' had been renamed 'officeCode' since the row was written
        String stored = Documents.write(GRANTS, VALUE).replace("\"office\"", "\"oldOffice\"");
        assertThatThrownBy(() -> Documents.read(GRANTS, stored, Grants.class, ROW))
                .isInstanceOf(UnreadableDocument.class)
                .hasMessage("the stored grant list of application 7f1c (grant_table.grants) cannot be read: it has the "
                        + "unknown property 'oldOffice' at /grants/0/oldOffice (schemaVersion 1, versions "
                        + "understood: [1])");
    }

    @Test
    void a_document_of_a_future_version_is_refused() {
        String stored = Documents.write(GRANTS, VALUE).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        assertThatThrownBy(() -> Documents.read(GRANTS, stored, Grants.class, ROW))
                .isInstanceOf(UnreadableDocument.class)
                .hasMessage("the stored grant list of application 7f1c (grant_table.grants) cannot be read: "
                        + "schemaVersion 2 is not understood (versions understood: [1])")
                .satisfies(e -> assertThat(((UnreadableDocument) e).kind()).isEqualTo(GRANTS));
    }

    @Test
    void a_document_without_a_version_or_with_a_version_that_is_no_integer_is_refused() {
        String unversioned = Documents.write(GRANTS, VALUE).replace("\"schemaVersion\":1,", "");
        assertThat(unversioned).startsWith("{\"grants\"");
        assertThatThrownBy(() -> Documents.read(GRANTS, unversioned, Grants.class, null))
                .isInstanceOf(UnreadableDocument.class)
                .hasMessage("the stored grant list (grant_table.grants) cannot be read: it has no schemaVersion "
                        + "(versions understood: [1])");
        for (String version : new String[]{"\"1\"", "1.5", "null"}) {
            String odd = Documents.write(GRANTS, VALUE).replace("\"schemaVersion\":1", "\"schemaVersion\":" + version);
            assertThatThrownBy(() -> Documents.read(GRANTS, odd, Grants.class, ROW)).as(version)
                    .isInstanceOf(UnreadableDocument.class).hasMessageContaining("schemaVersion");
        }
    }

    @Test
    void a_value_that_does_not_fit_is_refused_without_quoting_the_stored_text() {
        String stored = Documents.write(GRANTS, VALUE).replace("\"2026-03-01\"", "\"Anna Andersson\"");
        assertThatThrownBy(() -> Documents.read(GRANTS, stored, Grants.class, ROW))
                .isInstanceOf(UnreadableDocument.class)
                .hasMessageContaining("the value at /grants/0/decidedOn does not fit Grants")
                .hasNoCause()
                .message().doesNotContain("Anna");
        assertThatThrownBy(() -> Documents.read(GRANTS, "[1, 2]", Grants.class, ROW))
                .isInstanceOf(UnreadableDocument.class).hasMessageEndingWith("it is not a JSON object");
    }

    @Test
    void an_event_details_map_keeps_its_entries_and_not_the_version() {
        Map<String, String> details = new TreeMap<>(Map.of("revision", "2", "completionRequest", "1"));
        String json = Documents.write(Documents.EVENT_DETAILS, details);
        assertThat(json).isEqualTo("{\"schemaVersion\":1,\"completionRequest\":\"1\",\"revision\":\"2\"}");
        assertThat(Documents.read(Documents.EVENT_DETAILS, json, Map.class, null)).isEqualTo(details);
        assertThatThrownBy(() -> Documents.write(Documents.EVENT_DETAILS, Map.of("schemaVersion", "9")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_check_at_start_names_each_kind_holding_versions_it_does_not_understand() {
        Map<DocumentKind, Set<String>> found = new LinkedHashMap<>();
        found.put(Documents.APPLICATION_STATE, new java.util.TreeSet<>(Set.of("2")));
        Set<String> events = new java.util.HashSet<>(java.util.Arrays.asList("1", null, "7",
                StoredDocumentVersions.NOT_AN_OBJECT));
        found.put(Documents.EVENT_DETAILS, events);
        found.put(Documents.IDEMPOTENCY_RECEIPT, Set.of());
        assertThat(StoredDocumentVersions.problems(found)).singleElement().asString()
                .startsWith("event details documents in application_event.details carry schemaVersion ")
                .contains("none", "7", StoredDocumentVersions.NOT_AN_OBJECT)
                .endsWith("(versions understood: [1])");
        found.put(Documents.EVENT_DETAILS, Set.of("1"));
        assertThat(StoredDocumentVersions.problems(found)).isEmpty();
        assertThat(StoredDocumentVersions.query(Documents.IDEMPOTENCY_RECEIPT)).isEqualTo("SELECT DISTINCT CASE "
                + "WHEN jsonb_typeof(receipt) = 'object' THEN receipt ->> 'schemaVersion' ELSE '(not a JSON object)' "
                + "END FROM idempotency_key WHERE receipt IS NOT NULL");
    }
}

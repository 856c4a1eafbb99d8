package se.socialfund.adapters.persistence;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Turns the domain's value records into the JSON documents stored in jsonb columns, and back. Only record
 * components are stored (no derived getters), and amounts as plain decimals.
 *
 * <p>Every stored document names its {@link DocumentKind} and carries that kind's {@value #VERSION_PROPERTY}. A
 * document is read only if its version is one the code understands and every property in it is one the record
 * has: a renamed or removed component, a document from a newer release, or one written before versions existed is
 * refused with a {@link UnreadableDocument} naming the kind, the row, the version found and the versions understood,
 * instead of being read back with nulls. {@link StoredDocumentVersions} checks the versions of every stored
 * document at start.
 *
 * <p><b>Changing the shape of a kind</b> (renaming, removing or adding a component of its record, or changing what
 * a component holds) takes, in one commit:
 * <ol>
 *   <li>the new record shape, and the kind's {@code version} below raised by one (e.g. {@code APPLICATION_STATE}
 *       1 to 2);</li>
 *   <li>a Flyway migration (the next free {@code V<n>__...sql}) that rewrites every stored document of that kind
 *       from the old shape to the new one and sets its version, for example
 *       {@code UPDATE application SET state = (state - 'oldName') || jsonb_build_object('newName',
 *       state -> 'oldName', 'schemaVersion', 2) WHERE (state ->> 'schemaVersion')::int = 1;}
 *       (the revision and event tables are append-only for the service's role, not for the migrations' owner);</li>
 *   <li>a test that a document of the old version is refused by the new code ({@code DocumentsTest} shows
 *       how).</li>
 * </ol>
 * Data on disk is upgraded by the migration, so the code reads one version per kind; a kind may list older
 * versions in {@link DocumentKind#understood()} only if its record still reads them unchanged.
 */
public final class Documents {
    /** The property every stored document carries: the version of its kind's shape. */
    public static final String VERSION_PROPERTY = "schemaVersion";

    /**
     * What an application's {@code state} column holds: everything of the aggregate not kept elsewhere. Version 2
     * is the state by phase (assessment, investment with its project, reviews); V5 reshaped version 1's flat one.
     */
    public static final DocumentKind APPLICATION_STATE = new DocumentKind("application state", "application",
            "state", 2);
    /** An application's revision: the content the office applied with. */
    public static final DocumentKind REVISION_CONTENT = new DocumentKind("revision content", "application_revision",
            "content", 1);
    /** The details map of an event in an application's history. */
    public static final DocumentKind EVENT_DETAILS = new DocumentKind("event details", "application_event",
            "details", 1);
    /** What a submission with an Idempotency-Key answered. */
    public static final DocumentKind IDEMPOTENCY_RECEIPT = new DocumentKind("idempotency receipt", "idempotency_key",
            "receipt", 1);

    /** An outcomes contract's snapshot: its terms, periods, signature and amendments. */
    public static final DocumentKind OUTCOMES_CONTRACT = new DocumentKind("outcomes contract", "outcomes_contract",
            "document", 1);

    /** What a board's act on a period with an Idempotency-Key answered (issue 21). */
    public static final DocumentKind BOARD_DECISIONS_RECEIPT = new DocumentKind("board decisions receipt",
            "board_decision_key", "receipt", 1);
    /** An idea's snapshot (idéprövning): its content, screening, sponsorship and conversion. */
    public static final DocumentKind IDEA = new DocumentKind("idea", "idea", "document", 1);
    /** The external partners an application made from an idea records. */
    public static final DocumentKind APPLICATION_ORIGIN = new DocumentKind("application origin",
            "application_origin", "external_partners", 1);

    /** Every kind of document stored, for the check at start. */
    public static final List<DocumentKind> ALL = List.of(APPLICATION_STATE, REVISION_CONTENT, EVENT_DETAILS,
            IDEMPOTENCY_RECEIPT, OUTCOMES_CONTRACT, BOARD_DECISIONS_RECEIPT, IDEA, APPLICATION_ORIGIN);

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // through a tree and back, 1500.50 stays 1500.50
            .disable(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            // errors name the property and the path, never the stored text around it
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private Documents() {
    }

    /**
     * A kind of stored document: where it is kept and the version of its shape the code writes.
     *
     * @param name    how errors name it
     * @param table   the table holding it (for the check at start)
     * @param column  the jsonb column holding it
     * @param version the version written now; raise it with a migration when the shape changes (see above)
     */
    public record DocumentKind(String name, String table, String column, int version) {
        /** The versions this code reads. */
        public Set<Integer> understood() {
            return Set.of(version);
        }
    }

    /** Writes the value as a document of the given kind, with the kind's current version. */
    public static String write(DocumentKind kind, Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        if (!(tree instanceof ObjectNode fields)) {
            throw new IllegalStateException("a stored " + kind.name() + " must be a JSON object, not "
                    + tree.getNodeType());
        }
        if (fields.has(VERSION_PROPERTY)) {
            throw new IllegalStateException("a stored " + kind.name() + " cannot have a property named "
                    + VERSION_PROPERTY);
        }
        ObjectNode document = MAPPER.createObjectNode();
        document.put(VERSION_PROPERTY, kind.version());
        document.setAll(fields);
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + kind.name(), e);
        }
    }

    /**
     * Reads a document of the given kind.
     *
     * @param row which row it comes from, for the error (e.g. "application 0b5c..."), or null if not known
     * @throws UnreadableDocument if the version is missing or not understood, or the document does not fit the
     *                            record exactly
     */
    public static <T> T read(DocumentKind kind, String json, Class<T> type, String row) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnreadableDocument(kind, row, "it is not JSON", null);
        }
        if (!(tree instanceof ObjectNode document)) {
            throw new UnreadableDocument(kind, row, "it is not a JSON object", null);
        }
        JsonNode version = document.get(VERSION_PROPERTY);
        if (version == null || version.isNull()) {
            throw new UnreadableDocument(kind, row, "it has no " + VERSION_PROPERTY + " (versions understood: "
                    + new TreeSet<>(kind.understood()) + ")", null);
        }
        if (!version.isIntegralNumber() || !version.canConvertToInt()
                || !kind.understood().contains(version.intValue())) {
            throw new UnreadableDocument(kind, row, VERSION_PROPERTY + " " + version + " is not understood "
                    + "(versions understood: " + new TreeSet<>(kind.understood()) + ")", null);
        }
        document.remove(VERSION_PROPERTY);
        // no Jackson exception as the cause: its message may quote stored values, and this one is logged
        try {
            return MAPPER.treeToValue(document, type);
        } catch (UnrecognizedPropertyException e) {
            throw new UnreadableDocument(kind, row, "it has the unknown property '" + e.getPropertyName() + "' at "
                    + path(e) + " (" + VERSION_PROPERTY + " " + version + ", versions understood: "
                    + new TreeSet<>(kind.understood()) + ")", null);
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new UnreadableDocument(kind, row, "the value at " + path(e) + " does not fit "
                    + type.getSimpleName() + " (" + e.getClass().getSimpleName() + ", " + VERSION_PROPERTY + " "
                    + version + ")", null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableDocument(kind, row, "it does not fit " + type.getSimpleName() + " ("
                    + e.getClass().getSimpleName() + ", " + VERSION_PROPERTY + " " + version + ")", null);
        }
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            b.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    /**
     * A stored document this code cannot read. Never a client's fault: it answers 500, and its message says what
     * to fix (the data, or a missing migration).
     */
    public static final class UnreadableDocument extends IllegalStateException {
        private final transient DocumentKind kind;
        private final String row;

        UnreadableDocument(DocumentKind kind, String row, String reason, Throwable cause) {
            super("the stored " + kind.name() + (row == null ? "" : " of " + row) + " (" + kind.table() + "."
                    + kind.column() + ") cannot be read: " + reason, cause);
            this.kind = kind;
            this.row = row;
        }

        public DocumentKind kind() {
            return kind;
        }

        public String row() {
            return row;
        }
    }
}

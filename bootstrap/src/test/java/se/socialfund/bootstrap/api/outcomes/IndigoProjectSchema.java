package se.socialfund.bootstrap.api.outcomes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import se.socialfund.bootstrap.support.Api;

/**
 * INDIGO's published project schema (the vendored file, see {@code src/test/resources/indigo/README.md}) and the
 * two checks an export must pass: it validates against the schema, and every property it writes is one the schema
 * declares. The second check is needed because the published schema allows additional properties everywhere, so
 * a misspelt field name ("outcome_metric" for "outcome_metrics") would otherwise pass unnoticed.
 */
final class IndigoProjectSchema {
    static final String RESOURCE = "/indigo/project-schema-2.3.0.json";

    private static final JsonNode DOCUMENT;
    private static final JsonSchema SCHEMA;

    static {
        try (InputStream in = IndigoProjectSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            DOCUMENT = Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(DOCUMENT);
    }

    private IndigoProjectSchema() {
    }

    /** The published schema's own verdict (types, enumerations, date patterns, minItems). */
    static List<String> validate(JsonNode export) {
        return SCHEMA.validate(export).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * The JSON pointers of the properties the export writes that the published schema does not declare: the
     * export and the schema walked together, through {@code $ref}, {@code properties} and array {@code items}.
     */
    static List<String> undeclared(JsonNode export) {
        List<String> out = new ArrayList<>();
        walk(export, DOCUMENT, "", out);
        return out;
    }

    /** Both checks: empty when the export is a valid INDIGO project that writes only INDIGO's field names. */
    static List<String> problems(JsonNode export) {
        List<String> out = new ArrayList<>(validate(export));
        undeclared(export).forEach(p -> out.add(p + ": not declared in INDIGO's project schema"));
        return out;
    }

    private static void walk(JsonNode value, JsonNode schema, String pointer, List<String> out) {
        JsonNode s = resolve(schema);
        if (value.isObject()) {
            JsonNode declared = s.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String at = pointer + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                if (declared.has(field.getKey())) {
                    walk(field.getValue(), declared.get(field.getKey()), at, out);
                } else {
                    out.add(at);
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(value.get(i), s.path("items"), pointer + "/" + i, out);
            }
        }
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            if (!ref.startsWith("#")) {
                throw new IllegalStateException("only local references are expected in INDIGO's schema: " + ref);
            }
            s = DOCUMENT.at(ref.substring(1));
            if (s.isMissingNode()) {
                throw new IllegalStateException("unresolved reference " + ref);
            }
        }
        return s;
    }
}

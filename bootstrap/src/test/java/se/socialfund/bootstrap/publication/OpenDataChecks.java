package se.socialfund.bootstrap.publication;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import se.socialfund.bootstrap.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 360Giving export of the seed data, checked where the seed data is made ({@code SeedDataTest}, which seeds once
 * per test run): it validates against the vendored 360Giving schemas (see {@code src/test/resources/360giving}),
 * the seeded grants have unique identifiers, and their amounts awarded add up to what the fund committed.
 */
public final class OpenDataChecks {
    /** Where the package schema says its grants' schema is, and where the vendored copy is. */
    static final String GRANT_SCHEMA_BASE = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4/schema/";

    private OpenDataChecks() {
    }

    /** Everything the 360Giving JSON schemas find wrong with the document; empty when it validates. */
    public static Set<ValidationMessage> problems(JsonNode document) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.schemaMappers(m -> m.mapPrefix(GRANT_SCHEMA_BASE, "classpath:360giving/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:360giving/360-giving-package-schema.json"),
                config);
        return schema.validate(document);
    }

    /**
     * @param registrationNumbers the seeded investments' registration numbers
     * @param committed           what the fund committed while seeding ({@code committed} of {@code GET
     *                            /api/v1/fund} after minus before): every grant commits its amount, and repayments
     *                            and releases are booked as returned, never taken off committed, so the seeded
     *                            grants' amounts awarded must add up to exactly this
     */
    public static void seedExportValidatesAndAddsUp(List<String> registrationNumbers, BigDecimal committed)
            throws Exception {
        String body = Api.anonymous().get("/api/v1/public/open-data/360giving?format=json").then().statusCode(200)
                .extract().asString();
        JsonNode pkg = Api.JSON.readTree(body);
        assertThat(problems(pkg)).as("the export against the 360Giving schemas").isEmpty();
        Set<String> expected = new HashSet<>();
        registrationNumbers.forEach(n -> expected.add("360G-socialfundtest-" + n.replace(' ', '_').replace('/', '_')));
        List<String> ids = new ArrayList<>();
        BigDecimal awarded = BigDecimal.ZERO;
        for (JsonNode grant : pkg.get("grants")) {
            if (expected.contains(grant.get("id").asText())) {
                ids.add(grant.get("id").asText());
                awarded = awarded.add(grant.get("amountAwarded").decimalValue());
                assertThat(grant.at("/fundingOrganization/0/id").asText()).isEqualTo("SE-ON-2120000000");
                assertThat(grant.at("/awardDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}T00:00:00Z");
            }
        }
        assertThat(ids).as("the seeded grants, each once").hasSize(registrationNumbers.size())
                .doesNotHaveDuplicates();
        assertThat(awarded).as("amounts awarded against the fund's committed total").isEqualByComparingTo(committed);
        // the same grants as CSV, in 360Giving's flattened column names
        String csv = Api.anonymous().get("/api/v1/public/open-data/360giving?format=csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(Arrays.asList(lines[0].split(","))).startsWith("id", "title", "description", "currency",
                "amountAwarded", "amountDisbursed", "awardDate").contains("recipientOrganization/0/id",
                "fundingOrganization/0/id", "grantProgramme/0/code", "dateModified");
        assertThat(lines).hasSize(pkg.get("grants").size() + 1);
        for (String id : expected) {
            assertThat(Arrays.stream(lines).filter(l -> l.startsWith(id + ",")).count()).as(id).isEqualTo(1);
        }
    }
}

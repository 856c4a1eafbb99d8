package se.socialfund.domain.aim;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LongTermAimTest {
    private static final ContextIndicator.Draft KOLADA = new ContextIndicator.Draft("Långtidsarbetslöshet 16-24 år",
            "procent", "Kolada", "N02280");

    private static List<String> fields(Runnable r) {
        RuleViolation e = catchThrowableOfType(r::run, RuleViolation.class);
        assertThat(e).as("refused").isNotNull();
        return e.violations().stream().map(RuleViolation.Violation::field).toList();
    }

    @Test
    void an_indicator_names_its_unit_source_and_the_sources_own_key() {
        ContextIndicator i = ContextIndicator.define("ltu-16-24", KOLADA);
        assertThat(i).isEqualTo(new ContextIndicator("ltu-16-24", "Långtidsarbetslöshet 16-24 år", "procent",
                "Kolada", "N02280"));
        assertThat(ContextIndicator.define("ltu-16-24", new ContextIndicator.Draft("x", "st", "SCB", null))
                .sourceKey()).isNull();
    }

    @Test
    void a_broken_indicator_is_refused_naming_every_field() {
        assertThat(fields(() -> ContextIndicator.define("Not A Code", new ContextIndicator.Draft(" ", null, "",
                "N 02280")))).containsExactly("code", "name", "unit", "source", "sourceKey");
    }

    @Test
    void a_value_is_for_a_year_that_has_begun_within_the_measure_bounds() {
        assertThat(AimValue.enter("ltu", 2025, new BigDecimal("3.4"), 2026))
                .isEqualTo(new AimValue("ltu", 2025, new BigDecimal("3.4")));
        assertThat(fields(() -> AimValue.enter("ltu", 2027, new BigDecimal("1.1234567"), 2026)))
                .containsExactly("year", "value");
        assertThat(fields(() -> AimValue.enter("ltu", 1999, null, 2026))).containsExactly("year", "value");
    }

    @Test
    void only_the_applications_own_indicator_links_to_a_defined_context_indicator() {
        UUID app = UUID.randomUUID();
        assertThat(AimLink.link(app, "absence-rate", List.of("absence-rate", "return-to-school"), "ltu", true))
                .isEqualTo(new AimLink(app, "absence-rate", "ltu"));
        assertThat(fields(() -> AimLink.link(app, "other", List.of("absence-rate"), "ltu", false)))
                .containsExactly("indicatorCode", "contextIndicator");
        assertThat(fields(() -> AimLink.link(app, "absence-rate", List.of("absence-rate"), null, false)))
                .containsExactly("contextIndicator");
    }
}

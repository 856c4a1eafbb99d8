package se.socialfund.domain.period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApplicationPeriodTest {
    private static final Instant AT = Instant.parse("2026-01-10T09:00:00Z");

    private static ApplicationPeriod open(String name, String opens, String closes, List<ApplicationPeriod> existing) {
        return ApplicationPeriod.open(UUID.randomUUID(), name, LocalDate.parse(opens), LocalDate.parse(closes),
                existing, AT, "officer");
    }

    private final ApplicationPeriod spring = open("Spring 2026", "2026-03-01", "2026-03-31", List.of());

    @Test
    void a_period_is_open_on_both_its_first_and_its_last_day() {
        assertThat(spring.isOpenOn(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(spring.isOpenOn(LocalDate.parse("2026-03-31"))).isTrue();
        assertThat(spring.isOpenOn(LocalDate.parse("2026-02-28"))).isFalse();
        assertThat(spring.isOpenOn(LocalDate.parse("2026-04-01"))).isFalse();
        assertThat(spring.year()).isEqualTo(2026);
    }

    @Test
    void a_period_that_overlaps_another_even_by_one_day_is_a_conflict() {
        Conflict conflict = catchThrowableOfType(Conflict.class, () -> open("Overlap", "2026-03-31", "2026-04-30",
                List.of(spring)));

        assertThat(conflict.kind()).isEqualTo("period-overlap");
        assertThat(conflict).hasMessageContaining("Spring 2026");
    }

    @Test
    void a_period_inside_another_is_a_conflict() {
        Conflict conflict = catchThrowableOfType(Conflict.class, () -> open("Inside", "2026-03-10", "2026-03-12",
                List.of(spring)));

        assertThat(conflict.kind()).isEqualTo("period-overlap");
    }

    @Test
    void a_period_starting_the_day_after_another_ends_is_fine() {
        ApplicationPeriod april = open("April", "2026-04-01", "2026-04-30", List.of(spring));

        assertThat(april.overlaps(spring)).isFalse();
    }

    @Test
    void a_third_period_in_a_year_is_a_conflict_but_the_next_year_starts_afresh() {
        ApplicationPeriod autumn = open("Autumn 2026", "2026-09-01", "2026-09-30", List.of(spring));

        Conflict conflict = catchThrowableOfType(Conflict.class, () -> open("Winter 2026", "2026-12-01",
                "2026-12-15", List.of(spring, autumn)));

        assertThat(conflict.kind()).isEqualTo("periods-per-year");
        assertThat(open("Spring 2027", "2027-03-01", "2027-03-31", List.of(spring, autumn)).year()).isEqualTo(2027);
    }

    @Test
    void a_period_closing_before_it_opens_is_refused() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> open("Backwards", "2026-05-10",
                "2026-05-09", List.of()));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("closesOn");
    }

    @Test
    void a_one_day_period_is_fine() {
        assertThat(open("One day", "2026-05-10", "2026-05-10", List.of()).isOpenOn(LocalDate.parse("2026-05-10")))
                .isTrue();
    }

    @Test
    void a_period_lies_within_one_calendar_year() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> open("Year end", "2026-12-15",
                "2027-01-15", List.of()));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("closesOn");
    }

    @Test
    void a_period_needs_a_name_and_both_dates() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> ApplicationPeriod.open(
                UUID.randomUUID(), " ", null, null, List.of(), AT, "officer"));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("name", "opensOn", "closesOn");
    }
}

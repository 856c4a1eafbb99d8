package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.domain.outcomes.Contracts.*;

/** The worked examples A (Team Nystart), B (Essex) and C (Koto-SIB), to the öre. */
class WorkedExamplesTest {

    /** A: one period; savings S (a total, lower costs are better) and the school outcome met or not. */
    @ParameterizedTest(name = "A: S = {0}, school outcome met {1} -> the investor receives {2}")
    @CsvSource({
            "0,        true,  4000000.00",
            "5000000,  true,  7000000.00",
            "12000000, true,  11200000.00",
            "20000000, true,  12000000.00",
            "20000000, false, 10000000.00"})
    void team_nystart_pays_the_activity_share_the_savings_share_and_the_capped_conditional_return(
            String savings, boolean schoolMet, String expected) {
        ContractTerms terms = terms(finance("10000000.00", "0.40", "0.60", "0.20", "SCHOOL"), List.of(
                new OutcomeMetric("SAVINGS", "Minskade kostnader", "SEK", Direction.LOWER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.shareOfSavings()),
                new OutcomeMetric("SCHOOL", "Förbättrade skolresultat", "meritvärde", Direction.HIGHER_IS_BETTER,
                        Aggregate.MEAN_PER_PARTICIPANT, PaymentRule.returnCondition(new BigDecimal("10")))),
                1, "50000000.00");
        OutcomesContract c = signed(terms);
        List<Payment> payments = pay(c, 1,
                measured("SAVINGS", 60, "30000000", 60, new BigDecimal("30000000").add(new BigDecimal(savings))
                        .toPlainString()),
                measured("SCHOOL", 60, schoolMet ? "200" : "185", 60, "180"));
        assertThat(total(payments)).isEqualTo(Money.of(expected));
        assertThat(payments.get(0).kind()).isEqualTo(Payment.Kind.ACTIVITY);
        assertThat(payments.get(0).amount()).isEqualTo(Money.of("4000000.00"));
        assertThat(payments.get(1).formula()).isEqualTo("share-of-savings");
        assertThat(payments.get(1).formulaVersion()).isEqualTo(1);
        assertThat(payments.get(1).inputs()).contains(new Payment.Input("cumulativeOutcome", savings),
                new Payment.Input("returnConditionMet", schoolMet ? "1" : "0"));
    }

    @Test
    void a_with_twenty_million_in_savings_is_held_to_the_investors_cap_of_twelve_million() {
        ContractTerms terms = terms(finance("10000000.00", "0.40", "0.60", "0.20", null), List.of(
                new OutcomeMetric("SAVINGS", "Minskade kostnader", "SEK", Direction.LOWER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.shareOfSavings())), 1, "50000000.00");
        OutcomesContract c = signed(terms);
        List<Payment> payments = pay(c, 1, measured("SAVINGS", 60, "0", 60, "40000000"));
        // uncapped 4 MSEK + 6 MSEK + min(2 MSEK, 0.6 x 30 MSEK) = 12 MSEK: the cap binds exactly
        assertThat(total(payments)).isEqualTo(Money.of("12000000.00"));
        assertThat(terms.finance().investorCap()).isEqualTo(Money.of("12000000.00"));
    }

    @Test
    void b_essex_pays_per_placement_day_avoided_on_the_cumulative_outcome_within_the_cap() {
        ContractTerms terms = terms(finance("2500000.00", "0", "0", "0.20", null), List.of(
                new OutcomeMetric("CARE_DAYS", "Undvikna vårddygn", "vårddygn", Direction.LOWER_IS_BETTER,
                        Aggregate.TOTAL, PaymentRule.pricePerUnit(Money.of("1200.00")))), 5, "3000000.00");
        OutcomesContract c = signed(terms);
        String[][] quarters = {{"1100", "1500"}, {"900", "1500"}, {"1450", "1400"}, {"200", "1600"}, {"1000", "1500"}};
        String[] expected = {"480000.00", "720000.00", "0.00", "1620000.00", "180000.00"};
        Money total = Money.ZERO;
        for (int q = 0; q < 5; q++) {
            List<Payment> payments = pay(c, q + 1, measured("CARE_DAYS", 60, quarters[q][0], 60, quarters[q][1]));
            assertThat(payments).singleElement().extracting(Payment::amount).isEqualTo(Money.of(expected[q]));
            total = total.plus(payments.get(0).amount());
        }
        assertThat(total).isEqualTo(Money.of("3000000.00"));
        Payment last = c.snapshot().periods().get(4).approval().payments().get(0);
        // 2 850 days x 1 200 = 3 420 000 due; 2 820 000 paid before; the cap leaves 180 000 and holds back 420 000
        assertThat(last.due()).isEqualTo(Money.of("600000.00"));
        assertThat(last.heldBack()).isEqualTo(Money.of("420000.00"));
        assertThat(last.inputs()).contains(new Payment.Input("cumulativeOutcome", "2850"),
                new Payment.Input("paidBefore", "2820000.00"), new Payment.Input("contractCapRemaining", "180000.00"));
        Settlement s = Settlement.of(c.snapshot());
        assertThat(s.totals().paidTotal()).isEqualTo(Money.of("3000000.00"));
        assertThat(s.totals().outcomePayments()).containsEntry("CARE_DAYS", Money.of("3000000.00"));
    }

    @Test
    void b_a_worse_quarter_pays_nothing_and_claws_nothing_back() {
        ContractTerms terms = terms(finance("2500000.00", "0", "0", "0.20", null), List.of(
                new OutcomeMetric("CARE_DAYS", "Undvikna vårddygn", "vårddygn", Direction.LOWER_IS_BETTER,
                        Aggregate.TOTAL, PaymentRule.pricePerUnit(Money.of("1200.00")))), 5, "3000000.00");
        OutcomesContract c = signed(terms);
        pay(c, 1, measured("CARE_DAYS", 60, "1100", 60, "1500"));
        Payment third = pay(c, 2, measured("CARE_DAYS", 60, "1900", 60, "1500")).get(0);
        assertThat(third.amount()).isEqualTo(Money.ZERO);
        assertThat(third.inputs()).contains(new Payment.Input("cumulativeOutcome", "0"),
                new Payment.Input("paidBefore", "480000.00"));
    }

    @Test
    void c_koto_pays_half_the_difference_against_the_comparison_held_to_the_cap() {
        ContractTerms terms = terms(finance("3000000.00", "0", "0", "0.20", null), List.of(
                new OutcomeMetric("COST", "Kostnad per barn", "SEK per barn", Direction.LOWER_IS_BETTER,
                        Aggregate.MEAN_PER_PARTICIPANT, PaymentRule.shareOfDifference(new BigDecimal("0.5")))),
                1, "3000000.00");
        OutcomesContract c = signed(terms);
        Payment p = pay(c, 1, measured("COST", 60, "410000.00", 60, "520000.00")).get(0);
        assertThat(p.amount()).isEqualTo(Money.of("3000000.00"));
        assertThat(p.due()).as("uncapped").isEqualTo(Money.of("3300000.00"));
        assertThat(p.heldBack()).isEqualTo(Money.of("300000.00"));
        assertThat(p.formula()).isEqualTo("share-of-difference");
    }

    @Test
    void c_a_cohort_of_four_is_refused() {
        ContractTerms terms = terms(finance("3000000.00", "0", "0", "0.20", null), List.of(
                new OutcomeMetric("COST", "Kostnad per barn", "SEK per barn", Direction.LOWER_IS_BETTER,
                        Aggregate.MEAN_PER_PARTICIPANT, PaymentRule.shareOfDifference(new BigDecimal("0.5")))),
                1, "3000000.00");
        OutcomesContract c = signed(terms);
        RuleViolation e = catchThrowableOfType(() -> c.recordMeasurements(c.version(), 1,
                List.of(measured("COST", 4, "410000.00", 60, "520000.00")), OFFICER, AT), RuleViolation.class);
        assertThat(e.violations()).extracting(RuleViolation.Violation::field).containsExactly("measurements.0.cohort.n");
        ContractTerms four = new ContractTerms("K", "I", "socialkontoret", parties(EVALUATOR_ORG),
                new Group("Fyra barn", 4), new Group("Jämförelse", 60), ComparisonMethod.RANDOMISED_CONTROL_TRIAL,
                terms.finance(), terms.metrics(), terms.periods(), terms.paymentCap());
        RuleViolation drafted = catchThrowableOfType(() -> OutcomesContract.draft(java.util.UUID.randomUUID(), four,
                OFFICER, AT), RuleViolation.class);
        assertThat(drafted.violations()).extracting(RuleViolation.Violation::field).containsExactly("cohort.size");
    }

    @Test
    void rounding_is_half_even_once_at_the_end() {
        // 0.125 x 3 units of 1.00 = 0.375 -> 0.38; 1/3 of an activity share of 1.00 -> 0.33, then 0.67 - 0.33 = 0.34
        ContractTerms terms = terms(finance("1.00", "1", "0", "1", null), List.of(
                new OutcomeMetric("X", "X", "st", Direction.HIGHER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.shareOfDifference(new BigDecimal("0.125")))), 3, "1000.00");
        OutcomesContract c = signed(terms);
        List<Payment> first = pay(c, 1, measured("X", 5, "3.00", 5, "0"));
        assertThat(first.get(0).amount()).isEqualTo(Money.of("0.33"));
        assertThat(first.get(1).amount()).isEqualTo(Money.of("0.38"));
        List<Payment> second = pay(c, 2, measured("X", 5, "0", 5, "0"));
        assertThat(second.get(0).amount()).isEqualTo(Money.of("0.34"));
    }
}

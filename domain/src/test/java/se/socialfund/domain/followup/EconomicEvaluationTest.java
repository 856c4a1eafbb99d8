package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.followup.EconomicEvaluation.Result;
import se.socialfund.domain.followup.EconomicEvaluation.SavingsItem;
import se.socialfund.domain.followup.EconomicEvaluation.YearlySavings;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

class EconomicEvaluationTest {

    private static BigDecimal kr(String amount) {
        return new BigDecimal(amount);
    }

    private static SavingsItem item(String payer, String perUnit, String units, int startsInYear) {
        return new SavingsItem("Placements avoided", payer, Money.of(perUnit), new BigDecimal(units), startsInYear);
    }

    @Test
    void one_payer_saving_300000_a_year_for_five_years_at_3_5_percent_pays_back_in_the_fourth_year() {
        // 2 placements a year avoided at 150,000 each = 300,000 a year for Socialnämnden, years 1..5 = 2027..2031
        // discounted by 1.035^t:
        //   t=1: 300000 / 1.035      = 289,855.07   cumulative   289,855.07
        //   t=2: 300000 / 1.071225   = 280,053.21   cumulative   569,908.28
        //   t=3: 300000 / 1.108717875= 270,582.81   cumulative   840,491.09
        //   t=4: 300000 / 1.147523   = 261,432.67   cumulative 1,101,923.76  >= 1,000,000: payback in 2030
        //   t=5: 300000 / 1.187686   = 252,591.95   cumulative 1,354,515.71
        // NPV = 1,354,515.71 - 1,000,000 = 354,515.71
        EconomicEvaluation evaluation = new EconomicEvaluation(2027, 5, kr("0.035"),
                List.of(item("Socialnämnden", "150000", "2", 1)));

        Result result = evaluation.compute(Money.of("1000000"));

        assertThat(result.years()).extracting(YearlySavings::discountedTotal).containsExactly(kr("289855.07"),
                kr("280053.21"), kr("270582.81"), kr("261432.67"), kr("252591.95"));
        assertThat(result.years()).extracting(YearlySavings::year).containsExactly(2027, 2028, 2029, 2030, 2031);
        assertThat(result.years()).extracting(YearlySavings::total).allSatisfy(t -> assertThat(t)
                .isEqualTo(kr("300000.00")));
        assertThat(result.presentValueOfSavings()).isEqualTo(kr("1354515.71"));
        assertThat(result.netPresentValue()).isEqualTo(kr("354515.71"));
        assertThat(result.paybackYear()).isEqualTo(2030);
        assertThat(result.totalPerPayer()).containsExactly(entry("Socialnämnden", kr("1500000.00")));
        assertThat(result.investmentCost()).isEqualTo(Money.of("1000000"));
    }

    @Test
    void two_payers_with_savings_starting_in_different_years_are_counted_apart_and_together() {
        // Socialnämnden saves 200,000 a year from year 1; Barn- och ungdomsnämnden 100,000 a year from year 3;
        // 4 years from 2027 at 5 %, cost 600,000:
        //   t=1: 200,000 / 1.05     = 190,476.19   cumulative 190,476.19
        //   t=2: 200,000 / 1.1025   = 181,405.90   cumulative 371,882.09
        //   t=3: 300,000 / 1.157625 = 259,151.28   cumulative 631,033.37  >= 600,000: payback in 2029
        //   t=4: 300,000 / 1.215506 = 246,810.74   cumulative 877,844.11
        // NPV = 877,844.11 - 600,000 = 277,844.11
        EconomicEvaluation evaluation = new EconomicEvaluation(2027, 4, kr("0.05"), List.of(
                item("Socialnämnden", "100000", "2", 1),
                item("Barn- och ungdomsnämnden", "50000", "2", 3)));

        Result result = evaluation.compute(Money.of("600000"));

        assertThat(result.years().get(0).perPayer()).containsExactly(entry("Socialnämnden", kr("200000.00")));
        assertThat(result.years().get(2).perPayer()).containsOnly(entry("Socialnämnden", kr("200000.00")),
                entry("Barn- och ungdomsnämnden", kr("100000.00")));
        assertThat(result.years()).extracting(YearlySavings::discountedTotal).containsExactly(kr("190476.19"),
                kr("181405.90"), kr("259151.28"), kr("246810.74"));
        assertThat(result.totalPerPayer()).containsOnly(entry("Socialnämnden", kr("800000.00")),
                entry("Barn- och ungdomsnämnden", kr("200000.00")));
        assertThat(result.presentValueOfSavings()).isEqualTo(kr("877844.11"));
        assertThat(result.netPresentValue()).isEqualTo(kr("277844.11"));
        assertThat(result.paybackYear()).isEqualTo(2029);
    }

    @Test
    void without_discounting_the_present_value_is_the_plain_sum() {
        // 3 years x 250,000 = 750,000, cost 800,000: never paid back, NPV -50,000
        EconomicEvaluation evaluation = new EconomicEvaluation(2030, 3, BigDecimal.ZERO,
                List.of(item("Socialnämnden", "250000", "1", 1)));

        Result result = evaluation.compute(Money.of("800000"));

        assertThat(result.presentValueOfSavings()).isEqualTo(kr("750000.00"));
        assertThat(result.netPresentValue()).isEqualTo(kr("-50000.00"));
        assertThat(result.paybackYear()).isNull();
    }

    @Test
    void savings_that_reach_the_cost_exactly_pay_back_in_that_year() {
        // 4 x 0.5 units x 100,000 = 200,000 a year undiscounted: cumulative 200,000, 400,000 = cost in year 2
        EconomicEvaluation evaluation = new EconomicEvaluation(2030, 3, BigDecimal.ZERO,
                List.of(item("Socialnämnden", "100000", "2.0", 1)));

        assertThat(evaluation.compute(Money.of("400000")).paybackYear()).isEqualTo(2031);
    }

    @Test
    void fractional_units_are_counted_exactly() {
        // 2.5 units x 1,234.56 = 3,086.40 a year
        EconomicEvaluation evaluation = new EconomicEvaluation(2030, 1, BigDecimal.ZERO,
                List.of(item("Socialnämnden", "1234.56", "2.5", 1)));

        assertThat(evaluation.compute(Money.ZERO).years().get(0).total()).isEqualTo(kr("3086.40"));
    }

    @Test
    void a_valid_evaluation_passes_validation() {
        assertThatCode(() -> new EconomicEvaluation(2027, 50, kr("0.999"), List.of(item("S", "1", "0", 50)))
                .validate("economics")).doesNotThrowAnyException();
    }

    @Test
    void a_horizon_of_zero_years_is_refused() {
        assertThat(violations(new EconomicEvaluation(2027, 0, kr("0.035"), List.of(item("S", "1", "1", 1)))))
                .containsExactly("economics.horizonYears");
    }

    @Test
    void a_horizon_beyond_fifty_years_is_refused() {
        assertThat(violations(new EconomicEvaluation(2027, 51, kr("0.035"), List.of(item("S", "1", "1", 1)))))
                .containsExactly("economics.horizonYears");
    }

    @Test
    void negative_units_are_refused() {
        assertThat(violations(new EconomicEvaluation(2027, 5, kr("0.035"), List.of(item("S", "1", "-1", 1)))))
                .containsExactly("economics.items.0.unitsPerYear");
    }

    @Test
    void a_discount_rate_of_one_or_more_or_below_zero_is_refused() {
        List<SavingsItem> items = List.of(item("S", "1", "1", 1));

        assertThat(violations(new EconomicEvaluation(2027, 5, BigDecimal.ONE, items)))
                .containsExactly("economics.discountRate");
        assertThat(violations(new EconomicEvaluation(2027, 5, kr("1.5"), items)))
                .containsExactly("economics.discountRate");
        assertThat(violations(new EconomicEvaluation(2027, 5, kr("-0.01"), items)))
                .containsExactly("economics.discountRate");
        assertThat(violations(new EconomicEvaluation(2027, 5, null, items)))
                .containsExactly("economics.discountRate");
    }

    @Test
    void savings_start_within_the_horizon_and_each_names_its_outcome_and_payer() {
        assertThat(violations(new EconomicEvaluation(2027, 5, kr("0.035"), List.of(
                new SavingsItem(" ", null, null, BigDecimal.ONE, 6),
                new SavingsItem("o", "p", Money.of("1"), BigDecimal.ONE, 0)))))
                .containsExactly("economics.items.0.outcome", "economics.items.0.payer",
                        "economics.items.0.costAvoidedPerUnit", "economics.items.0.startsInYear",
                        "economics.items.1.startsInYear");
    }

    @Test
    void an_evaluation_without_outcomes_or_with_a_first_year_out_of_range_is_refused() {
        assertThat(violations(new EconomicEvaluation(1999, 5, kr("0.035"), List.of())))
                .containsExactly("economics.firstYear", "economics.items");
    }

    @Test
    void computing_an_invalid_evaluation_is_refused_rather_than_guessed() {
        EconomicEvaluation invalid = new EconomicEvaluation(2027, 0, kr("0.035"), List.of(item("S", "1", "1", 1)));

        assertThat(catchThrowableOfType(RuleViolation.class, () -> invalid.compute(Money.of("1")))).isNotNull();
    }

    private static List<String> violations(EconomicEvaluation evaluation) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> evaluation.validate("economics"));
        assertThat(refused).as("should be refused").isNotNull();
        return refused.violations().stream().map(RuleViolation.Violation::field).toList();
    }
}

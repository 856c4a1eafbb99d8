package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import se.socialfund.domain.followup.EconomicEvaluation.Result;
import se.socialfund.domain.followup.EconomicEvaluation.SavingsItem;
import se.socialfund.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;

class EconomicEvaluationPropertiesTest {

    /** One payer, one outcome: the shape of most of the fund's evaluations. */
    record Case(long costKronor, long perUnitKronor, int units, BigDecimal rate, int horizon, int startsIn) {
        Result compute() {
            return withUnits(units).compute(Money.of(Long.toString(costKronor)));
        }

        EconomicEvaluation withUnits(int u) {
            return new EconomicEvaluation(2027, horizon, rate, List.of(new SavingsItem("Outcome", "Payer",
                    Money.of(Long.toString(perUnitKronor)), BigDecimal.valueOf(u), startsIn)));
        }

        Result computeWithRate(BigDecimal r) {
            return new EconomicEvaluation(2027, horizon, r, withUnits(units).items())
                    .compute(Money.of(Long.toString(costKronor)));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<BigDecimal> rates = Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.999")),
                Arbitraries.integers().between(0, 999).map(n -> BigDecimal.valueOf(n, 3)));
        return Arbitraries.integers().between(1, 50).flatMap(horizon -> Combinators.combine(
                Arbitraries.longs().between(0, 50_000_000), Arbitraries.longs().between(0, 2_000_000),
                Arbitraries.integers().between(0, 100), rates, Arbitraries.integers().between(1, horizon))
                .as((cost, perUnit, units, rate, startsIn) -> new Case(cost, perUnit, units, rate, horizon, startsIn)));
    }

    @Property(tries = 300)
    @Label("more savings never lower the net present value")
    void more_savings_never_lower_the_net_present_value(@ForAll("cases") Case c,
                                                        @ForAll @IntRange(min = 1, max = 50) int moreUnits) {
        Money cost = Money.of(Long.toString(c.costKronor()));
        BigDecimal less = c.withUnits(c.units()).compute(cost).netPresentValue();
        BigDecimal more = c.withUnits(c.units() + moreUnits).compute(cost).netPresentValue();

        assertThat(more).isGreaterThanOrEqualTo(less);
        if (c.perUnitKronor() > 0 && c.rate().signum() == 0) {
            assertThat(more).isGreaterThan(less);
        }
    }

    @Property(tries = 300)
    @Label("a higher discount rate never raises the net present value")
    void a_higher_discount_rate_never_raises_the_net_present_value(@ForAll("cases") Case c,
                                                                   @ForAll @IntRange(min = 1, max = 500) int more) {
        BigDecimal higher = c.rate().add(BigDecimal.valueOf(more, 3));
        if (higher.compareTo(BigDecimal.ONE) >= 0) {
            higher = new BigDecimal("0.999");
        }
        BigDecimal atRate = c.computeWithRate(c.rate()).netPresentValue();
        BigDecimal atHigherRate = c.computeWithRate(higher).netPresentValue();

        assertThat(atHigherRate).isLessThanOrEqualTo(atRate);
    }

    @Property(tries = 300)
    @Label("the payback year lies within the horizon, and only when the savings cover the cost")
    void the_payback_year_lies_within_the_horizon_and_only_when_the_savings_cover_the_cost(@ForAll("cases") Case c) {
        Result result = c.compute();

        assertThat(result.years()).hasSize(c.horizon());
        assertThat(result.years().get(0).year()).isEqualTo(2027);
        assertThat(result.years().get(c.horizon() - 1).year()).isEqualTo(2027 + c.horizon() - 1);
        if (result.paybackYear() == null) {
            assertThat(result.netPresentValue()).isLessThanOrEqualTo(BigDecimal.ZERO);
        } else {
            assertThat(result.paybackYear()).isBetween(2027, 2027 + c.horizon() - 1);
            assertThat(result.netPresentValue()).isGreaterThanOrEqualTo(BigDecimal.ZERO);
        }
    }

    @Property(tries = 300)
    @Label("no savings, no rate and the extreme rates never divide by zero")
    void the_computation_never_divides_by_zero(@ForAll("cases") Case c) {
        Result none = c.withUnits(0).compute(Money.ZERO);
        Result undiscounted = c.computeWithRate(BigDecimal.ZERO);

        assertThat(none.presentValueOfSavings()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(undiscounted.presentValueOfSavings()).isEqualByComparingTo(
                BigDecimal.valueOf(c.perUnitKronor() * c.units() * (long) (c.horizon() - c.startsIn() + 1)));
    }
}

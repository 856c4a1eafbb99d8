package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import se.socialfund.domain.followup.EconomicEvaluation.Result;
import se.socialfund.domain.followup.EconomicEvaluation.SavingsItem;
import se.socialfund.domain.followup.EconomicEvaluation.YearlySavings;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The economic evaluation at its bounds: what lies outside them (a horizon of zero, negative or beyond fifty years,
 * a start year outside the horizon, a negative or too high discount rate, negative units or amounts) is refused as a
 * rule violation that points at the offending field, before any arithmetic; what lies inside them, however extreme
 * (no discounting, a rate just below 1, one year or fifty, nothing or the largest amounts), is computed without an
 * exception.
 */
class EconomicEvaluationBoundsPropertiesTest {
    private static final String AT = "economics";
    private static final BigDecimal HALF_AN_ORE = new BigDecimal("0.005");
    private static final BigDecimal ONE_ORE = new BigDecimal("0.01");

    /** A valid evaluation's parts; the properties break one or more of them. */
    record Draft(int firstYear, int horizon, BigDecimal rate, List<SavingsItem> items) {
        EconomicEvaluation evaluation() {
            return new EconomicEvaluation(firstYear, horizon, rate, items);
        }

        Draft withFirstYear(int year) {
            return new Draft(year, horizon, rate, items);
        }

        Draft withHorizon(int years) {
            return new Draft(firstYear, years, rate, items);
        }

        Draft withRate(BigDecimal r) {
            return new Draft(firstYear, horizon, r, items);
        }

        Draft withItems(List<SavingsItem> list) {
            return new Draft(firstYear, horizon, rate, list);
        }

        /** Every saving from the first year: valid whatever the horizon. */
        Draft fromYearOne() {
            return withItems(items.stream().map(i -> startingIn(i, 1)).toList());
        }

        Draft withItem(int index, SavingsItem item) {
            List<SavingsItem> list = new ArrayList<>(items);
            list.set(index, item);
            return withItems(list);
        }
    }

    static SavingsItem startingIn(SavingsItem i, int year) {
        return new SavingsItem(i.outcome(), i.payer(), i.costAvoidedPerUnit(), i.unitsPerYear(), year);
    }

    // ---------------------------------------------------------------------------------------------- valid inputs

    /** Nothing, one öre, the largest amount Money allows, and anything between. */
    @Provide
    Arbitrary<Money> amounts() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(Money.ZERO, Money.of("0.01"), Money.of("9999999999999.99"))),
                Tuple.of(3, Arbitraries.longs().between(0, 999_999_999_999_999L).map(Money::ofOre)));
    }

    /** The API's range of units: zero, a millionth, a million millions, and anything between. */
    static Arbitrary<BigDecimal> units() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.000001"), new BigDecimal("1000000000000"))),
                Tuple.of(3, Arbitraries.longs().between(0, 1_000_000_000_000_000_000L).map(u -> BigDecimal.valueOf(u, 6))));
    }

    /**
     * No discounting (in two scales), a rate just below 1 (a rate is a measure: at most six decimals), and everyday
     * rates.
     */
    static Arbitrary<BigDecimal> rates() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("0", "0.000000", "0.999", "0.999999").map(BigDecimal::new)),
                Tuple.of(3, Arbitraries.integers().between(0, 999).map(n -> BigDecimal.valueOf(n, 3))));
    }

    /**
     * Items start in a year drawn from 1..50 and folded into the horizon (1 + (s - 1) mod horizon), so that both the
     * first and the last year of every horizon turn up without the generator depending on the horizon.
     */
    @Provide
    Arbitrary<Draft> drafts() {
        Arbitrary<SavingsItem> items = Combinators.combine(
                Arbitraries.of("Placements", "Investigations", "Truancy"),
                Arbitraries.of("Social services committee", "Education committee", "Region"),
                amounts(), units(),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(1, 50)),
                        Tuple.of(2, Arbitraries.integers().between(1, 50))))
                .as(SavingsItem::new);
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(2000, 2100)),
                        Tuple.of(3, Arbitraries.integers().between(2000, 2100))),
                Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(1, 50)),
                        Tuple.of(2, Arbitraries.integers().between(1, 50))),
                rates(), items.list().ofMinSize(1).ofMaxSize(5))
                .as((firstYear, horizon, rate, list) -> new Draft(firstYear, horizon, rate, list.stream()
                        .map(i -> startingIn(i, 1 + (i.startsInYear() - 1) % horizon)).toList()));
    }

    // -------------------------------------------------------------------------------------------- invalid inputs

    @Provide
    Arbitrary<Integer> horizonsOutside() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, -1, 51, Integer.MIN_VALUE, Integer.MAX_VALUE)),
                Tuple.of(2, Arbitraries.integers().between(-100, 0)),
                Tuple.of(2, Arbitraries.integers().between(51, 150)),
                Tuple.of(1, Arbitraries.integers().between(Integer.MIN_VALUE, 0)),
                Tuple.of(1, Arbitraries.integers().between(51, Integer.MAX_VALUE)));
    }

    /** Below zero (however little or much), or from 1 up; and none at all. */
    @Provide
    Arbitrary<BigDecimal> ratesOutside() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of("-1E-30", "-0.000001", "-1", "-2", "-1E+30",
                        "1", "1.000", "1.000000000001", "1E+30").map(BigDecimal::new)),
                Tuple.of(2, Arbitraries.integers().between(-100_000, -1).map(n -> BigDecimal.valueOf(n, 3))),
                Tuple.of(2, Arbitraries.integers().between(1000, 100_000).map(n -> BigDecimal.valueOf(n, 3))))
                .injectNull(0.05);
    }

    @Provide
    Arbitrary<BigDecimal> negativeUnits() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("-0.000001", "-1", "-1E+30").map(BigDecimal::new)),
                Tuple.of(3, Arbitraries.longs().between(-1_000_000_000_000_000_000L, -1)
                        .map(u -> BigDecimal.valueOf(u, 6))));
    }

    /** An offset from the horizon: zero or less is itself the (invalid) start year, more is years beyond the end. */
    @Provide
    Arbitrary<Integer> startOffsets() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE - 50)),
                Tuple.of(2, Arbitraries.integers().between(-10, 0)),
                Tuple.of(2, Arbitraries.integers().between(1, 10)),
                Tuple.of(1, Arbitraries.integers().between(Integer.MIN_VALUE, 0)),
                Tuple.of(1, Arbitraries.integers().between(1, Integer.MAX_VALUE - 50)));
    }

    @Property(tries = 500)
    @Label("a horizon of zero, negative or beyond fifty years is refused at horizonYears, also when computing")
    void a_horizon_outside_one_to_fifty_years_is_refused(@ForAll("drafts") Draft draft,
                                                          @ForAll("horizonsOutside") int horizon,
                                                          @ForAll("amounts") Money cost) {
        EconomicEvaluation evaluation = draft.fromYearOne().withHorizon(horizon).evaluation();

        assertThat(refusedFields(() -> evaluation.validate(AT))).containsExactly(AT + ".horizonYears");
        assertThat(refusedFields(() -> evaluation.compute(cost))).containsExactly(AT + ".horizonYears");
        Statistics.label("horizon").collect(horizon <= 0 ? "zero or negative" : "beyond fifty");
    }

    @Property(tries = 500)
    @Label("a saving starting before year 1 or after the horizon is refused at that item's startsInYear")
    void a_start_year_outside_the_horizon_is_refused(@ForAll("drafts") Draft draft,
                                                      @ForAll @IntRange(min = 0, max = 4) int index,
                                                      @ForAll("startOffsets") int offset,
                                                      @ForAll("amounts") Money cost) {
        int i = index % draft.items().size();
        int start = offset <= 0 ? offset : draft.horizon() + offset;
        EconomicEvaluation evaluation = draft.withItem(i, startingIn(draft.items().get(i), start)).evaluation();

        String field = AT + ".items." + i + ".startsInYear";
        assertThat(refusedFields(() -> evaluation.validate(AT))).containsExactly(field);
        assertThat(refusedFields(() -> evaluation.compute(cost))).containsExactly(field);
        Statistics.label("start year").collect(start <= 0 ? "before year 1" : "after the horizon");
    }

    @Property(tries = 500)
    @Label("a discount rate below zero, from 1 up, or missing is refused at discountRate, never divided by")
    void a_discount_rate_outside_zero_to_one_is_refused(@ForAll("drafts") Draft draft,
                                                         @ForAll("ratesOutside") BigDecimal rate,
                                                         @ForAll("amounts") Money cost) {
        EconomicEvaluation evaluation = draft.withRate(rate).evaluation();

        // a rate of -1 would make every discount factor (1 + r)^t zero: the refusal must come before the division
        assertThat(refusedFields(() -> evaluation.validate(AT))).containsExactly(AT + ".discountRate");
        assertThat(refusedFields(() -> evaluation.compute(cost))).containsExactly(AT + ".discountRate");
        Statistics.label("rate").collect(rate == null ? "none" : rate.signum() < 0 ? "negative" : "1 or more");
    }

    @Property(tries = 500)
    @Label("negative units a year are refused at that item's unitsPerYear")
    void negative_units_are_refused(@ForAll("drafts") Draft draft, @ForAll @IntRange(min = 0, max = 4) int index,
                                    @ForAll("negativeUnits") BigDecimal units, @ForAll("amounts") Money cost) {
        int i = index % draft.items().size();
        SavingsItem item = draft.items().get(i);
        EconomicEvaluation evaluation = draft.withItem(i, new SavingsItem(item.outcome(), item.payer(),
                item.costAvoidedPerUnit(), units, item.startsInYear())).evaluation();

        String field = AT + ".items." + i + ".unitsPerYear";
        assertThat(refusedFields(() -> evaluation.validate(AT))).containsExactly(field);
        assertThat(refusedFields(() -> evaluation.compute(cost))).containsExactly(field);
    }

    @Property(tries = 500)
    @Label("a negative cost or cost avoided never becomes Money: refused at its field when parsed")
    void a_negative_amount_is_refused_before_it_can_become_a_cost(
            @ForAll @LongRange(min = 1, max = 999_999_999_999_999L) long ore,
            @ForAll("moneyFields") String field) {
        BigDecimal negative = BigDecimal.valueOf(-ore, 2);

        assertThat(refusedFields(() -> Money.parse(negative.toPlainString(), field))).containsExactly(field);
        // the value object itself cannot hold it either, whichever way it is built
        assertThat(catchThrowable(() -> new Money(negative))).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<String> moneyFields() {
        return Arbitraries.oneOf(Arbitraries.just("cost"),
                Arbitraries.integers().between(0, 4).map(i -> AT + ".items." + i + ".costAvoidedPerUnit"));
    }

    /** One way of breaking an item. */
    enum ItemBreak { NONE, UNITS, OUTCOME, PAYER, COST_MISSING, START }

    @Property(tries = 500)
    @Label("every broken field is reported at once, and nothing else is")
    void every_broken_field_is_reported_and_nothing_else(
            @ForAll("drafts") Draft draft, @ForAll boolean breakFirstYear, @ForAll boolean breakHorizon,
            @ForAll boolean breakRate, @ForAll boolean noItems,
            @ForAll("itemBreaks") List<ItemBreak> itemBreaks,
            @ForAll("horizonsOutside") int badHorizon, @ForAll("ratesOutside") BigDecimal badRate,
            @ForAll("yearsOutside") int badFirstYear, @ForAll("negativeUnits") BigDecimal badUnits,
            @ForAll("blanks") String blank) {
        Set<String> expected = new LinkedHashSet<>();
        Draft d = draft.fromYearOne();
        if (breakFirstYear) {
            d = d.withFirstYear(badFirstYear);
            expected.add(AT + ".firstYear");
        }
        if (breakHorizon) {
            d = d.withHorizon(badHorizon);
            expected.add(AT + ".horizonYears");
        }
        if (breakRate) {
            d = d.withRate(badRate);
            expected.add(AT + ".discountRate");
        }
        if (noItems) {
            d = d.withItems(List.of());
            expected.add(AT + ".items");
        } else {
            List<SavingsItem> items = new ArrayList<>();
            for (int i = 0; i < d.items().size(); i++) {
                SavingsItem it = d.items().get(i);
                ItemBreak b = itemBreaks.get(i % itemBreaks.size());
                String ip = AT + ".items." + i;
                items.add(switch (b) {
                    case NONE -> it;
                    case UNITS -> new SavingsItem(it.outcome(), it.payer(), it.costAvoidedPerUnit(), badUnits, 1);
                    case OUTCOME -> new SavingsItem(blank, it.payer(), it.costAvoidedPerUnit(), it.unitsPerYear(), 1);
                    case PAYER -> new SavingsItem(it.outcome(), blank, it.costAvoidedPerUnit(), it.unitsPerYear(), 1);
                    case COST_MISSING -> new SavingsItem(it.outcome(), it.payer(), null, it.unitsPerYear(), 1);
                    case START -> startingIn(it, 0);
                });
                switch (b) {
                    case NONE -> { }
                    case UNITS -> expected.add(ip + ".unitsPerYear");
                    case OUTCOME -> expected.add(ip + ".outcome");
                    case PAYER -> expected.add(ip + ".payer");
                    case COST_MISSING -> expected.add(ip + ".costAvoidedPerUnit");
                    case START -> expected.add(ip + ".startsInYear");
                }
            }
            d = d.withItems(items);
        }
        EconomicEvaluation evaluation = d.evaluation();

        if (expected.isEmpty()) {
            assertThatCode(() -> evaluation.validate(AT)).doesNotThrowAnyException();
        } else {
            assertThat(refusedFields(() -> evaluation.validate(AT))).containsExactlyInAnyOrderElementsOf(expected);
        }
        Statistics.label("broken fields").collect(Math.min(expected.size(), 4));
    }

    @Provide
    Arbitrary<List<ItemBreak>> itemBreaks() {
        return Arbitraries.frequency(Tuple.of(5, ItemBreak.NONE), Tuple.of(1, ItemBreak.UNITS),
                        Tuple.of(1, ItemBreak.OUTCOME), Tuple.of(1, ItemBreak.PAYER), Tuple.of(1, ItemBreak.COST_MISSING),
                        Tuple.of(1, ItemBreak.START))
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Integer> yearsOutside() {
        return Arbitraries.oneOf(Arbitraries.of(1999, 2101, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE),
                Arbitraries.integers().between(Integer.MIN_VALUE, 1999),
                Arbitraries.integers().between(2101, Integer.MAX_VALUE));
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "\t\n").injectNull(0.3);
    }

    // ---------------------------------------------------------------------------------------- extremes, computed

    @Property(tries = 500)
    @Label("savings and net present value are computed without an exception at every valid extreme")
    void savings_and_npv_never_throw_for_valid_extremes(@ForAll("drafts") Draft draft,
                                                        @ForAll("amounts") Money cost) {
        Result[] computed = new Result[1];
        assertThatCode(() -> computed[0] = draft.evaluation().compute(cost)).doesNotThrowAnyException();
        Result result = computed[0];

        assertThat(result.years()).hasSize(draft.horizon());
        for (int i = 0; i < result.years().size(); i++) {
            YearlySavings year = result.years().get(i);
            assertThat(year.year()).isEqualTo(draft.firstYear() + i);
            assertThat(year.discountedTotal()).isLessThanOrEqualTo(year.total());
            assertThat(year.discountedTotal().signum()).isGreaterThanOrEqualTo(0);
        }
        // undiscounted totals per payer: units x price x the years from the item's start to the horizon's end
        Map<String, BigDecimal> expectedPerPayer = new TreeMap<>();
        for (SavingsItem item : draft.items()) {
            BigDecimal years = BigDecimal.valueOf(draft.horizon() - item.startsInYear() + 1L);
            expectedPerPayer.merge(item.payer(),
                    item.costAvoidedPerUnit().amount().multiply(item.unitsPerYear()).multiply(years), BigDecimal::add);
        }
        assertThat(result.totalPerPayer()).containsOnlyKeys(expectedPerPayer.keySet());
        expectedPerPayer.forEach((payer, exact) ->
                assertThat(result.totalPerPayer().get(payer).subtract(exact).abs()).isLessThanOrEqualTo(HALF_AN_ORE));
        BigDecimal undiscounted = expectedPerPayer.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        BigDecimal presentValue = result.presentValueOfSavings();
        assertThat(presentValue.signum()).isGreaterThanOrEqualTo(0);
        assertThat(presentValue).isLessThanOrEqualTo(undiscounted.add(HALF_AN_ORE));
        if (draft.rate().signum() == 0) {
            assertThat(presentValue.subtract(undiscounted).abs()).isLessThanOrEqualTo(HALF_AN_ORE);
        }
        assertThat(result.netPresentValue().subtract(presentValue.subtract(cost.amount())).abs())
                .isLessThanOrEqualTo(ONE_ORE);
        if (cost.isZero()) {
            assertThat(result.paybackYear()).isEqualTo(draft.firstYear());
        } else if (result.paybackYear() != null) {
            assertThat(result.paybackYear()).isBetween(draft.firstYear(), draft.firstYear() + draft.horizon() - 1);
        }
        Statistics.label("horizon").collect(draft.horizon() == 1 ? "1" : draft.horizon() == 50 ? "50" : "2..49");
        Statistics.label("horizon").coverage(c -> {
            c.check("1").percentage(p -> p >= 3);
            c.check("50").percentage(p -> p >= 3);
        });
        Statistics.label("rate").collect(draft.rate().signum() == 0 ? "0"
                : draft.rate().compareTo(new BigDecimal("0.999")) >= 0 ? "0.999 and up" : "between");
        Statistics.label("rate").coverage(c -> {
            c.check("0").percentage(p -> p >= 3);
            c.check("0.999 and up").percentage(p -> p >= 3);
        });
    }

    /** The fields a RuleViolation points at; fails if anything else (or nothing) is thrown. */
    /**
     * The fields refused, each once: a value can break two rules of its field at once (a rate of 1E+30 is both out
     * of range and beyond the measure's bound), and each rule names it.
     */
    private static List<String> refusedFields(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(RuleViolation.class);
        return ((RuleViolation) thrown).violations().stream().map(RuleViolation.Violation::field).distinct()
                .toList();
    }
}

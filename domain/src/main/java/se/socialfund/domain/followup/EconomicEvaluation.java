package se.socialfund.domain.followup;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * A socio-economic estimate in the manner of Swedish analyses of early interventions: for each outcome, the cost
 * avoided per unit and year and who would have paid it (a committee's budget or another payer), over a horizon,
 * discounted to today. The service computes the figures; nobody types them in.
 *
 * <p>Convention: the investment's cost falls at the start (year 0); the savings of year t (1 = {@code firstYear})
 * are discounted by (1 + r)^t. The payback year is the first year in which the discounted savings so far reach the
 * cost.
 *
 * @param firstYear    the calendar year of the first year of savings
 * @param horizonYears how many years of savings are counted (1..50)
 * @param discountRate the yearly discount rate as a fraction, e.g. 0.035 (0 to under 1)
 */
public record EconomicEvaluation(Integer firstYear, Integer horizonYears, BigDecimal discountRate,
                                 List<SavingsItem> items) {
    private static final MathContext MC = MathContext.DECIMAL128;

    public EconomicEvaluation {
        items = items == null ? null : List.copyOf(items);
    }

    /**
     * One outcome and what it saves: {@code unitsPerYear} fewer units (placements, school psychologist
     * investigations, ...) at {@code costAvoidedPerUnit} each, from year {@code startsInYear} of the horizon.
     */
    public record SavingsItem(String outcome, String payer, Money costAvoidedPerUnit, BigDecimal unitsPerYear,
                              Integer startsInYear) {
    }

    public record YearlySavings(int year, Map<String, BigDecimal> perPayer, BigDecimal total,
                                BigDecimal discountedTotal) {
    }

    /**
     * @param investmentCost what the investment cost (spent, or granted when nothing is reported)
     * @param totalPerPayer  undiscounted savings over the horizon per payer
     * @param paybackYear    the first calendar year in which discounted savings reach the cost, or null
     */
    public record Result(Money investmentCost, List<YearlySavings> years, Map<String, BigDecimal> totalPerPayer,
                         BigDecimal presentValueOfSavings, BigDecimal netPresentValue, Integer paybackYear) {
    }

    /** Refuses an evaluation that cannot be computed, naming each field under {@code at}. */
    public void validate(String at) {
        Violations v = new Violations();
        validate(at, v);
        v.throwIfAny("the economic evaluation is incomplete");
    }

    public void validate(String at, Violations v) {
        v.requireYear(firstYear, at + ".firstYear");
        v.require(horizonYears != null && horizonYears >= 1 && horizonYears <= 50, at + ".horizonYears",
                "between 1 and 50 years");
        boolean rate = discountRate != null && discountRate.signum() >= 0
                && discountRate.compareTo(BigDecimal.ONE) < 0;
        v.require(rate, at + ".discountRate", "a fraction from 0 up to (not including) 1, e.g. 0.035");
        if (rate) {
            v.requireMeasure(discountRate, at + ".discountRate");
        }
        if (!v.requireList(items, 1, Limits.FEW, at + ".items")) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            SavingsItem item = items.get(i);
            String ip = at + ".items." + i;
            if (item == null) {
                v.requirePresent(null, ip);
                continue;
            }
            v.requireText(item.outcome(), ip + ".outcome", Limits.NAME);
            v.requireText(item.payer(), ip + ".payer", Limits.NAME);
            v.requirePresent(item.costAvoidedPerUnit(), ip + ".costAvoidedPerUnit");
            boolean units = item.unitsPerYear() != null && item.unitsPerYear().signum() >= 0;
            v.require(units, ip + ".unitsPerYear", "zero or more units a year");
            if (units) {
                v.requireMeasure(item.unitsPerYear(), ip + ".unitsPerYear");
            }
            v.require(item.startsInYear() != null && item.startsInYear() >= 1
                            && item.startsInYear() <= Math.max(1, horizonYears == null ? 1 : horizonYears),
                    ip + ".startsInYear", "a year within the horizon, 1 being the first");
        }
    }

    public Result compute(Money investmentCost) {
        validate("economics");
        BigDecimal onePlusRate = BigDecimal.ONE.add(discountRate);
        BigDecimal cost = investmentCost.amount();
        List<YearlySavings> years = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        BigDecimal presentValue = BigDecimal.ZERO;
        Integer payback = null;
        for (int t = 1; t <= horizonYears; t++) {
            Map<String, BigDecimal> perPayer = new TreeMap<>();
            for (SavingsItem item : items) {
                if (t >= item.startsInYear()) {
                    BigDecimal saving = item.costAvoidedPerUnit().amount().multiply(item.unitsPerYear(), MC);
                    perPayer.merge(item.payer(), saving, BigDecimal::add);
                }
            }
            BigDecimal total = perPayer.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal discounted = total.divide(onePlusRate.pow(t, MC), MC);
            presentValue = presentValue.add(discounted, MC);
            if (payback == null && presentValue.compareTo(cost) >= 0 && cost.signum() >= 0) {
                payback = firstYear + t - 1;
            }
            perPayer.forEach((payer, amount) -> totals.merge(payer, amount, BigDecimal::add));
            Map<String, BigDecimal> rounded = new TreeMap<>();
            perPayer.forEach((payer, amount) -> rounded.put(payer, ore(amount)));
            years.add(new YearlySavings(firstYear + t - 1, rounded, ore(total), ore(discounted)));
        }
        Map<String, BigDecimal> roundedTotals = new TreeMap<>();
        totals.forEach((payer, amount) -> roundedTotals.put(payer, ore(amount)));
        return new Result(investmentCost, years, roundedTotals, ore(presentValue), ore(presentValue.subtract(cost)),
                payback);
    }

    private static BigDecimal ore(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}

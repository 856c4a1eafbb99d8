package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import se.socialfund.domain.shared.Money;

/**
 * The payment formulas of an outcomes contract, version 1. Every amount is computed exactly and rounded to the öre
 * once, half-even, at the end of its formula. Outcomes are cumulative: each period pays what the cumulative
 * outcome is worth minus what was paid before for it, never less than zero (no clawback). Then two caps hold back
 * what would pass them, in the order activity, metrics as listed: the contract's payment cap on all payments, and
 * the investor's cap, drawn × (1 + return cap), on all it receives.
 */
public final class PaymentFormulas {
    public static final int VERSION = 1;
    public static final String ACTIVITY = "activity-share";
    public static final String PRICE_PER_UNIT = "price-per-unit";
    public static final String SHARE_OF_SAVINGS = "share-of-savings";
    public static final String SHARE_OF_DIFFERENCE = "share-of-difference";

    private PaymentFormulas() {
    }

    /**
     * The payments of period {@code k}, from the terms and the periods' records (validated measurements up to
     * {@code k}, approved payments before it).
     */
    public static List<Payment> forPeriod(ContractTerms terms, List<PeriodRecord> records, int k) {
        Finance f = terms.finance();
        String recipient = terms.investor().organisationNumber().value();
        Money paidBefore = Money.ZERO;
        for (PeriodRecord r : records) {
            if (r.number() < k && r.approval() != null) {
                for (Payment p : r.approval().payments()) {
                    paidBefore = paidBefore.plus(p.amount());
                }
            }
        }
        Money capRoom = terms.paymentCap().minusOrZero(paidBefore);
        // every payment goes to the investor, so what it has received is everything paid
        Money investorRoom = f.investorCap().minusOrZero(paidBefore);
        List<Payment> payments = new ArrayList<>();
        BigDecimal drawn = f.drawn().amount();
        int periods = terms.periods().size();

        if (f.activityShare().signum() > 0) {
            BigDecimal due = f.activityShare().multiply(drawn).multiply(BigDecimal.valueOf(k))
                    .divide(BigDecimal.valueOf(periods), 2, RoundingMode.HALF_EVEN);
            Money before = paidFor(records, k, null);
            List<Payment.Input> in = List.of(input("investmentDrawn", drawn), input("activityShare", f.activityShare()),
                    input("period", BigDecimal.valueOf(k)), input("periods", BigDecimal.valueOf(periods)),
                    input("dueCumulative", due), input("paidBefore", before.amount()));
            Payment p = capped(k, Payment.Kind.ACTIVITY, null, ACTIVITY, in, due, before, capRoom, investorRoom,
                    recipient);
            capRoom = capRoom.minus(p.amount());
            investorRoom = investorRoom.minus(p.amount());
            payments.add(p);
        }
        for (OutcomeMetric m : terms.metrics()) {
            if (!m.payment().pays()) {
                continue;
            }
            BigDecimal cumulative = cumulativeOutcome(m, records, k);
            BigDecimal periodOutcome = periodOutcome(m, records, k);
            Money before = paidFor(records, k, m.code());
            List<Payment.Input> in = new ArrayList<>();
            in.add(input("periodOutcome", periodOutcome));
            in.add(input("cumulativeOutcome", cumulative));
            BigDecimal due;
            String formula;
            switch (m.payment().kind()) {
                case PRICE_PER_UNIT -> {
                    formula = PRICE_PER_UNIT;
                    in.add(input("pricePerUnit", m.payment().pricePerUnit().amount()));
                    due = m.payment().pricePerUnit().amount().multiply(cumulative);
                }
                case SHARE_OF_DIFFERENCE -> {
                    formula = SHARE_OF_DIFFERENCE;
                    in.add(input("share", m.payment().share()));
                    due = m.payment().share().multiply(cumulative);
                }
                case SHARE_OF_SAVINGS -> {
                    formula = SHARE_OF_SAVINGS;
                    boolean met = returnConditionMet(terms, records, k);
                    BigDecimal s = f.investorSavingsShare();
                    BigDecimal savings = cumulative.max(BigDecimal.ZERO);
                    BigDecimal upToBreakEven = BigDecimal.ONE.subtract(f.activityShare()).multiply(drawn)
                            .min(s.multiply(savings));
                    BigDecimal ret = met ? f.returnCap().multiply(drawn)
                            .min(s.multiply(savings.subtract(drawn).max(BigDecimal.ZERO))) : BigDecimal.ZERO;
                    in.add(input("investmentDrawn", drawn));
                    in.add(input("activityShare", f.activityShare()));
                    in.add(input("investorSavingsShare", s));
                    in.add(input("returnCap", f.returnCap()));
                    in.add(input("returnConditionMet", met ? BigDecimal.ONE : BigDecimal.ZERO));
                    due = upToBreakEven.add(ret);
                }
                default -> throw new IllegalStateException("no formula for " + m.payment().kind());
            }
            BigDecimal dueRounded = due.setScale(2, RoundingMode.HALF_EVEN).max(BigDecimal.ZERO);
            in.add(input("dueCumulative", dueRounded));
            in.add(input("paidBefore", before.amount()));
            Payment p = capped(k, Payment.Kind.OUTCOME, m.code(), formula, in, dueRounded, before, capRoom,
                    investorRoom, recipient);
            capRoom = capRoom.minus(p.amount());
            investorRoom = investorRoom.minus(p.amount());
            payments.add(p);
        }
        return payments;
    }

    private static Payment capped(int k, Payment.Kind kind, String metric, String formula, List<Payment.Input> in,
                                  BigDecimal dueCumulative, Money paidBefore, Money capRoom, Money investorRoom,
                                  String recipient) {
        Money due = new Money(dueCumulative.max(BigDecimal.ZERO)).minusOrZero(paidBefore);
        Money room = capRoom.isLessThan(investorRoom) ? capRoom : investorRoom;
        Money amount = due.isGreaterThan(room) ? room : due;
        List<Payment.Input> inputs = new ArrayList<>(in);
        inputs.add(input("contractCapRemaining", capRoom.amount()));
        inputs.add(input("investorCapRemaining", investorRoom.amount()));
        return new Payment(k, kind, metric, formula, VERSION, inputs, due, due.minus(amount), amount, recipient);
    }

    /** The sum of the metric's outcomes over the validated periods up to and including {@code k}. */
    public static BigDecimal cumulativeOutcome(OutcomeMetric m, List<PeriodRecord> records, int k) {
        BigDecimal sum = BigDecimal.ZERO;
        for (PeriodRecord r : records) {
            if (r.number() <= k && r.validation() != null) {
                for (MetricMeasurement mm : r.measurements()) {
                    if (mm.metricCode().equals(m.code())) {
                        sum = sum.add(mm.outcome(m));
                    }
                }
            }
        }
        return sum;
    }

    private static BigDecimal periodOutcome(OutcomeMetric m, List<PeriodRecord> records, int k) {
        return records.stream().filter(r -> r.number() == k).flatMap(r -> r.measurements().stream())
                .filter(mm -> mm.metricCode().equals(m.code())).map(mm -> mm.outcome(m))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Whether the outcome the return depends on is met as of period {@code k}: the latest validated measurement of
     * that metric shows the cohort improved over the comparison by at least the minimum. Without a condition, the
     * return is unconditional.
     */
    public static boolean returnConditionMet(ContractTerms terms, List<PeriodRecord> records, int k) {
        String code = terms.finance().returnConditionMetric();
        if (code == null) {
            return true;
        }
        OutcomeMetric m = terms.metric(code);
        MetricMeasurement latest = null;
        for (PeriodRecord r : records) {
            if (r.number() <= k && r.validation() != null) {
                for (MetricMeasurement mm : r.measurements()) {
                    if (mm.metricCode().equals(code)) {
                        latest = mm;
                    }
                }
            }
        }
        return latest != null && m.direction().improvement(latest.cohort().value(), latest.comparison().value())
                .compareTo(m.payment().minimumImprovement()) >= 0;
    }

    private static Money paidFor(List<PeriodRecord> records, int k, String metric) {
        Money sum = Money.ZERO;
        for (PeriodRecord r : records) {
            if (r.number() < k && r.approval() != null) {
                for (Payment p : r.approval().payments()) {
                    if (java.util.Objects.equals(p.metricCode(), metric)) {
                        sum = sum.plus(p.amount());
                    }
                }
            }
        }
        return sum;
    }

    private static Payment.Input input(String name, BigDecimal value) {
        return new Payment.Input(name, value.toPlainString());
    }
}

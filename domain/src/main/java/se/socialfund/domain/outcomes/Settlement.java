package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.socialfund.domain.shared.Money;

/**
 * The contract's settlement, per period and in total: paid on activity, the outcome payments per metric, the
 * investor's and the municipality's shares, and what the caps held back; each payment with its inputs, so that an
 * auditor can recompute it. The municipality's share is what it keeps of the measured savings (savings minus what
 * the savings metric paid); the investor's share is everything paid, since every payment goes to the investor.
 */
public record Settlement(ContractState state, boolean finalSettlement, Money paymentCap, Money investorCap,
                         List<PeriodSettlement> periods, Totals totals) {

    public record PeriodSettlement(int number, PeriodRecord.Status status, Money paidOnActivity,
                                   Map<String, Money> outcomePayments, Money investorShare,
                                   Money municipalityShareOfSavings, Money heldBackByCaps, List<Payment> payments) {
    }

    public record Totals(Money paidOnActivity, Map<String, Money> outcomePayments, Money investorShare,
                         Money municipalityShareOfSavings, Money heldBackByCaps, Money paidTotal) {
    }

    public static Settlement of(OutcomesContractSnapshot c) {
        ContractTerms terms = c.terms();
        OutcomeMetric savings = terms.metrics().stream()
                .filter(m -> m.payment().kind() == PaymentRule.Kind.SHARE_OF_SAVINGS).findFirst().orElse(null);
        List<PeriodSettlement> periods = new ArrayList<>();
        Money activityTotal = Money.ZERO;
        Money heldTotal = Money.ZERO;
        Money paidTotal = Money.ZERO;
        Money savingsPaid = Money.ZERO;
        Money municipalityShare = Money.ZERO;
        Map<String, Money> perMetricTotal = new LinkedHashMap<>();
        terms.metrics().stream().filter(m -> m.payment().pays()).forEach(m -> perMetricTotal.put(m.code(), Money.ZERO));
        for (PeriodRecord r : c.periods()) {
            Money activity = Money.ZERO;
            Money held = Money.ZERO;
            Money paid = Money.ZERO;
            Map<String, Money> perMetric = new LinkedHashMap<>();
            List<Payment> payments = r.approval() == null ? List.of() : r.approval().payments();
            for (Payment p : payments) {
                held = held.plus(p.heldBack());
                paid = paid.plus(p.amount());
                if (p.kind() == Payment.Kind.ACTIVITY) {
                    activity = activity.plus(p.amount());
                } else {
                    perMetric.merge(p.metricCode(), p.amount(), Money::plus);
                    perMetricTotal.merge(p.metricCode(), p.amount(), Money::plus);
                    if (savings != null && p.metricCode().equals(savings.code())) {
                        savingsPaid = savingsPaid.plus(p.amount());
                    }
                }
            }
            Money periodMunicipality = null;
            if (savings != null && r.approval() != null) {
                BigDecimal cumulative = PaymentFormulas.cumulativeOutcome(savings, c.periods(), r.number())
                        .max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_EVEN);
                Money kept = new Money(cumulative).minusOrZero(savingsPaid);
                periodMunicipality = kept.minusOrZero(municipalityShare);
                municipalityShare = kept;
            }
            activityTotal = activityTotal.plus(activity);
            heldTotal = heldTotal.plus(held);
            paidTotal = paidTotal.plus(paid);
            periods.add(new PeriodSettlement(r.number(), r.status(), activity, perMetric, paid, periodMunicipality,
                    held, payments));
        }
        return new Settlement(c.state(), c.state() == ContractState.FINAL_SETTLEMENT
                || c.state() == ContractState.CLOSED, terms.paymentCap(), terms.finance().investorCap(), periods,
                new Totals(activityTotal, perMetricTotal, paidTotal, savings == null ? null : municipalityShare,
                        heldTotal, paidTotal));
    }
}

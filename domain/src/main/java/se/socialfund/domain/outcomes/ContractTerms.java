package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * What the parties agreed: who they are, whom the intervention is for and against what it is compared, the
 * money, the outcomes and how each pays, the periods and the cap on all payments. Amendments replace the terms
 * from a date on; they never touch a payment already approved.
 *
 * @param providerOffice the municipal office (kontor) that runs the intervention: its staff read the contract
 */
public record ContractTerms(String title, String intervention, String providerOffice, List<Party> parties,
                            Group cohort, Group comparison, ComparisonMethod comparisonMethod, Finance finance,
                            List<OutcomeMetric> metrics, List<MeasurementPeriod> periods, Money paymentCap) {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Pattern OFFICE = Limits.OFFICE;
    public static final int MOST_PARTIES = 20;
    public static final int MOST_METRICS = 20;
    public static final int MOST_PERIODS = 60;

    public ContractTerms {
        parties = parties == null ? List.of() : List.copyOf(parties);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        periods = periods == null ? List.of() : List.copyOf(periods);
    }

    public ContractTerms withPeriods(List<MeasurementPeriod> newPeriods) {
        return new ContractTerms(title, intervention, providerOffice, parties, cohort, comparison, comparisonMethod,
                finance, metrics, newPeriods, paymentCap);
    }

    public ContractTerms withPaymentCap(Money cap) {
        return new ContractTerms(title, intervention, providerOffice, parties, cohort, comparison, comparisonMethod,
                finance, metrics, periods, cap);
    }

    public ContractTerms withDrawn(Money drawn) {
        Finance f = new Finance(finance.committed(), drawn, finance.activityShare(), finance.investorSavingsShare(),
                finance.returnCap(), finance.returnConditionMetric());
        return new ContractTerms(title, intervention, providerOffice, parties, cohort, comparison, comparisonMethod,
                f, metrics, periods, paymentCap);
    }

    public OutcomeMetric metric(String code) {
        return metrics.stream().filter(m -> m.code().equals(code)).findFirst().orElse(null);
    }

    public List<Party> parties(PartyRole role) {
        return parties.stream().filter(p -> p.role() == role).toList();
    }

    /** The investor, who receives every payment of the contract. */
    public Party investor() {
        return parties(PartyRole.INVESTOR).get(0);
    }

    /** Every broken rule of the terms, at dotted paths ({@code parties.0.name}) that REST turns into JSON pointers. */
    public void problems(Violations v) {
        v.requireText(title, "title", Limits.TITLE);
        v.requireText(intervention, "intervention", Limits.SHORT_TEXT);
        v.requireList(parties, 1, MOST_PARTIES, "parties");
        v.requireList(metrics, 1, MOST_METRICS, "metrics");
        v.requireList(periods, 1, MOST_PERIODS, "periods");
        v.require(providerOffice != null && OFFICE.matcher(providerOffice).matches(), "providerOffice",
                "an office code: lower-case letters, digits and hyphens");
        partyProblems(v);
        group(cohort, "cohort", v);
        group(comparison, "comparison", v);
        v.requirePresent(comparisonMethod, "comparisonMethod");
        v.requirePresent(paymentCap, "paymentCap");
        v.require(paymentCap == null || !paymentCap.isZero(), "paymentCap", "must be more than zero");
        financeProblems(v);
        metricProblems(v);
        periodProblems(periods, "periods", v);
    }

    private void partyProblems(Violations v) {
        v.require(parties(PartyRole.OUTCOME_PAYER).size() == 1, "parties", "exactly one outcome payer");
        v.require(parties(PartyRole.INVESTOR).size() == 1, "parties", "exactly one investor: every payment is "
                + "made to it");
        v.require(!parties(PartyRole.PROVIDER).isEmpty(), "parties", "at least one provider");
        v.require(parties(PartyRole.EVALUATOR).size() == 1, "parties", "exactly one evaluator");
        Set<String> providers = new HashSet<>();
        parties(PartyRole.PROVIDER).forEach(p -> providers.add(p.organisationNumber().value()));
        for (int i = 0; i < parties.size(); i++) {
            Party p = parties.get(i);
            v.requireText(p.name(), "parties." + i + ".name", Limits.NAME);
            v.maxLength(p.note(), "parties." + i + ".note", Limits.NAME);
            v.require(p.role() != PartyRole.EVALUATOR || !providers.contains(p.organisationNumber().value()),
                    "parties." + i + ".organisationNumber", "the evaluator must be another organisation than "
                            + "the provider: it validates the provider's outcomes");
        }
    }

    private static void group(Group g, String at, Violations v) {
        if (g == null) {
            v.require(false, at, "is required");
            return;
        }
        v.requireText(g.description(), at + ".description", Limits.SHORT_TEXT);
        v.require(g.size() <= Limits.MAX_COUNT, at + ".size", "at most " + Limits.MAX_COUNT);
        v.require(g.size() >= Group.SMALLEST, at + ".size", "a group has at least " + Group.SMALLEST
                + " participants, so that no aggregate is about a few people");
    }

    private void financeProblems(Violations v) {
        if (finance == null) {
            v.require(false, "finance", "is required");
            return;
        }
        v.requirePresent(finance.committed(), "finance.investmentCommitted");
        v.requirePresent(finance.drawn(), "finance.investmentDrawn");
        if (finance.committed() != null && finance.drawn() != null) {
            v.require(!finance.committed().isZero(), "finance.investmentCommitted", "must be more than zero");
            v.require(!finance.drawn().isGreaterThan(finance.committed()), "finance.investmentDrawn",
                    "cannot be more than was committed");
        }
        share(finance.activityShare(), "finance.activityShare", v);
        share(finance.investorSavingsShare(), "finance.investorSavingsShare", v);
        share(finance.returnCap(), "finance.returnCap", v);
        String condition = finance.returnConditionMetric();
        if (condition != null) {
            OutcomeMetric m = metric(condition);
            v.require(m != null && m.payment() != null && m.payment().kind() == PaymentRule.Kind.RETURN_CONDITION,
                    "finance.returnConditionMetric", "names a metric of this contract whose rule is "
                            + "RETURN_CONDITION");
        }
    }

    private static void share(BigDecimal share, String at, Violations v) {
        v.require(share != null && share.signum() >= 0 && share.compareTo(BigDecimal.ONE) <= 0, at,
                "a share from 0 to 1, e.g. \"0.40\"");
    }

    private void metricProblems(Violations v) {
        v.require(metrics.stream().anyMatch(m -> m.payment() != null && m.payment().pays()), "metrics",
                "at least one metric that pays");
        v.require(metrics.stream().filter(m -> m.payment() != null
                && m.payment().kind() == PaymentRule.Kind.SHARE_OF_SAVINGS).count() <= 1, "metrics",
                "at most one metric shares savings: the finance's terms share them once");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            OutcomeMetric m = metrics.get(i);
            String at = "metrics." + i;
            v.require(m.code() != null && CODE.matcher(m.code()).matches(), at + ".code",
                    "upper-case letters, digits and underscores, e.g. REPLACEMENT");
            v.require(m.code() == null || codes.add(m.code()), at + ".code", "is used by another metric");
            v.requireText(m.definition(), at + ".definition", Limits.SHORT_TEXT);
            v.requireText(m.unit(), at + ".unit", Limits.NAME);
            v.requirePresent(m.direction(), at + ".direction");
            v.requirePresent(m.aggregate(), at + ".aggregate");
            if (m.payment() == null) {
                v.require(false, at + ".payment", "is required");
            } else {
                m.payment().problems(at + ".payment", v);
            }
        }
    }

    static void periodProblems(List<MeasurementPeriod> periods, String at, Violations v) {
        v.require(!periods.isEmpty(), at, "at least one measurement period");
        if (periods.size() > MOST_PERIODS) {
            v.require(false, at, "at most " + MOST_PERIODS + " items");
            return;
        }
        for (int i = 0; i < periods.size(); i++) {
            MeasurementPeriod p = periods.get(i);
            v.require(p.number() == i + 1, at + "." + i + ".number", "periods are numbered 1, 2, 3, ... in order");
            v.require(p.start() != null && p.end() != null && !p.end().isBefore(p.start()), at + "." + i + ".end",
                    "a period ends on or after its start");
            if (i > 0 && p.start() != null && periods.get(i - 1).end() != null) {
                v.require(p.start().isAfter(periods.get(i - 1).end()), at + "." + i + ".start",
                        "a period starts after the one before it ends");
            }
        }
    }
}

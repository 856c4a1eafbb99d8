package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.adapters.rest.outcomes.OutcomesRequests.*;
import se.socialfund.adapters.rest.outcomes.OutcomesResponses.*;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.domain.outcomes.*;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

/** Requests to the domain's terms, and the domain's read models to responses. Parsing only: the domain decides. */
final class OutcomesMapper {
    private OutcomesMapper() {
    }

    // ---- requests --------------------------------------------------------------------------------------------

    /**
     * Parses formats only (organisation numbers, amounts, shares), like the API's money: an absent part stays absent
     * (null or an empty list), for the domain to require after the role check.
     */
    static ContractTerms terms(ContractRequest r) {
        List<RuleViolation.Violation> problems = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        List<PartyRequest> requested = r.parties() == null ? List.of() : r.parties();
        for (int i = 0; i < requested.size() && requested.size() <= Limits.FEW; i++) {
            PartyRequest p = requested.get(i);
            String at = "/parties/" + i;
            if (p == null || p.role() == null) {
                problems.add(new RuleViolation.Violation(p == null ? at : at + "/role", "is required"));
                continue;
            }
            try {
                parties.add(new Party(p.role(), p.name() == null ? "" : p.name(), OrganisationNumber.parse(p.organisationNumber(),
                        at + "/organisationNumber"), p.note()));
            } catch (RuleViolation e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("a party is incomplete or its organisation number is wrong", problems);
        }
        FinanceRequest f = r.finance();
        Finance finance = f == null ? null : new Finance(money(f.investmentCommitted(),
                "/finance/investmentCommitted/amount"), money(f.investmentDrawn(), "/finance/investmentDrawn/amount"),
                decimal(f.activityShare(), "/finance/activityShare"),
                decimal(f.investorSavingsShare(), "/finance/investorSavingsShare"),
                decimal(f.returnCap(), "/finance/returnCap"), f.returnConditionMetric());
        List<OutcomeMetric> metrics = new ArrayList<>();
        List<MetricRequest> requestedMetrics = r.metrics() == null ? List.of() : r.metrics();
        for (int i = 0; i < requestedMetrics.size() && requestedMetrics.size() <= Limits.FEW; i++) {
            MetricRequest m = requestedMetrics.get(i);
            if (m == null) {
                throw new RuleViolation("/metrics/" + i, "is required");
            }
            PaymentRuleRequest pr = m.payment();
            String at = "/metrics/" + i + "/payment";
            PaymentRule rule = pr == null ? null : new PaymentRule(pr.kind(), money(pr.pricePerUnit(),
                    at + "/pricePerUnit/amount"), decimal(pr.share(), at + "/share"),
                    decimal(pr.minimumImprovement(), at + "/minimumImprovement"));
            metrics.add(new OutcomeMetric(m.code(), m.definition(), m.unit(), m.direction(), m.aggregate(), rule));
        }
        return new ContractTerms(r.title(), r.intervention(), r.providerOffice(), parties, group(r.cohort()),
                group(r.comparison()), r.comparisonMethod(), finance, metrics, periods(r.periods()),
                money(r.paymentCap(), "/paymentCap/amount"));
    }

    private static Group group(GroupRequest g) {
        // an absent size reads as 0, which the domain refuses as a group too small to describe
        return g == null ? null : new Group(g.description(), g.size() == null ? 0 : g.size());
    }

    /** A decimal as text; absent stays null (the domain requires it where it must be). */
    static BigDecimal decimal(String text, String field) {
        if (text == null) {
            return null;
        }
        if (text.length() > 24 || !text.matches("-?[0-9]{1,18}(\\.[0-9]{1,6})?")) {
            throw new RuleViolation(field, "a decimal number as text, e.g. \"0.40\"");
        }
        return new BigDecimal(text);
    }

    static List<MeasurementPeriod> periods(List<PeriodRequest> periods) {
        if (periods == null || periods.size() > Limits.FEW * 2) {
            return periods == null ? null : Collections.nCopies(periods.size(), new MeasurementPeriod(0, null, null));
        }
        return periods.stream().map(p -> p == null ? new MeasurementPeriod(0, null, null)
                : new MeasurementPeriod(p.number() == null ? 0 : p.number(), p.start(), p.end())).toList();
    }

    static List<MetricMeasurement> measurements(MeasurementsRequest r) {
        if (r.measurements() == null) {
            return null;
        }
        return r.measurements().stream().map(m -> m == null ? new MetricMeasurement(null, null, null)
                : new MetricMeasurement(m.metricCode(), value(m.cohort()), value(m.comparison()))).toList();
    }

    private static GroupMeasurement value(GroupValue g) {
        // an absent n reads as 0, which the domain refuses as a group too small to report
        return g == null ? null : new GroupMeasurement(g.n() == null ? 0 : g.n(), g.value());
    }

    static Money money(Sek sek, String field) {
        if (sek == null) {
            return null;
        }
        if (!"SEK".equals(sek.currency())) {
            throw new RuleViolation(field.replaceFirst("/amount$", "/currency"), "only SEK");
        }
        return Money.parse(sek.amount(), field);
    }

    // ---- responses -------------------------------------------------------------------------------------------

    static Sek sek(Money money) {
        return money == null ? null : new Sek(money.format(), "SEK");
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    static ContractDto contract(OutcomesContractView view) {
        OutcomesContractSnapshot c = view.contract();
        ContractTerms t = c.terms();
        Finance f = t.finance();
        Money paid = c.payments().stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
        OutcomesContractSnapshot.Signature s = c.signature();
        return new ContractDto(c.id(), c.version(), c.state().name(), view.allowedActions(), t.title(),
                t.intervention(), t.providerOffice(), t.parties().stream().map(p -> new PartyDto(p.role().name(),
                        p.name(), p.organisationNumber().value(), p.note())).toList(),
                group(t.cohort()), group(t.comparison()), t.comparisonMethod().name(),
                new FinanceDto(sek(f.committed()), sek(f.drawn()), plain(f.activityShare()),
                        plain(f.investorSavingsShare()), plain(f.returnCap()), f.returnConditionMetric(),
                        sek(f.investorCap())),
                t.metrics().stream().map(m -> new MetricDto(m.code(), m.definition(), m.unit(), m.direction().name(),
                        m.aggregate().name(), new PaymentRuleDto(m.payment().kind().name(),
                        sek(m.payment().pricePerUnit()), plain(m.payment().share()),
                        plain(m.payment().minimumImprovement())))).toList(),
                periods(t, c.periods()), sek(t.paymentCap()), sek(paid),
                s == null ? null : new SignatureDto(s.signedOn(), s.decisionReference(), s.recordedAt(),
                        s.recordedBy()),
                c.amendments().stream().map(a -> new AmendmentDto(a.number(), a.description(), a.reason(),
                        a.decisionReference(), a.effectiveFrom(), a.periods() == null ? null : a.periods().stream()
                        .map(p -> new PeriodDto(p.number(), p.start(), p.end(), null, null, null, null, null, null))
                        .toList(), sek(a.paymentCap()), sek(a.investmentDrawn()), a.recordedAt(), a.recordedBy()))
                        .toList(),
                c.createdAt(), c.createdBy(), c.updatedAt());
    }

    private static GroupDto group(Group g) {
        return new GroupDto(g.description(), g.size());
    }

    private static List<PeriodDto> periods(ContractTerms t, List<PeriodRecord> records) {
        List<PeriodDto> out = new ArrayList<>();
        for (PeriodRecord r : records) {
            MeasurementPeriod p = t.periods().get(r.number() - 1);
            out.add(new PeriodDto(r.number(), p.start(), p.end(), r.status().name(), r.measurements().stream()
                    .map(m -> new MeasurementDto(m.metricCode(), new GroupValueDto(m.cohort().n(), m.cohort().value()),
                            new GroupValueDto(m.comparison().n(), m.comparison().value()))).toList(),
                    r.measuredAt(), r.measuredBy(), r.validation() == null ? null
                    : new ValidationDto(r.validation().at(), r.validation().by(), r.validation().statement()),
                    r.approval() == null ? null : new ApprovalDto(r.approval().at(), r.approval().by(),
                            r.approval().payments().stream().map(OutcomesMapper::payment).toList())));
        }
        return out;
    }

    static PaymentDto payment(Payment p) {
        return new PaymentDto(p.period(), p.kind().name(), p.metricCode(), p.formula(), p.formulaVersion(),
                p.inputs().stream().map(i -> new InputDto(i.name(), i.value())).toList(), sek(p.due()),
                sek(p.heldBack()), sek(p.amount()), p.recipient());
    }

    static SettlementDto settlement(UUID id, Settlement s) {
        return new SettlementDto(id, s.state().name(), s.finalSettlement(), sek(s.paymentCap()), sek(s.investorCap()),
                s.periods().stream().map(p -> new PeriodSettlementDto(p.number(), p.status().name(),
                        sek(p.paidOnActivity()), amounts(p.outcomePayments()), sek(p.investorShare()),
                        sek(p.municipalityShareOfSavings()), sek(p.heldBackByCaps()),
                        p.payments().stream().map(OutcomesMapper::payment).toList())).toList(),
                new SettlementTotalsDto(sek(s.totals().paidOnActivity()), amounts(s.totals().outcomePayments()),
                        sek(s.totals().investorShare()), sek(s.totals().municipalityShareOfSavings()),
                        sek(s.totals().heldBackByCaps()), sek(s.totals().paidTotal())));
    }

    private static List<MetricAmountDto> amounts(Map<String, Money> perMetric) {
        return perMetric.entrySet().stream().map(e -> new MetricAmountDto(e.getKey(), sek(e.getValue()))).toList();
    }
}

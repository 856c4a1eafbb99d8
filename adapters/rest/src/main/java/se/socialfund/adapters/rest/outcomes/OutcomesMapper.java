package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.adapters.rest.outcomes.OutcomesRequests.*;
import se.socialfund.adapters.rest.outcomes.OutcomesResponses.*;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.domain.outcomes.*;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

/** Requests to the domain's terms, and the domain's read models to responses. Parsing only: the domain decides. */
final class OutcomesMapper {
    private OutcomesMapper() {
    }

    // ---- requests --------------------------------------------------------------------------------------------

    static ContractTerms terms(ContractRequest r) {
        List<RuleViolation.Violation> problems = new ArrayList<>();
        List<Party> parties = new ArrayList<>();
        for (int i = 0; i < r.parties().size(); i++) {
            PartyRequest p = r.parties().get(i);
            try {
                parties.add(new Party(p.role(), p.name(), OrganisationNumber.parse(p.organisationNumber(),
                        "/parties/" + i + "/organisationNumber"), p.note()));
            } catch (RuleViolation e) {
                problems.addAll(e.violations());
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("an organisation number is wrong", problems);
        }
        FinanceRequest f = r.finance();
        Finance finance = new Finance(money(f.investmentCommitted(), "/finance/investmentCommitted/amount"),
                money(f.investmentDrawn(), "/finance/investmentDrawn/amount"), new BigDecimal(f.activityShare()),
                new BigDecimal(f.investorSavingsShare()), new BigDecimal(f.returnCap()), f.returnConditionMetric());
        List<OutcomeMetric> metrics = new ArrayList<>();
        for (int i = 0; i < r.metrics().size(); i++) {
            MetricRequest m = r.metrics().get(i);
            PaymentRuleRequest pr = m.payment();
            PaymentRule rule = new PaymentRule(pr.kind(), pr.pricePerUnit() == null ? null
                    : money(pr.pricePerUnit(), "/metrics/" + i + "/payment/pricePerUnit/amount"),
                    pr.share() == null ? null : new BigDecimal(pr.share()),
                    pr.minimumImprovement() == null ? null : new BigDecimal(pr.minimumImprovement()));
            metrics.add(new OutcomeMetric(m.code(), m.definition(), m.unit(), m.direction(), m.aggregate(), rule));
        }
        return new ContractTerms(r.title(), r.intervention(), r.providerOffice(), parties,
                new Group(r.cohort().description(), r.cohort().size()),
                new Group(r.comparison().description(), r.comparison().size()), r.comparisonMethod(), finance,
                metrics, periods(r.periods()), money(r.paymentCap(), "/paymentCap/amount"));
    }

    static List<MeasurementPeriod> periods(List<PeriodRequest> periods) {
        return periods == null ? null : periods.stream().map(p -> new MeasurementPeriod(p.number(), p.start(), p.end()))
                .toList();
    }

    static List<MetricMeasurement> measurements(MeasurementsRequest r) {
        return r.measurements().stream().map(m -> new MetricMeasurement(m.metricCode(),
                new GroupMeasurement(m.cohort().n(), m.cohort().value()),
                new GroupMeasurement(m.comparison().n(), m.comparison().value()))).toList();
    }

    static Money money(Sek sek, String field) {
        return sek == null ? null : Money.parse(sek.amount(), field);
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

package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.outcomes.ContractTerms;
import se.socialfund.domain.outcomes.MeasurementPeriod;
import se.socialfund.domain.outcomes.MetricMeasurement;
import se.socialfund.domain.outcomes.OutcomeMetric;
import se.socialfund.domain.outcomes.OutcomesContractSnapshot;
import se.socialfund.domain.outcomes.Party;
import se.socialfund.domain.outcomes.PartyRole;
import se.socialfund.domain.outcomes.Payment;
import se.socialfund.domain.outcomes.PaymentRule;
import se.socialfund.domain.outcomes.PeriodRecord;

/**
 * An outcomes contract as an INDIGO project document (the GO Lab's INDIGO data standard 2.3.0, its project
 * schema): each field an object with a {@code value} (and, at the project level, a {@code status}); organisations
 * named by INDIGO identifiers from their organisation numbers ({@code SE-BLV-} and the ten digits, the Swedish
 * Companies Registration Office's prefix on org-id.guide). A document of nested maps, since its shape is INDIGO's.
 */
final class IndigoProject {
    private static final String SEK = "SEK";

    private IndigoProject() {
    }

    static Map<String, Object> of(OutcomesContractSnapshot c) {
        ContractTerms t = c.terms();
        List<MeasurementPeriod> periods = t.periods();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("status", "PUBLIC");
        doc.put("name", value(t.title()));
        doc.put("stage_development", value(stage(c.state())));
        Map<String, Object> dates = new LinkedHashMap<>();
        if (c.signature() != null) {
            dates.put("outcomes_contract_signed", publicValue(c.signature().signedOn().toString()));
        }
        dates.put("start_date_of_service_provision", publicValue(periods.get(0).start().toString()));
        dates.put("anticipated_end_date_of_service_provision",
                publicValue(periods.get(periods.size() - 1).end().toString()));
        doc.put("dates", dates);
        doc.put("jurisdiction", Map.of("jurisdiction", publicValue("SE")));
        BigDecimal paid = c.payments().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Object> finance = new LinkedHashMap<>();
        finance.put("total_investment_commitment", Map.of("currency", publicValue(SEK), "amount",
                Map.of("exact", publicValue(t.finance().committed().amount()))));
        finance.put("maximum_potential_outcome_payment_v2", Map.of("currency", publicValue(SEK), "amount",
                publicValue(t.paymentCap().amount())));
        finance.put("maximum_potential_return", publicValue(percent(t.finance().returnCap()).toPlainString() + "%"));
        finance.put("total_outcome_payments_made", Map.of("currency", publicValue(SEK), "amount", publicValue(paid)));
        doc.put("overall_project_finance", finance);
        doc.put("purpose_and_classifications", Map.of("intervention", publicValue(t.intervention()),
                "policy_sector", value("Child and family welfare")));
        doc.put("service_and_beneficiaries", Map.of("target_population", publicValue(t.cohort().description()),
                "targeted_number_service_users_or_beneficiaries_total", publicValue(t.cohort().size()),
                "unit_type_targeted_service_users_or_beneficiaries", value("Individual")));
        Party payer = t.parties(PartyRole.OUTCOME_PAYER).get(0);
        doc.put("outcome_payment_commitments", List.of(Map.of("organisation_id", value(orgId(payer)),
                "organisation_role_category", value("Government/Public Sector/Public Bank"),
                "maximum_potential_outcome_payment", Map.of("currency", publicValue(SEK), "amount",
                        value(t.paymentCap().amount())),
                "total_outcome_payments", Map.of("currency", publicValue(SEK), "amount", value(paid)))));
        doc.put("service_provisions", t.parties(PartyRole.PROVIDER).stream().map(p -> Map.of(
                "organisation_id", value(orgId(p)), "intervention", value(t.intervention()),
                "planned_service", Map.of("start_date", value(periods.get(0).start().toString()),
                        "end_date", value(periods.get(periods.size() - 1).end().toString())))).toList());
        Party investor = t.investor();
        doc.put("investments", List.of(Map.of("id", "INV-1", "organisation_id", value(orgId(investor)),
                "investment_commitment", Map.of("currency", value(SEK), "amount",
                        Map.of("exact", value(t.finance().committed().amount()))),
                "maximum_potential_return", value(percent(t.finance().returnCap())))));
        doc.put("intermediary_services", t.parties(PartyRole.INTERMEDIARY).stream().map(p -> Map.of(
                "organisation_id", value(orgId(p)), "organisation_role_category", value("Other"),
                "other_role_description", value(p.name()))).toList());
        String validator = orgId(t.parties(PartyRole.EVALUATOR).get(0));
        doc.put("outcome_metrics", t.metrics().stream().map(m -> Map.of("id", m.code(),
                "definition", value(m.definition() + " (" + m.unit() + ")"),
                "target_population", value(t.cohort().description()),
                "targeted_number_of_service_users_or_beneficiaries_total", value(t.cohort().size()),
                "outcome_validation_method", value(t.comparisonMethod().indigoLabel()),
                "data_source_for_outcome_validation", value("Aggregates of cohort and comparison group (n and value "
                        + "per period), validated by the evaluator"))).toList());
        doc.put("outcome_pricings", t.metrics().stream().filter(m -> m.payment().pays()).map(IndigoProject::pricing)
                .toList());
        doc.put("results", results(c));
        doc.put("outcome_payments", payments(c, orgId(payer), orgId(investor)));
        doc.put("sources", List.of(Map.of("id", "SRC-1", "name", value("Norrköpings kommun: sociala investeringar "
                + "och utfallskontrakt (the fund's public pages)"), "type", value("Government website"))));
        doc.put("notes", value("Exported by the social investment fund's service; figures the sources do not give "
                + "are marked illustrativt in the parties' notes. Results validated by " + validator + "."));
        return doc;
    }

    private static Map<String, Object> pricing(OutcomeMetric m) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("outcome_metric_id", value(m.code()));
        p.put("currency", value(SEK));
        PaymentRule rule = m.payment();
        if (rule.kind() == PaymentRule.Kind.PRICE_PER_UNIT) {
            p.put("price_per_unit", Map.of("amount", value(rule.pricePerUnit().amount())));
        }
        p.put("price_description", value(switch (rule.kind()) {
            case PRICE_PER_UNIT -> "price per unit of cumulative outcome, paid per period, no clawback";
            case SHARE_OF_SAVINGS -> "the investor's share of measured savings up to break-even, then a capped "
                    + "return if the return condition is met";
            case SHARE_OF_DIFFERENCE -> rule.share().toPlainString() + " of the measured difference against the "
                    + "comparison group";
            case RETURN_CONDITION -> "no payment";
        }));
        return p;
    }

    private static List<Object> results(OutcomesContractSnapshot c) {
        List<Object> results = new ArrayList<>();
        String validator = orgId(c.terms().parties(PartyRole.EVALUATOR).get(0));
        boolean last;
        for (PeriodRecord r : c.periods()) {
            if (r.validation() == null) {
                continue;
            }
            last = r.number() == c.periods().size();
            MeasurementPeriod p = c.terms().periods().get(r.number() - 1);
            for (MetricMeasurement m : r.measurements()) {
                results.add(Map.of("outcome_metric_id", value(m.metricCode()),
                        "result_level", value("Outcome level"), "result_type", value(last ? "Final" : "Interim"),
                        "period", period(p), "number_engaged_in_impact_bond", value(m.cohort().n()),
                        "other_description_of_result", value("cohort " + m.cohort().value().toPlainString()
                                + " (n " + m.cohort().n() + ") against comparison "
                                + m.comparison().value().toPlainString() + " (n " + m.comparison().n() + ")"),
                        "outcomes_validator_organisation_ids", value(validator)));
            }
        }
        return results;
    }

    private static List<Object> payments(OutcomesContractSnapshot c, String payer, String recipient) {
        List<Object> out = new ArrayList<>();
        for (Payment pay : c.payments()) {
            if (pay.kind() != Payment.Kind.OUTCOME) {
                continue;
            }
            out.add(Map.of("outcome_metric_id", value(pay.metricCode()),
                    "period", period(c.terms().periods().get(pay.period() - 1)),
                    "payer_organisation_id", value(payer), "recipient_organisation_id", value(recipient),
                    "type", value("Actual"), "money", Map.of("currency", value(SEK), "amount",
                            value(pay.amount().amount())), "status", "PUBLIC"));
        }
        return out;
    }

    private static Map<String, Object> period(MeasurementPeriod p) {
        return Map.of("start_date", value(p.start().toString()), "end_date", value(p.end().toString()));
    }

    private static String stage(ContractState state) {
        return switch (state) {
            case DRAFTED -> "Late-stage design";
            case SIGNED -> "Contracted";
            case IN_DELIVERY -> "Implementation";
            case FINAL_SETTLEMENT -> "Service delivery complete";
            case CLOSED -> "Complete";
        };
    }

    private static String orgId(Party p) {
        return "SE-BLV-" + p.organisationNumber().value().replace("-", "");
    }

    private static BigDecimal percent(BigDecimal share) {
        BigDecimal p = share.movePointRight(2).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    private static Map<String, Object> value(Object v) {
        return Map.of("value", v instanceof BigDecimal b ? b.stripTrailingZeros().scale() < 0
                ? b.setScale(0) : b : v);
    }

    private static Map<String, Object> publicValue(Object v) {
        Map<String, Object> m = new LinkedHashMap<>(value(v));
        m.put("status", "PUBLIC");
        return m;
    }
}

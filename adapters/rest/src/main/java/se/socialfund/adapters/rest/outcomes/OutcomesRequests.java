package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.socialfund.domain.outcomes.Aggregate;
import se.socialfund.domain.outcomes.ComparisonMethod;
import se.socialfund.domain.outcomes.Direction;
import se.socialfund.domain.outcomes.PartyRole;
import se.socialfund.domain.outcomes.PaymentRule;

/**
 * The request bodies of the outcomes contracts: types only. Their sizes and rules are the domain's
 * ({@code ContractTerms.problems} and the contract's steps), checked after the role, so that a caller without the
 * role is refused 403 whatever the body.
 */
public final class OutcomesRequests {
    private OutcomesRequests() {
    }

    /** An exact amount in kronor (its own record: the outcomes contract keeps to the API's money form). */
    public record Sek(String amount,
                      String currency) {
    }

    public record PartyRequest(PartyRole role, String name,
                               String organisationNumber,
                               String note) {
    }

    public record GroupRequest(String description,
                               Integer size) {
    }

    public record FinanceRequest(Sek investmentCommitted, Sek investmentDrawn,
                                 String activityShare,
                                 String investorSavingsShare,
                                 String returnCap,
                                 String returnConditionMetric) {
    }

    public record PaymentRuleRequest(PaymentRule.Kind kind, Sek pricePerUnit,
                                     String share,
                                     String minimumImprovement) {
    }

    public record MetricRequest(String code,
                                String definition,
                                String unit, Direction direction,
                                Aggregate aggregate, PaymentRuleRequest payment) {
    }

    public record PeriodRequest(Integer number, LocalDate start,
                                LocalDate end) {
    }

    public record ContractRequest(String title,
                                  String intervention,
                                  String providerOffice,
                                  List<PartyRequest> parties,
                                  GroupRequest cohort, GroupRequest comparison,
                                  ComparisonMethod comparisonMethod, FinanceRequest finance,
                                  List<MetricRequest> metrics,
                                  List<PeriodRequest> periods,
                                  Sek paymentCap) {
    }

    public record SignatureRequest(LocalDate signedOn,
                                   String decisionReference) {
    }

    public record AmendmentRequest(String description,
                                   String reason,
                                   String decisionReference,
                                   LocalDate effectiveFrom,
                                   List<PeriodRequest> periods,
                                   Sek paymentCap, Sek investmentDrawn) {
    }

    public record GroupValue(Integer n, BigDecimal value) {
    }

    public record MeasurementRequest(String metricCode,
                                     GroupValue cohort, GroupValue comparison) {
    }

    public record MeasurementsRequest(
            List<MeasurementRequest> measurements) {
    }

    public record ValidationRequest(String statement) {
    }
}

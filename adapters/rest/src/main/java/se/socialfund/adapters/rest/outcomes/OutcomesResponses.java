package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.adapters.rest.outcomes.OutcomesRequests.Sek;

/** The response bodies of the outcomes contracts. */
public final class OutcomesResponses {
    private OutcomesResponses() {
    }

    public record PartyDto(String role, String name, String organisationNumber, String note) {
    }

    public record GroupDto(String description, int size) {
    }

    public record FinanceDto(Sek investmentCommitted, Sek investmentDrawn, String activityShare,
                             String investorSavingsShare, String returnCap, String returnConditionMetric,
                             Sek investorCap) {
    }

    public record PaymentRuleDto(String kind, Sek pricePerUnit, String share, String minimumImprovement) {
    }

    public record MetricDto(String code, String definition, String unit, String direction, String aggregate,
                            PaymentRuleDto payment) {
    }

    public record GroupValueDto(int n, BigDecimal value) {
    }

    public record MeasurementDto(String metricCode, GroupValueDto cohort, GroupValueDto comparison) {
    }

    public record InputDto(String name, String value) {
    }

    public record PaymentDto(int period, String kind, String metricCode, String formula, int formulaVersion,
                             List<InputDto> inputs, Sek due, Sek heldBack, Sek amount, String recipient) {
    }

    public record ValidationDto(Instant at, String by, String statement) {
    }

    public record ApprovalDto(Instant at, String by, List<PaymentDto> payments) {
    }

    public record PeriodDto(int number, LocalDate start, LocalDate end, String status,
                            List<MeasurementDto> measurements, Instant measuredAt, String measuredBy,
                            ValidationDto validation, ApprovalDto approval) {
    }

    public record SignatureDto(LocalDate signedOn, String decisionReference, Instant recordedAt, String recordedBy) {
    }

    public record AmendmentDto(int number, String description, String reason, String decisionReference,
                               LocalDate effectiveFrom, List<PeriodDto> periods, Sek paymentCap, Sek investmentDrawn,
                               Instant recordedAt, String recordedBy) {
    }

    public record ContractDto(UUID id, long version, String state, List<String> allowedActions, String title,
                              String intervention, String providerOffice, List<PartyDto> parties, GroupDto cohort,
                              GroupDto comparison, String comparisonMethod, FinanceDto finance,
                              List<MetricDto> metrics, List<PeriodDto> periods, Sek paymentCap, Sek paidTotal,
                              SignatureDto signature, List<AmendmentDto> amendments, Instant createdAt,
                              String createdBy, Instant updatedAt) {
    }

    public record ContractPageDto(List<ContractDto> items, String nextCursor) {
    }

    public record MetricAmountDto(String metricCode, Sek amount) {
    }

    public record PeriodSettlementDto(int number, String status, Sek paidOnActivity,
                                      List<MetricAmountDto> outcomePayments, Sek investorShare,
                                      Sek municipalityShareOfSavings, Sek heldBackByCaps, List<PaymentDto> payments) {
    }

    public record SettlementTotalsDto(Sek paidOnActivity, List<MetricAmountDto> outcomePayments, Sek investorShare,
                                      Sek municipalityShareOfSavings, Sek heldBackByCaps, Sek paidTotal) {
    }

    public record SettlementDto(UUID contractId, String state, boolean finalSettlement, Sek paymentCap,
                                Sek investorCap, List<PeriodSettlementDto> periods, SettlementTotalsDto totals) {
    }
}

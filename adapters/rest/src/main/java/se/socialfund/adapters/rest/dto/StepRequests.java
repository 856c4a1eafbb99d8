package se.socialfund.adapters.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.followup.Measurement;

/** The bodies of the lifecycle's steps. Unknown fields are refused, like everywhere in the API. */
public final class StepRequests {
    private StepRequests() {
    }

    public record CriterionResultDto(@NotNull Criterion criterion, @NotNull Boolean met,
                                     @NotBlank @Size(max = Limits.SHORT_TEXT) String motivation) {
    }

    public record CriteriaAssessmentRequest(
            @NotNull @Size(min = 4, max = 4) List<@NotNull @Valid CriterionResultDto> criteria,
            @Size(max = 50) List<@NotBlank @Size(max = Limits.SHORT_TEXT) String> remarks) {
    }

    public record CompletionRequestRequest(
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = Limits.SHORT_TEXT) String> questions) {
    }

    public record MunicipalPerspectiveRequest(
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> overallGoals,
            @NotEmpty @Size(max = 40) List<@NotNull @Pattern(regexp = "[0-9]{1,2}(\\.[0-9a-z]{1,2})?",
                    message = "an Agenda 2030 goal (1-17) or target such as 4.1 or 10.a") String> agenda2030,
            @NotNull Recommendation recommendation,
            @NotBlank @Size(max = Limits.TEXT) String motivation) {
    }

    public record ReviewRequest(@NotBlank @Size(max = Limits.TEXT) String comment) {
    }

    public record BoardDecisionRequest(
            @NotNull BoardDecision.Outcome outcome,
            @Valid MoneyDto grantedAmount,
            @Size(max = 50) List<@NotBlank @Size(max = Limits.SHORT_TEXT) String> conditions,
            @Size(max = 50) List<@NotBlank @Size(max = Limits.SHORT_TEXT) String> reasons,
            @NotNull LocalDate meetingDate,
            @NotNull @Pattern(regexp = "§ ?[0-9]{1,4}[a-z]?", message = "the minutes paragraph, e.g. \"§ 123\"")
            String minutesParagraph) {
    }

    public record ProjectStartRequest(@NotBlank @Size(max = Limits.NAME) String projectLeader,
                                      @NotBlank @Size(max = Limits.TEXT) String projectPlan,
                                      @NotNull LocalDate startDate, @NotNull LocalDate plannedEndDate) {
    }

    public record CostLineDto(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull CostCategory category,
                              @NotNull @Valid MoneyDto amount) {
    }

    public record CostReportRequest(@NotNull LocalDate asOf,
                                    @NotEmpty @Size(max = 200) List<@NotNull @Valid CostLineDto> lines,
                                    @Size(max = Limits.SHORT_TEXT) String comment) {
    }

    /** An aggregate measurement: how many were measured and the group's value, never an individual's. */
    public record MeasurementDto(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "an indicator code of the application")
            String indicator,
            @NotNull Measurement.Group group,
            @NotNull LocalDate measuredOn,
            @NotNull @Min(0) @Max(10_000_000) Integer n,
            @NotNull @Limits.Measure BigDecimal value) {
    }

    public record FollowUpRequest(@NotBlank @Size(max = Limits.TEXT) String progress,
                                  @NotBlank @Size(max = Limits.TEXT) String risks,
                                  @NotNull @Size(max = 500) List<@NotNull @Valid MeasurementDto> measurements) {
    }

    public record SavingsItemDto(@NotBlank @Size(max = Limits.NAME) String outcome,
                                 @NotBlank @Size(max = Limits.NAME) String payer,
                                 @NotNull @Valid MoneyDto costAvoidedPerUnit,
                                 @NotNull @Limits.Measure BigDecimal unitsPerYear,
                                 @NotNull @Min(1) @Max(50) Integer startsInYear) {
    }

    public record EconomicEvaluationDto(@NotNull @Min(2000) @Max(2100) Integer firstYear,
                                        @NotNull @Min(1) @Max(50) Integer horizonYears,
                                        @NotNull @Limits.Measure BigDecimal discountRate,
                                        @NotEmpty @Size(max = 50) List<@NotNull @Valid SavingsItemDto> items) {
    }

    public record EvaluationRequest(@NotBlank @Size(max = Limits.TEXT) String summary,
                                    @NotBlank @Size(max = Limits.TEXT) String humanGains,
                                    @NotNull @Size(max = 500) List<@NotNull @Valid MeasurementDto> measurements,
                                    @Valid EconomicEvaluationDto economics) {
    }

    public record ImplementationDecisionRequest(@NotNull ImplementationDecision.Outcome outcome,
                                                ImplementationDecision.Financing financing,
                                                @NotBlank @Size(max = Limits.NAME) String committee,
                                                @NotNull LocalDate decidedOn,
                                                @NotBlank @Size(max = Limits.NAME) String reference,
                                                @Size(max = Limits.TEXT) String motivation) {
    }

    public record WithdrawalRequest(@NotBlank @Size(max = Limits.TEXT) String reason) {
    }

    public record TerminationRequest(@NotBlank @Size(max = Limits.TEXT) String reason, @NotNull LocalDate endedOn) {
    }

    public record InstallmentDto(@NotBlank @Size(max = Limits.NAME) String committee,
                                 @NotNull @Min(2000) @Max(2100) Integer year,
                                 @NotNull @Valid MoneyDto amount) {
    }

    public record RepaymentPlanRequest(@NotEmpty @Size(max = 100) List<@NotNull @Valid InstallmentDto> installments) {
    }
}

package se.socialfund.adapters.rest.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import se.socialfund.adapters.rest.dto.Limits;
import se.socialfund.domain.outcomes.Aggregate;
import se.socialfund.domain.outcomes.ComparisonMethod;
import se.socialfund.domain.outcomes.Direction;
import se.socialfund.domain.outcomes.PartyRole;
import se.socialfund.domain.outcomes.PaymentRule;

/** The request bodies of the outcomes contracts, with the contract's size limits; the domain decides the rules. */
public final class OutcomesRequests {
    static final String AMOUNT = "(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?";
    static final String SHARE = "[01](\\.[0-9]{1,4})?";
    static final String SHARE_MESSAGE = "a share as decimal text from 0 to 1 with at most four decimals, e.g. \"0.40\"";
    static final String CODE = "[A-Z][A-Z0-9_]{0,31}";
    static final String DECIMAL = "-?(0|[1-9][0-9]{0,12})(\\.[0-9]{1,6})?";

    private OutcomesRequests() {
    }

    /** An exact amount in kronor (its own record: the outcomes contract keeps to the API's money form). */
    public record Sek(@NotNull @Pattern(regexp = AMOUNT, message = "an amount as decimal text, not negative, with at "
            + "most two decimals, e.g. \"3000000.00\"") String amount,
                      @NotNull @Pattern(regexp = "SEK", message = "only SEK") String currency) {
    }

    public record PartyRequest(@NotNull PartyRole role, @NotBlank @Size(max = Limits.NAME) String name,
                               @NotNull @Size(max = 11) String organisationNumber,
                               @Size(max = Limits.NAME) String note) {
    }

    public record GroupRequest(@NotBlank @Size(max = Limits.SHORT_TEXT) String description,
                               @NotNull @Min(0) @Max(10_000_000) Integer size) {
    }

    public record FinanceRequest(@NotNull @Valid Sek investmentCommitted, @NotNull @Valid Sek investmentDrawn,
                                 @NotNull @Pattern(regexp = SHARE, message = SHARE_MESSAGE) String activityShare,
                                 @NotNull @Pattern(regexp = SHARE, message = SHARE_MESSAGE) String investorSavingsShare,
                                 @NotNull @Pattern(regexp = SHARE, message = SHARE_MESSAGE) String returnCap,
                                 @Pattern(regexp = CODE, message = "a metric code") String returnConditionMetric) {
    }

    public record PaymentRuleRequest(@NotNull PaymentRule.Kind kind, @Valid Sek pricePerUnit,
                                     @Pattern(regexp = SHARE, message = SHARE_MESSAGE) String share,
                                     @Pattern(regexp = DECIMAL, message = "a decimal number as text, e.g. \"10\"")
                                     String minimumImprovement) {
    }

    public record MetricRequest(@NotNull @Pattern(regexp = CODE, message = "upper-case letters, digits and "
            + "underscores, e.g. REPLACEMENT") String code,
                                @NotBlank @Size(max = Limits.SHORT_TEXT) String definition,
                                @NotBlank @Size(max = Limits.NAME) String unit, @NotNull Direction direction,
                                @NotNull Aggregate aggregate, @NotNull @Valid PaymentRuleRequest payment) {
    }

    public record PeriodRequest(@NotNull @Min(1) @Max(1000) Integer number, @NotNull LocalDate start,
                                @NotNull LocalDate end) {
    }

    public record ContractRequest(@NotBlank @Size(max = Limits.TITLE) String title,
                                  @NotBlank @Size(max = Limits.SHORT_TEXT) String intervention,
                                  @NotNull @Pattern(regexp = Limits.OFFICE, message = Limits.OFFICE_MESSAGE)
                                  String providerOffice,
                                  @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull PartyRequest> parties,
                                  @NotNull @Valid GroupRequest cohort, @NotNull @Valid GroupRequest comparison,
                                  @NotNull ComparisonMethod comparisonMethod, @NotNull @Valid FinanceRequest finance,
                                  @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull MetricRequest> metrics,
                                  @NotNull @Size(min = 1, max = 60) List<@Valid @NotNull PeriodRequest> periods,
                                  @NotNull @Valid Sek paymentCap) {
    }

    public record SignatureRequest(@NotNull LocalDate signedOn,
                                   @NotBlank @Size(max = Limits.NAME) String decisionReference) {
    }

    public record AmendmentRequest(@NotBlank @Size(max = Limits.SHORT_TEXT) String description,
                                   @NotBlank @Size(max = Limits.SHORT_TEXT) String reason,
                                   @NotBlank @Size(max = Limits.NAME) String decisionReference,
                                   @NotNull LocalDate effectiveFrom,
                                   @Size(min = 1, max = 60) List<@Valid @NotNull PeriodRequest> periods,
                                   @Valid Sek paymentCap, @Valid Sek investmentDrawn) {
    }

    public record GroupValue(@NotNull @Min(0) @Max(10_000_000) Integer n, @NotNull @Limits.Measure BigDecimal value) {
    }

    public record MeasurementRequest(@NotNull @Pattern(regexp = CODE, message = "a metric code") String metricCode,
                                     @NotNull @Valid GroupValue cohort, @NotNull @Valid GroupValue comparison) {
    }

    public record MeasurementsRequest(
            @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull MeasurementRequest> measurements) {
    }

    public record ValidationRequest(@NotBlank @Size(max = Limits.SHORT_TEXT) String statement) {
    }
}

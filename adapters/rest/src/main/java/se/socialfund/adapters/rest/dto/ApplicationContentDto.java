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

import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.ApplicationContent.Direction;

/** The content of an application (ansökan), as submitted and as each revision holds it. */
public record ApplicationContentDto(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotBlank @Size(max = Limits.TEXT) String currentSituation,
        @NotBlank @Size(max = Limits.TEXT) String intervention,
        @NotNull @Valid TargetGroupDto targetGroup,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid GoalDto> goals,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid ActivityDto> activityPlan,
        @NotNull @Valid BudgetDto budget,
        @NotNull @Valid PlansDto plans,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid OfficeDto> offices,
        @NotNull @Valid ApprovalDto officeHeadApproval,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid CommitteeDto> committeesInformed) {

    public record TargetGroupDto(@NotBlank @Size(max = Limits.TEXT) String description,
                                 @NotNull @Min(value = ApplicationContent.MIN_GROUP,
                                         message = ApplicationContent.SMALL_GROUP) @Max(10_000_000) Integer size) {
    }

    public record GoalDto(@NotBlank @Size(max = Limits.SHORT_TEXT) String description,
                          @NotEmpty @Size(max = 20) List<@NotNull @Valid IndicatorDto> indicators) {
    }

    public record IndicatorDto(
            @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "a short key of lower-case letters, "
                    + "digits and hyphens") String code,
            @NotBlank @Size(max = Limits.NAME) String name,
            @NotBlank @Size(max = Limits.NAME) String unit,
            @NotNull Direction direction,
            @Valid BaselineDto baseline,
            @NotNull @Limits.Measure BigDecimal target,
            @Valid ControlGroupDto controlGroup) {
    }

    public record BaselineDto(@NotNull @Limits.Measure BigDecimal value, @NotNull LocalDate measuredOn) {
    }

    public record ControlGroupDto(@NotBlank @Size(max = Limits.TEXT) String description,
                                  @NotNull @Min(value = ApplicationContent.MIN_GROUP,
                                          message = ApplicationContent.SMALL_GROUP) @Max(10_000_000) Integer size,
                                  @Valid BaselineDto baseline) {
    }

    public record ActivityDto(@NotBlank @Size(max = Limits.SHORT_TEXT) String description,
                              @NotNull LocalDate startsOn, @NotNull LocalDate endsOn) {
    }

    public record BudgetLineDto(@NotNull @Min(2000) @Max(2100) Integer year, @NotNull CostCategory category,
                                @NotNull @Valid MoneyDto amount) {
    }

    public record BudgetDto(@NotEmpty @Size(max = 200) List<@NotNull @Valid BudgetLineDto> lines,
                            @NotNull @Valid MoneyDto requestedAmount) {
    }

    public record PlansDto(@NotBlank @Size(max = Limits.TEXT) String followUp,
                           @NotBlank @Size(max = Limits.TEXT) String evaluation,
                           @NotBlank @Size(max = Limits.TEXT) String implementation) {
    }

    public record OfficeDto(@NotBlank @Pattern(regexp = Limits.OFFICE, message = Limits.OFFICE_MESSAGE) String office,
                            boolean lead) {
    }

    public record ApprovalDto(@NotBlank @Size(max = Limits.NAME) String approvedBy, @NotNull LocalDate approvedOn) {
    }

    public record CommitteeDto(@NotBlank @Size(max = Limits.NAME) String committee, @NotNull LocalDate informedOn) {
    }

    public ApplicationContent toDomain() {
        return new ApplicationContent(title, currentSituation, intervention,
                new ApplicationContent.TargetGroup(targetGroup.description(), targetGroup.size()),
                goals.stream().map(g -> new ApplicationContent.Goal(g.description(), g.indicators().stream()
                        .map(i -> new ApplicationContent.Indicator(i.code(), i.name(), i.unit(), i.direction(),
                                baseline(i.baseline()), i.target(), controlGroup(i.controlGroup())))
                        .toList())).toList(),
                activityPlan.stream().map(a -> new ApplicationContent.Activity(a.description(), a.startsOn(),
                        a.endsOn())).toList(),
                new ApplicationContent.Budget(budget.lines().stream().map(l -> new ApplicationContent.BudgetLine(
                        l.year(), l.category(), l.amount().toMoney("/budget/lines/amount"))).toList(),
                        budget.requestedAmount().toMoney("/budget/requestedAmount")),
                new ApplicationContent.Plans(plans.followUp(), plans.evaluation(), plans.implementation()),
                offices.stream().map(o -> new ApplicationContent.ParticipatingOffice(o.office(), o.lead())).toList(),
                new ApplicationContent.Approval(officeHeadApproval.approvedBy(), officeHeadApproval.approvedOn()),
                committeesInformed.stream().map(c -> new ApplicationContent.CommitteeInformation(c.committee(),
                        c.informedOn())).toList());
    }

    private static ApplicationContent.Baseline baseline(BaselineDto b) {
        return b == null ? null : new ApplicationContent.Baseline(b.value(), b.measuredOn());
    }

    private static ApplicationContent.ControlGroup controlGroup(ControlGroupDto c) {
        return c == null ? null : new ApplicationContent.ControlGroup(c.description(), c.size(),
                baseline(c.baseline()));
    }
}

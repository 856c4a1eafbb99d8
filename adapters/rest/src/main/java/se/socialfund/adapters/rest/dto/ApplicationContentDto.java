package se.socialfund.adapters.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;


import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.ApplicationContent.Direction;

/** The content of an application (ansökan), as submitted and as each revision holds it. */
public record ApplicationContentDto(
        String title,
        String currentSituation,
        String intervention,
        TargetGroupDto targetGroup,
        List<GoalDto> goals,
        List<ActivityDto> activityPlan,
        BudgetDto budget,
        PlansDto plans,
        List<OfficeDto> offices,
        ApprovalDto officeHeadApproval,
        List<CommitteeDto> committeesInformed) {

    public record TargetGroupDto(String description,
                                 Integer size) {
    }

    public record GoalDto(String description,
                          List<IndicatorDto> indicators) {
    }

    public record IndicatorDto(
            String code,
            String name,
            String unit,
            Direction direction,
            BaselineDto baseline,
            BigDecimal target,
            ControlGroupDto controlGroup) {
    }

    public record BaselineDto(BigDecimal value, LocalDate measuredOn) {
    }

    public record ControlGroupDto(String description,
                                  Integer size,
                                  BaselineDto baseline) {
    }

    public record ActivityDto(String description,
                              LocalDate startsOn, LocalDate endsOn) {
    }

    public record BudgetLineDto(Integer year, CostCategory category,
                                MoneyDto amount) {
    }

    public record BudgetDto(List<BudgetLineDto> lines,
                            MoneyDto requestedAmount) {
    }

    public record PlansDto(String followUp,
                           String evaluation,
                           String implementation) {
    }

    public record OfficeDto(String office, Boolean lead) {
    }

    public record ApprovalDto(String approvedBy, LocalDate approvedOn) {
    }

    public record CommitteeDto(String committee, LocalDate informedOn) {
    }

    /** The content as parsed, nulls included: the domain checks it ({@link ApplicationContent#validate}). */
    public ApplicationContent toDomain() {
        return new ApplicationContent(title, currentSituation, intervention,
                targetGroup == null ? null : new ApplicationContent.TargetGroup(targetGroup.description(),
                        targetGroup.size()),
                StepRequests.each(goals, g -> new ApplicationContent.Goal(g.description(), StepRequests.each(
                        g.indicators(), i -> new ApplicationContent.Indicator(i.code(), i.name(), i.unit(),
                                i.direction(), baseline(i.baseline()), i.target(), controlGroup(i.controlGroup()))))),
                StepRequests.each(activityPlan, a -> new ApplicationContent.Activity(a.description(), a.startsOn(),
                        a.endsOn())),
                budget == null ? null : new ApplicationContent.Budget(StepRequests.indexed(budget.lines(), (l, i) ->
                        new ApplicationContent.BudgetLine(l.year(), l.category(),
                                MoneyDto.money(l.amount(), "/budget/lines/" + i + "/amount"))),
                        MoneyDto.money(budget.requestedAmount(), "/budget/requestedAmount")),
                plans == null ? null : new ApplicationContent.Plans(plans.followUp(), plans.evaluation(),
                        plans.implementation()),
                StepRequests.each(offices, o -> new ApplicationContent.ParticipatingOffice(o.office(),
                        Boolean.TRUE.equals(o.lead()))),
                officeHeadApproval == null ? null : new ApplicationContent.Approval(officeHeadApproval.approvedBy(),
                        officeHeadApproval.approvedOn()),
                StepRequests.each(committeesInformed, c -> new ApplicationContent.CommitteeInformation(c.committee(),
                        c.informedOn())));
    }

    private static ApplicationContent.Baseline baseline(BaselineDto b) {
        return b == null ? null : new ApplicationContent.Baseline(b.value(), b.measuredOn());
    }

    private static ApplicationContent.ControlGroup controlGroup(ControlGroupDto c) {
        return c == null ? null : new ApplicationContent.ControlGroup(c.description(), c.size(),
                baseline(c.baseline()));
    }
}

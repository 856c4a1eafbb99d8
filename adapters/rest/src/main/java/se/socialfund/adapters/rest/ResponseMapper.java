package se.socialfund.adapters.rest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.socialfund.adapters.rest.dto.ApplicationContentDto;
import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.Responses.*;
import se.socialfund.adapters.rest.dto.StepRequests.CostLineDto;
import se.socialfund.adapters.rest.dto.StepRequests.CriterionResultDto;
import se.socialfund.adapters.rest.dto.StepRequests.EconomicEvaluationDto;
import se.socialfund.adapters.rest.dto.StepRequests.InstallmentDto;
import se.socialfund.adapters.rest.dto.StepRequests.MeasurementDto;
import se.socialfund.adapters.rest.dto.StepRequests.SavingsItemDto;
import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.IndicatorAttainment;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.period.ApplicationPeriod;

/** From the domain's objects to the API's records: the one place that decides what a response shows. */
public final class ResponseMapper {
    static final String APPLICATIONS = "/api/v1/applications/";

    private ResponseMapper() {
    }

    public static PeriodDto period(ApplicationPeriod p) {
        return new PeriodDto(p.id(), p.name(), p.opensOn(), p.closesOn(), p.year(), p.createdAt());
    }

    public static ApplicationDto application(ApplicationView view) {
        ApplicationSnapshot a = view.application();
        Revision r = a.currentRevision();
        return new ApplicationDto(a.id(), a.registrationNumber().toString(), a.stage().name(), a.version(),
                a.periodId(), a.receivedAt(), a.updatedAt(), a.content().title(), a.leadOffice(), a.offices(),
                new RevisionInfoDto(r.number(), r.submittedAt(), r.submittedBy(), r.answersCompletionRequest()),
                content(a.content()),
                a.criteriaAssessment() == null ? null : new CriteriaAssessmentDto(a.criteriaAssessment().results()
                        .stream().map(c -> new CriterionResultDto(c.criterion(), c.met(), c.motivation())).toList(),
                        a.criteriaAssessment().remarks(), a.criteriaAssessment().allMet(),
                        a.criteriaAssessment().assessedAt(), a.criteriaAssessment().assessedBy()),
                a.completionRequests().stream().map(c -> new CompletionRequestDto(c.number(), c.questions(),
                        c.requestedAt(), c.requestedBy(), c.answeredByRevision())).toList(),
                a.municipalPerspective() == null ? null : new MunicipalPerspectiveDto(
                        a.municipalPerspective().overallGoals(), a.municipalPerspective().agenda2030().stream()
                        .map(t -> t.code()).toList(), a.municipalPerspective().recommendation().name(),
                        a.municipalPerspective().motivation(), a.municipalPerspective().addedAt(),
                        a.municipalPerspective().addedBy()),
                a.reviews().stream().map(v -> new ReviewDto(v.number(), v.comment(), v.addedAt(), v.addedBy()))
                        .toList(),
                a.boardDecision() == null ? null : new BoardDecisionDto(a.boardDecision().outcome().name(),
                        MoneyDto.of(a.boardDecision().grantedAmount()), a.boardDecision().conditions(),
                        a.boardDecision().reasons(), a.boardDecision().meetingDate(),
                        a.boardDecision().minutesParagraph(), a.boardDecision().recordedAt(),
                        a.boardDecision().recordedBy()),
                a.projectStart() == null ? null : new ProjectDto(a.projectStart().projectLeader(),
                        a.projectStart().projectPlan(), a.projectStart().startDate(),
                        a.projectStart().plannedEndDate(), a.projectStart().midTermFollowUpDue(),
                        a.projectStart().finalEvaluationDue(), a.projectStart().reportedAt(),
                        a.projectStart().reportedBy()),
                a.costReports().stream().map(c -> new CostReportDto(c.number(), c.asOf(), c.lines().stream()
                        .map(l -> new CostLineDto(l.year(), l.category(), MoneyDto.of(l.amount()))).toList(),
                        MoneyDto.of(c.total()), c.comment(), c.reportedAt(), c.reportedBy())).toList(),
                a.projectStart() == null ? null : MoneyDto.of(a.spentAmount()),
                a.followUp() == null ? null : new FollowUpDto(a.followUp().progress(), a.followUp().risks(),
                        measurements(view.followUpMeasurements()), a.followUp().submittedAt(),
                        a.followUp().submittedBy()),
                a.evaluation() == null ? null : new EvaluationDto(a.evaluation().summary(),
                        a.evaluation().humanGains(), measurements(view.evaluationMeasurements()),
                        economicsInput(a.evaluation().economics()), economicResult(view.economics()),
                        a.evaluation().submittedAt(), a.evaluation().submittedBy()),
                view.attainment().stream().map(ResponseMapper::attainment).toList(),
                view.smallGroupsSuppressed(),
                a.implementationDecision() == null ? null : new ImplementationDecisionDto(
                        a.implementationDecision().outcome().name(),
                        a.implementationDecision().financing() == null ? null
                                : a.implementationDecision().financing().name(),
                        a.implementationDecision().committee(), a.implementationDecision().decidedOn(),
                        a.implementationDecision().reference(), a.implementationDecision().motivation(),
                        a.implementationDecision().recordedAt(), a.implementationDecision().recordedBy()),
                a.withdrawal() == null ? null : new WithdrawalDto(a.withdrawal().reason(),
                        a.withdrawal().withdrawnAt(), a.withdrawal().withdrawnBy()),
                a.termination() == null ? null : new TerminationDto(a.termination().reason(),
                        a.termination().endedOn(), a.termination().recordedAt(), a.termination().recordedBy()),
                a.repaymentPlan() == null ? null : new RepaymentPlanDto(a.repaymentPlan().installments().stream()
                        .map(i -> new InstallmentDto(i.committee(), i.year(), MoneyDto.of(i.amount()))).toList(),
                        MoneyDto.of(a.repaymentPlan().total()), a.repaymentPlan().setAt(), a.repaymentPlan().setBy()),
                a.releasedAmount().isZero() ? null : MoneyDto.of(a.releasedAmount()),
                allowed(a, view.allowedActions()),
                view.origin() == null ? null : new ApplicationOriginDto(view.origin().ideaId(),
                        view.origin().ideaRegistrationNumber(), "/api/v1/ideas/" + view.origin().ideaId(),
                        view.origin().externalPartners().stream().map(p -> new PartnerDto(p.name(),
                                p.organisationNumber())).toList()));
    }

    public static List<AllowedActionDto> allowed(ApplicationSnapshot a, List<Action> actions) {
        return actions.stream().map(action -> new AllowedActionDto(action.name(), "POST",
                APPLICATIONS + a.id() + "/" + action.resource())).toList();
    }

    public static ApplicationContentDto content(ApplicationContent c) {
        return new ApplicationContentDto(c.title(), c.currentSituation(), c.intervention(),
                new ApplicationContentDto.TargetGroupDto(c.targetGroup().description(), c.targetGroup().size()),
                c.goals().stream().map(g -> new ApplicationContentDto.GoalDto(g.description(), g.indicators()
                        .stream().map(i -> new ApplicationContentDto.IndicatorDto(i.code(), i.name(), i.unit(),
                                i.direction(), baseline(i.baseline()), i.target(), i.controlGroup() == null ? null
                                : new ApplicationContentDto.ControlGroupDto(i.controlGroup().description(),
                                i.controlGroup().size(), baseline(i.controlGroup().baseline())))).toList()))
                        .toList(),
                c.activityPlan().stream().map(a -> new ApplicationContentDto.ActivityDto(a.description(),
                        a.startsOn(), a.endsOn())).toList(),
                new ApplicationContentDto.BudgetDto(c.budget().lines().stream().map(l ->
                        new ApplicationContentDto.BudgetLineDto(l.year(), l.category(), MoneyDto.of(l.amount())))
                        .toList(), MoneyDto.of(c.budget().requestedAmount())),
                new ApplicationContentDto.PlansDto(c.plans().followUp(), c.plans().evaluation(),
                        c.plans().implementation()),
                c.offices().stream().map(o -> new ApplicationContentDto.OfficeDto(o.office(), o.lead())).toList(),
                new ApplicationContentDto.ApprovalDto(c.officeHeadApproval().approvedBy(),
                        c.officeHeadApproval().approvedOn()),
                c.committeesInformed().stream().map(x -> new ApplicationContentDto.CommitteeDto(x.committee(),
                        x.informedOn())).toList());
    }

    private static ApplicationContentDto.BaselineDto baseline(ApplicationContent.Baseline b) {
        return b == null ? null : new ApplicationContentDto.BaselineDto(b.value(), b.measuredOn());
    }

    public static List<MeasurementDto> measurements(List<Measurement> ms) {
        return ms.stream().map(m -> new MeasurementDto(m.indicator(), m.group(), m.measuredOn(), m.n(), m.value()))
                .toList();
    }

    private static EconomicEvaluationDto economicsInput(EconomicEvaluation e) {
        return e == null ? null : new EconomicEvaluationDto(e.firstYear(), e.horizonYears(), e.discountRate(),
                e.items().stream().map(i -> new SavingsItemDto(i.outcome(), i.payer(),
                        MoneyDto.of(i.costAvoidedPerUnit()), i.unitsPerYear(), i.startsInYear())).toList());
    }

    public static EconomicResultDto economicResult(EconomicEvaluation.Result r) {
        if (r == null) {
            return null;
        }
        return new EconomicResultDto(MoneyDto.of(r.investmentCost()), r.years().stream().map(y ->
                new YearlySavingsDto(y.year(), plain(y.perPayer()), y.total().toPlainString(),
                        y.discountedTotal().toPlainString())).toList(), plain(r.totalPerPayer()),
                r.presentValueOfSavings().toPlainString(), r.netPresentValue().toPlainString(), r.paybackYear());
    }

    private static Map<String, String> plain(Map<String, java.math.BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, v.toPlainString()));
        return out;
    }

    public static AttainmentDto attainment(IndicatorAttainment a) {
        return new AttainmentDto(a.indicator(), a.unit(), a.direction().name(), a.baseline(), a.target(),
                latest(a.latest()), a.change(), a.progressTowardTarget(), a.targetReached(),
                latest(a.controlLatest()), a.controlChange(), a.differenceAgainstControl(), a.improvement());
    }

    private static LatestDto latest(IndicatorAttainment.Latest l) {
        return l == null ? null : new LatestDto(l.measuredOn(), l.n(), l.value());
    }

    public static ApplicationSummaryDto summary(ApplicationSummary s) {
        return new ApplicationSummaryDto(s.id(), s.registrationNumber(), s.title(), s.stage().name(), s.version(),
                s.leadOffice(), s.offices(), s.periodId(), MoneyDto.of(s.requestedAmount()),
                MoneyDto.of(s.grantedAmount()), s.receivedAt(), s.updatedAt());
    }

    public static HistoryEventDto event(ApplicationEvent e) {
        return new HistoryEventDto(e.type().name(), e.at(), e.actorName(), e.actorRole(), e.actorOffice(),
                e.stageBefore() == null ? null : e.stageBefore().name(), e.stageAfter().name(), e.version(),
                e.details());
    }

    public static RevisionDto revision(Revision r) {
        return new RevisionDto(r.number(), r.submittedAt(), r.submittedBy(), r.answersCompletionRequest(),
                content(r.content()));
    }
}

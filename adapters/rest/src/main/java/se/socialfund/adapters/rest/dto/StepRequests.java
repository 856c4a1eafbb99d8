package se.socialfund.adapters.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.Criterion;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.CriteriaAssessment.CriterionResult;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;

/**
 * The bodies of the lifecycle's steps, as parsed: types only (unknown fields are refused, like everywhere in the
 * API). Each becomes the domain's draft of the step as it is, nulls included: the domain checks it, after the
 * caller's right to take the step. Amounts are read as money here, the one format parsed at the edge.
 */
public final class StepRequests {
    private StepRequests() {
    }

    public record CriterionResultDto(Criterion criterion, Boolean met, String motivation) {
    }

    public record CriteriaAssessmentRequest(List<CriterionResultDto> criteria, List<String> remarks) {
        public CriteriaAssessment.Draft toDraft() {
            return new CriteriaAssessment.Draft(each(criteria, c -> c == null ? null
                    : new CriterionResult(c.criterion(), c.met(), c.motivation())), remarks);
        }
    }

    public record CompletionRequestRequest(List<String> questions) {
        public CompletionRequest.Draft toDraft() {
            return new CompletionRequest.Draft(questions);
        }
    }

    public record MunicipalPerspectiveRequest(List<String> overallGoals, List<String> agenda2030,
                                              Recommendation recommendation, String motivation) {
        public MunicipalPerspective.Draft toDraft() {
            return new MunicipalPerspective.Draft(overallGoals, agenda2030, recommendation, motivation);
        }
    }

    public record ReviewRequest(String comment) {
    }

    public record BoardDecisionRequest(BoardDecision.Outcome outcome, MoneyDto grantedAmount, List<String> conditions,
                                       List<String> reasons, LocalDate meetingDate, String minutesParagraph) {
        public BoardDecision.Draft toDraft() {
            return new BoardDecision.Draft(outcome, MoneyDto.money(grantedAmount, "/grantedAmount"), conditions,
                    reasons, meetingDate, minutesParagraph);
        }
    }

    public record ProjectStartRequest(String projectLeader, String projectPlan, LocalDate startDate,
                                      LocalDate plannedEndDate) {
        public ProjectStart.Draft toDraft() {
            return new ProjectStart.Draft(projectLeader, projectPlan, startDate, plannedEndDate);
        }
    }

    public record CostLineDto(Integer year, CostCategory category, MoneyDto amount) {
    }

    public record CostReportRequest(LocalDate asOf, List<CostLineDto> lines, String comment) {
        public CostReport.Draft toDraft() {
            return new CostReport.Draft(asOf, indexed(lines, (l, i) -> new CostLine(l.year(), l.category(),
                    MoneyDto.money(l.amount(), "/lines/" + i + "/amount"))), comment);
        }
    }

    /** An aggregate measurement: how many were measured and the group's value, never an individual's. */
    public record MeasurementDto(String indicator, Measurement.Group group, LocalDate measuredOn, Integer n,
                                 BigDecimal value) {
        static List<Measurement> toDomain(List<MeasurementDto> dtos) {
            return each(dtos, m -> m == null ? null
                    : new Measurement(m.indicator(), m.group(), m.measuredOn(), m.n(), m.value()));
        }
    }

    public record FollowUpRequest(String progress, String risks, List<MeasurementDto> measurements) {
        public FollowUp.Draft toDraft() {
            return new FollowUp.Draft(progress, risks, MeasurementDto.toDomain(measurements));
        }
    }

    public record SavingsItemDto(String outcome, String payer, MoneyDto costAvoidedPerUnit, BigDecimal unitsPerYear,
                                 Integer startsInYear) {
    }

    public record EconomicEvaluationDto(Integer firstYear, Integer horizonYears, BigDecimal discountRate,
                                        List<SavingsItemDto> items) {
        EconomicEvaluation toDomain() {
            return new EconomicEvaluation(firstYear, horizonYears, discountRate, indexed(items, (i, n) ->
                    new EconomicEvaluation.SavingsItem(i.outcome(), i.payer(), MoneyDto.money(i.costAvoidedPerUnit(),
                            "/economics/items/" + n + "/costAvoidedPerUnit"), i.unitsPerYear(), i.startsInYear())));
        }
    }

    public record EvaluationRequest(String summary, String humanGains, List<MeasurementDto> measurements,
                                    EconomicEvaluationDto economics) {
        public Evaluation.Draft toDraft() {
            return new Evaluation.Draft(summary, humanGains, MeasurementDto.toDomain(measurements),
                    economics == null ? null : economics.toDomain());
        }
    }

    public record ImplementationDecisionRequest(ImplementationDecision.Outcome outcome,
                                                ImplementationDecision.Financing financing, String committee,
                                                LocalDate decidedOn, String reference, String motivation) {
        public ImplementationDecision.Draft toDraft() {
            return new ImplementationDecision.Draft(outcome, financing, committee, decidedOn, reference, motivation);
        }
    }

    public record WithdrawalRequest(String reason) {
    }

    public record TerminationRequest(String reason, LocalDate endedOn) {
        public Termination.Draft toDraft() {
            return new Termination.Draft(reason, endedOn);
        }
    }

    public record InstallmentDto(String committee, Integer year, MoneyDto amount) {
    }

    public record RepaymentPlanRequest(List<InstallmentDto> installments) {
        public List<Installment> toDomain() {
            return indexed(installments, (i, n) -> new Installment(i.committee(), i.year(),
                    MoneyDto.money(i.amount(), "/installments/" + n + "/amount")));
        }
    }

    /** Maps each item, keeping nulls where the body had them (the domain names them); null stays null. */
    static <A, B> List<B> each(List<A> items, Function<A, B> mapper) {
        return items == null ? null : items.stream().map(a -> a == null ? null : mapper.apply(a)).toList();
    }

    static <A, B> List<B> indexed(List<A> items, java.util.function.BiFunction<A, Integer, B> mapper) {
        return items == null ? null : IntStream.range(0, items.size())
                .mapToObj(i -> items.get(i) == null ? null : mapper.apply(items.get(i), i)).toList();
    }
}

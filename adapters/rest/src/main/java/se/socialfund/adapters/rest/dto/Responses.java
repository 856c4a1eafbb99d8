package se.socialfund.adapters.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.adapters.rest.dto.StepRequests.CriterionResultDto;
import se.socialfund.adapters.rest.dto.StepRequests.EconomicEvaluationDto;
import se.socialfund.adapters.rest.dto.StepRequests.InstallmentDto;
import se.socialfund.adapters.rest.dto.StepRequests.MeasurementDto;
import se.socialfund.adapters.rest.dto.StepRequests.CostLineDto;

/** What the API answers. Absent values are left out rather than sent as null. */
public final class Responses {
    private Responses() {
    }

    public record PageDto<T>(List<T> items, String nextCursor) {
    }

    public record PeriodDto(UUID id, String name, LocalDate opensOn, LocalDate closesOn, int year, Instant createdAt) {
    }

    public record ReceiptDto(UUID id, String registrationNumber, UUID periodId, String stage, long version,
                             Instant receivedAt) {
    }

    public record AllowedActionDto(String action, String method, String href) {
    }

    public record RevisionInfoDto(int number, Instant submittedAt, String submittedBy,
                                  Integer answersCompletionRequest) {
    }

    public record RevisionDto(int number, Instant submittedAt, String submittedBy, Integer answersCompletionRequest,
                              ApplicationContentDto content) {
    }

    public record CriteriaAssessmentDto(List<CriterionResultDto> criteria, List<String> remarks, boolean allMet,
                                        Instant assessedAt, String assessedBy) {
    }

    public record CompletionRequestDto(int number, List<String> questions, Instant requestedAt, String requestedBy,
                                       Integer answeredByRevision) {
    }

    public record MunicipalPerspectiveDto(List<String> overallGoals, List<String> agenda2030, String recommendation,
                                          String motivation, Instant addedAt, String addedBy) {
    }

    public record ReviewDto(int number, String comment, Instant addedAt, String addedBy) {
    }

    public record BoardDecisionDto(String outcome, MoneyDto grantedAmount, List<String> conditions,
                                   List<String> reasons, LocalDate meetingDate, String minutesParagraph,
                                   Instant recordedAt, String recordedBy) {
    }

    public record ProjectDto(String projectLeader, String projectPlan, LocalDate startDate,
                             LocalDate plannedEndDate, LocalDate midTermFollowUpDue, LocalDate finalEvaluationDue,
                             Instant reportedAt, String reportedBy) {
    }

    public record CostReportDto(int number, LocalDate asOf, List<CostLineDto> lines, MoneyDto total, String comment,
                                Instant reportedAt, String reportedBy) {
    }

    public record FollowUpDto(String progress, String risks, List<MeasurementDto> measurements,
                              Instant submittedAt, String submittedBy) {
    }

    public record YearlySavingsDto(int year, Map<String, String> perPayer, String total, String discountedTotal) {
    }

    public record EconomicResultDto(MoneyDto investmentCost, List<YearlySavingsDto> years,
                                    Map<String, String> totalPerPayer, String presentValueOfSavings,
                                    String netPresentValue, Integer paybackYear) {
    }

    public record EvaluationDto(String summary, String humanGains, List<MeasurementDto> measurements,
                                EconomicEvaluationDto economics, EconomicResultDto economicResult,
                                Instant submittedAt, String submittedBy) {
    }

    public record LatestDto(LocalDate measuredOn, int n, BigDecimal value) {
    }

    public record AttainmentDto(String indicator, String unit, String direction, BigDecimal baseline,
                                BigDecimal target, LatestDto latest, BigDecimal change,
                                BigDecimal progressTowardTarget, Boolean targetReached, LatestDto controlLatest,
                                BigDecimal controlChange, BigDecimal differenceAgainstControl,
                                BigDecimal improvement) {
    }

    public record ImplementationDecisionDto(String outcome, String financing, String committee, LocalDate decidedOn,
                                            String reference, String motivation, Instant recordedAt,
                                            String recordedBy) {
    }

    public record WithdrawalDto(String reason, Instant withdrawnAt, String withdrawnBy) {
    }

    public record TerminationDto(String reason, LocalDate endedOn, Instant recordedAt, String recordedBy) {
    }

    public record RepaymentPlanDto(List<InstallmentDto> installments, MoneyDto total, Instant setAt, String setBy) {
    }

    public record ApplicationDto(
            UUID id,
            String registrationNumber,
            String stage,
            long version,
            UUID periodId,
            Instant receivedAt,
            Instant updatedAt,
            String title,
            String leadOffice,
            List<String> offices,
            RevisionInfoDto revision,
            ApplicationContentDto content,
            CriteriaAssessmentDto criteriaAssessment,
            List<CompletionRequestDto> completionRequests,
            MunicipalPerspectiveDto municipalPerspective,
            List<ReviewDto> reviews,
            BoardDecisionDto boardDecision,
            ProjectDto project,
            List<CostReportDto> costReports,
            MoneyDto spentAmount,
            FollowUpDto followUp,
            EvaluationDto evaluation,
            List<AttainmentDto> attainment,
            boolean smallGroupsSuppressed,
            ImplementationDecisionDto implementationDecision,
            WithdrawalDto withdrawal,
            TerminationDto termination,
            RepaymentPlanDto repaymentPlan,
            MoneyDto releasedAmount,
            List<AllowedActionDto> allowedActions,
            ApplicationOriginDto origin) {
    }

    /** The idea an application was made from (issue 16): shown on the application read by id. */
    public record ApplicationOriginDto(UUID ideaId, String ideaRegistrationNumber, String href,
                                       List<PartnerDto> externalPartners) {
    }

    public record PartnerDto(String name, String organisationNumber) {
    }

    public record ApplicationSummaryDto(UUID id, String registrationNumber, String title, String stage, long version,
                                        String leadOffice, List<String> offices, UUID periodId,
                                        MoneyDto requestedAmount, MoneyDto grantedAmount, Instant receivedAt,
                                        Instant updatedAt) {
    }

    public record HistoryEventDto(String type, Instant at, String actorName, String actorRole, String actorOffice,
                                  String stageBefore, String stageAfter, long version, Map<String, String> details) {
    }

    public record StepResultDto(UUID id, long version, String href) {
    }

    public record FundDto(LocalDate asOf, MoneyDto capital, MoneyDto committed, MoneyDto returned,
                          MoneyDto available) {
    }

    public record LedgerEntryDto(long position, String kind, LocalDate entryDate, MoneyDto amount, String reference,
                                 UUID applicationId, String registrationNumber, String committee, Integer year,
                                 String note, Instant recordedAt, String recordedBy) {
    }

    public record AuditEventDto(long sequence, Instant occurredAt, String requestId, String actorSubject,
                                String actorName, List<String> actorRoles, String actorOffice, String clientId,
                                String action, String outcome, String objectType, String objectId,
                                String registrationNumber, Long versionBefore, Long versionAfter,
                                String previousHash, String hash, String contentSha256) {
    }

    public record VerificationDto(boolean intact, long checkedEvents, Long firstBrokenSequence, String problem,
                                  String lastHash) {
    }

    public record ApiInfoDto(String name, String description, String version, String build, Map<String, String> contact,
                             String apiSpecification, String documentation, String status) {
    }
}

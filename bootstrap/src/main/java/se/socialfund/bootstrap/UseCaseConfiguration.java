package se.socialfund.bootstrap;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.CurrentCaller;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.IdempotencyKeys;
import se.socialfund.application.port.out.MunicipalGoals;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.usecase.ApplicationLifecycleService;
import se.socialfund.application.usecase.ApplicationPeriodService;
import se.socialfund.application.usecase.ApplicationQueryService;
import se.socialfund.application.usecase.AuditQueryService;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.FollowUpQueryService;
import se.socialfund.application.usecase.FundService;
import se.socialfund.application.usecase.SubmitApplicationService;
import se.socialfund.application.port.out.event.EventOutbox;
import se.socialfund.application.port.out.webhook.WebhookEndpoints;
import se.socialfund.application.port.out.webhook.WebhookTransport;
import se.socialfund.application.usecase.event.EventFeedService;
import se.socialfund.application.usecase.event.EventPublishingAuditTrail;
import se.socialfund.application.usecase.task.TaskQueryService;
import se.socialfund.application.usecase.webhook.WebhookService;
import se.socialfund.application.usecase.webhook.WebhookSettings;
import se.socialfund.domain.webhook.RetryPolicy;

/**
 * Wires the use cases, plain classes without framework annotations, as beans. Transactions are theirs to open
 * (through the {@link UnitOfWork} port), so no interceptor is needed on these beans.
 */
public class UseCaseConfiguration {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    MunicipalGoals municipalGoals(@ConfigProperty(name = "socialfund.overall-goals") List<String> goals) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (String goal : goals) {
            int colon = goal.indexOf(':');
            byCode.put(goal.substring(0, colon).trim(), goal.substring(colon + 1).trim());
        }
        Map<String, String> frozen = Map.copyOf(byCode);
        return () -> frozen;
    }

    @Produces
    @Singleton
    AuditedChanges auditedChanges(UnitOfWork unitOfWork, AuditTrail auditTrail, CurrentCaller caller, Clock clock,
                                  ZoneId zone, EventOutbox outbox) {
        // the event feed's outbox is written with each change's audit event (issue 17, EventPublishingAuditTrail)
        return new AuditedChanges(unitOfWork, new EventPublishingAuditTrail(auditTrail, outbox), caller, clock, zone);
    }

    /** The municipality's time zone, written once in the configuration (socialfund.time-zone). */
    @Produces
    @Singleton
    ZoneId municipalityZone(@ConfigProperty(name = "socialfund.time-zone", defaultValue = "Europe/Stockholm")
                            String zone) {
        return ZoneId.of(zone);
    }

    @Produces
    @Singleton
    ApplicationPeriodService periods(AuditedChanges changes, ApplicationPeriods periods) {
        return new ApplicationPeriodService(changes, periods);
    }

    @Produces
    @Singleton
    SubmitApplicationService submit(AuditedChanges changes, ApplicationRepository applications,
                                    ApplicationPeriods periods, RegistrationNumbers numbers,
                                    IdempotencyKeys idempotencyKeys) {
        return new SubmitApplicationService(changes, applications, periods, numbers, idempotencyKeys);
    }

    @Produces
    @Singleton
    ApplicationQueryService queries(AuditedChanges changes, ApplicationRepository applications) {
        return new ApplicationQueryService(changes, applications);
    }

    @Produces
    @Singleton
    ApplicationLifecycleService lifecycle(AuditedChanges changes, ApplicationRepository applications,
                                          FundRepository fund, MunicipalGoals goals) {
        return new ApplicationLifecycleService(changes, applications, fund, goals);
    }

    @Produces
    @Singleton
    FundService fund(AuditedChanges changes, FundRepository fund, ApplicationRepository applications) {
        return new FundService(changes, fund, applications);
    }

    @Produces
    @Singleton
    FollowUpQueryService followUp(AuditedChanges changes, ApplicationRepository applications,
                                  ApplicationPeriods periods, FundRepository fund, UnitOfWork unitOfWork,
                                  se.socialfund.application.usecase.board.GuidelineReviewService guideline,
                                  se.socialfund.application.usecase.aim.LongTermAimService aim) {
        // the guideline's review is owed like the investments' reports, the annual report shows the long-term aim
        // (issue 21)
        return new FollowUpQueryService(changes, applications, periods, fund, unitOfWork, guideline::owed,
                aim::aimOf);
    }

    @Produces
    @Singleton
    AuditQueryService audit(AuditedChanges changes, AuditTrail trail) {
        return new AuditQueryService(changes, trail);
    }

    // ---- the event feed, webhooks and the work queue (issue 17) ------------------------------------------------

    @Produces
    @Singleton
    EventFeedService eventFeed(AuditedChanges changes, EventOutbox outbox, UnitOfWork unitOfWork, Clock clock,
                               @ConfigProperty(name = "socialfund.events.retention") java.time.Duration retention) {
        return new EventFeedService(changes, outbox, unitOfWork, clock, retention);
    }

    @Produces
    @Singleton
    TaskQueryService tasks(AuditedChanges changes, se.socialfund.application.port.out.task.WorkQueue queue,
                           se.socialfund.application.port.out.idea.IdeaQueue ideas,
                           @ConfigProperty(name = "socialfund.ideas.screening-days", defaultValue = "60")
                           int screeningDays) {
        // the ideas waiting for the caller join the queue (issue 16)
        return new TaskQueryService(changes, queue, ideas, screeningDays);
    }

    @Produces
    @Singleton
    WebhookService webhooks(AuditedChanges changes, WebhookEndpoints endpoints, WebhookTransport transport,
                            UnitOfWork unitOfWork, Clock clock,
                            @ConfigProperty(name = "socialfund.webhooks.allow-loopback") boolean allowLoopback,
                            @ConfigProperty(name = "socialfund.webhooks.rotation-overlap") java.time.Duration overlap,
                            @ConfigProperty(name = "socialfund.webhooks.retry.first") java.time.Duration first,
                            @ConfigProperty(name = "socialfund.webhooks.retry.max") java.time.Duration max,
                            @ConfigProperty(name = "socialfund.webhooks.retry.give-up-after")
                            java.time.Duration giveUpAfter,
                            @ConfigProperty(name = "socialfund.webhooks.lease") java.time.Duration lease,
                            @ConfigProperty(name = "socialfund.webhooks.messages-per-round") int messagesPerRound) {
        return new WebhookService(changes, endpoints, transport, unitOfWork, clock, new WebhookSettings(
                allowLoopback, overlap, new RetryPolicy(first, max, giveUpAfter), lease, messagesPerRound));
    }

    // ---- outcomes contracts (sociala utfallskontrakt) ----------------------------------------------------------

    @Produces
    @Singleton
    se.socialfund.application.usecase.outcomes.OutcomesContractService outcomesContracts(AuditedChanges changes,
            se.socialfund.application.port.out.outcomes.OutcomesContracts contracts) {
        return new se.socialfund.application.usecase.outcomes.OutcomesContractService(changes, contracts);
    }

    // ---- the board's meeting and the yearly account (issue 21) -------------------------------------------------

    @Produces
    @Singleton
    se.socialfund.application.usecase.board.BoardMeetingService boardMeeting(AuditedChanges changes,
            ApplicationPeriods periods, ApplicationRepository applications, FundRepository fund,
            se.socialfund.application.port.out.board.BoardDecisionKeys keys) {
        return new se.socialfund.application.usecase.board.BoardMeetingService(changes, periods, applications, fund,
                keys);
    }

    @Produces
    @Singleton
    se.socialfund.application.usecase.board.GuidelineReviewService guidelineReviews(AuditedChanges changes,
            se.socialfund.application.port.out.board.GuidelineReviews reviews,
            @ConfigProperty(name = "socialfund.guideline-review.due-after-term-start", defaultValue = "P3Y")
            java.time.Period dueAfter) {
        return new se.socialfund.application.usecase.board.GuidelineReviewService(changes, reviews, dueAfter);
    }

    @Produces
    @Singleton
    se.socialfund.application.usecase.board.DecisionMemoService decisionMemo(AuditedChanges changes,
            ApplicationPeriods periods, ApplicationRepository applications, FundRepository fund, MunicipalGoals goals,
            se.socialfund.application.port.out.board.MemoPriorities priorities,
            se.socialfund.application.port.out.board.PdfRenderer renderer,
            se.socialfund.application.port.out.board.PeriodCases cases,
            se.socialfund.application.port.out.RegistrationNumbers numbers,
            se.socialfund.application.port.out.document.DocumentRepository documents,
            se.socialfund.application.port.out.document.ContentStore contents) {
        return new se.socialfund.application.usecase.board.DecisionMemoService(changes, periods, applications, fund,
                goals, priorities, renderer, cases, numbers, documents,
                new se.socialfund.application.usecase.document.DocumentRegistry(documents, contents));
    }

    @Produces
    @Singleton
    se.socialfund.application.port.out.board.PdfRenderer pdfRenderer() {
        return new se.socialfund.adapters.content.board.PdfA2bRenderer();
    }

    @Produces
    @Singleton
    se.socialfund.application.usecase.board.AnnualReportDocumentService annualReportDocument(
            FollowUpQueryService followUp, se.socialfund.application.port.out.board.PdfRenderer renderer) {
        return new se.socialfund.application.usecase.board.AnnualReportDocumentService(followUp, renderer);
    }

    @Produces
    @Singleton
    se.socialfund.application.usecase.aim.LongTermAimService longTermAim(AuditedChanges changes,
            se.socialfund.application.port.out.aim.LongTermAims aims, ApplicationRepository applications) {
        return new se.socialfund.application.usecase.aim.LongTermAimService(changes, aims, applications);
    }

    // ---- publication: the public page's data and the open data exports (issue 15) ---------------------------------

    @Produces
    @Singleton
    se.socialfund.application.usecase.publication.PublicationService publication(UnitOfWork unitOfWork,
            se.socialfund.application.port.out.publication.PublishedRecords records, FundRepository fund,
            se.socialfund.application.port.out.document.ContentStore contents,
            @ConfigProperty(name = "socialfund.open-data.360giving.prefix") java.util.Optional<String> prefix,
            @ConfigProperty(name = "socialfund.open-data.funder.org-id") java.util.Optional<String> funderOrgId,
            @ConfigProperty(name = "socialfund.open-data.funder.name") String funderName,
            @ConfigProperty(name = "socialfund.open-data.funder.department") String funderDepartment,
            @ConfigProperty(name = "socialfund.open-data.recipient.org-id") java.util.Optional<String> recipientOrgId,
            @ConfigProperty(name = "socialfund.open-data.recipient.name") java.util.Optional<String> recipientName,
            @ConfigProperty(name = "socialfund.open-data.programme.code") String programmeCode,
            @ConfigProperty(name = "socialfund.open-data.programme.title") String programmeTitle,
            @ConfigProperty(name = "socialfund.open-data.public-base-url") java.util.Optional<String> baseUrl,
            @ConfigProperty(name = "socialfund.open-data.license") String license) {
        // the offices are departments of the municipality that funds them: the recipient is the funder unless set
        return new se.socialfund.application.usecase.publication.PublicationService(unitOfWork, records, fund,
                contents, new se.socialfund.application.port.in.publication.PublicationQueries.OpenData.Settings(
                        prefix.orElse(null), funderOrgId.orElse(null), funderName, funderDepartment,
                        recipientOrgId.or(() -> funderOrgId).orElse(null), recipientName.orElse(funderName),
                        programmeCode, programmeTitle, baseUrl.orElse(null), license));
    }

    // ---- ideas (idéprövning) -----------------------------------------------------------------------------------

    @Produces
    @Singleton
    se.socialfund.application.usecase.idea.IdeaService ideas(AuditedChanges changes,
            se.socialfund.application.port.out.idea.IdeaRepository ideas, RegistrationNumbers numbers,
            IdempotencyKeys idempotencyKeys, ApplicationPeriods periods,
            se.socialfund.application.usecase.SubmissionWithinChange submitApplication,
            @ConfigProperty(name = "socialfund.ideas.screening-days", defaultValue = "60") int screeningDays) {
        return new se.socialfund.application.usecase.idea.IdeaService(changes, ideas, numbers, idempotencyKeys,
                periods, submitApplication, screeningDays);
    }
}

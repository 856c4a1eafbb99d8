package se.socialfund.application.usecase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.ApplicationStepUseCases.StepCommand;
import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CompletionRequest;
import se.socialfund.domain.application.CostReport;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.ProjectStart;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.fund.LedgerEntry;
import se.socialfund.domain.fund.LedgerEntryKind;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.application.usecase.World.*;

class ApplicationLifecycleServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final World world = World.on(DAY).withPeriodAround(DAY);
    private UUID id;

    private long version() {
        return world.applications.stored(id).version();
    }

    private ApplicationSnapshot stored() {
        return world.applications.stored(id);
    }

    private List<LedgerEntry> entries(LedgerEntryKind kind) {
        return world.fund.entries().stream().filter(e -> e.kind() == kind).toList();
    }

    // ---- the steps, each as the person who takes it, a day after the previous one -----------------------------------

    private void received() {
        id = world.submitted(LEAD, PARTNER).applicationId();
    }

    private ApplicationView criteriaChecked() {
        world.nextDay();
        return world.as(fundOfficer()).lifecycle.assessCriteria(new StepCommand<>(id, version(),
                new CriteriaAssessment.Draft(allCriteriaMet(), List.of())));
    }

    private ApplicationView completionRequested() {
        world.nextDay();
        return world.as(fundOfficer()).lifecycle.requestCompletion(new StepCommand<>(id, version(),
                new CompletionRequest.Draft(List.of("How is the control group chosen?"))));
    }

    private ApplicationView revised() {
        LocalDate today = world.nextDay();
        ApplicationContent base = content(today, LEAD, PARTNER);
        ApplicationContent revised = new ApplicationContent("Revised", base.currentSituation(), base.intervention(),
                base.targetGroup(), base.goals(), base.activityPlan(), base.budget(), base.plans(), base.offices(),
                new ApplicationContent.Approval("Head of " + LEAD, today), base.committeesInformed());
        return world.as(officeHead(LEAD)).lifecycle.submitRevision(new StepCommand<>(id, version(), revised));
    }

    private ApplicationView readyForDecision() {
        world.nextDay();
        return world.as(fundOfficer()).lifecycle.addMunicipalPerspective(new StepCommand<>(id,
                version(), new MunicipalPerspective.Draft(List.of("safe-childhood"), List.of("16.2"),
                Recommendation.GRANT, "Fits the goals")));
    }

    private ApplicationView reviewed() {
        world.nextDay();
        return world.as(advisor()).lifecycle.addReview(new StepCommand<>(id, version(), "Match the groups"));
    }

    private ApplicationView granted(String amount) {
        LocalDate today = world.nextDay();
        return world.as(fundOfficer()).lifecycle.recordBoardDecision(new StepCommand<>(id, version(),
                new BoardDecision.Draft(Outcome.GRANTED, Money.of(amount), List.of(), List.of(), today, "§ 123")));
    }

    private ApplicationView started() {
        LocalDate today = world.nextDay();
        return world.as(applicant(LEAD)).lifecycle.startProject(new StepCommand<>(id, version(),
                new ProjectStart.Draft("Leader", "Plan v1", today, today.plusYears(2))));
    }

    private ApplicationView costsReported(String total) {
        LocalDate today = world.nextDay();
        return world.as(applicant(LEAD)).lifecycle.reportCosts(new StepCommand<>(id, version(),
                new CostReport.Draft(today, List.of(new CostLine(today.getYear(), CostCategory.PERSONNEL,
                        Money.of(total))), null)));
    }

    private ApplicationView followedUp() {
        LocalDate today = world.nextDay();
        return world.as(applicant(LEAD)).lifecycle.submitFollowUp(new StepCommand<>(id, version(),
                new FollowUp.Draft("On plan", "Turnover", List.of(new Measurement("placements",
                        Measurement.Group.TARGET, today, 30, new BigDecimal("35"))))));
    }

    private ApplicationView terminated() {
        LocalDate today = world.nextDay();
        return world.as(fundOfficer()).lifecycle.terminate(new StepCommand<>(id, version(),
                new Termination.Draft("Not staffed", today)));
    }

    private ApplicationView evaluated() {
        world.nextDay();
        return world.as(officeHead(LEAD)).lifecycle.submitEvaluation(new StepCommand<>(id, version(),
                new Evaluation.Draft("Fewer placements", "Children stay home", List.of(), null)));
    }

    private ApplicationView closed() {
        LocalDate today = world.nextDay();
        return world.as(fundOfficer()).lifecycle.recordImplementationDecision(new StepCommand<>(
                id, version(), new ImplementationDecision.Draft(ImplementationDecision.Outcome.IMPLEMENT,
                ImplementationDecision.Financing.REPRIORITISATION, "Barn- och ungdomsnämnden", today, "BUN § 12",
                "It works")));
    }

    private void readyForTheBoard() {
        received();
        criteriaChecked();
        readyForDecision();
    }

    // ---- the tests ----------------------------------------------------------------------------------------------------

    @Test
    void a_grant_commits_the_money_in_the_fund_citing_the_boards_minutes() {
        world.fund.withCapital("40000000");
        readyForTheBoard();

        ApplicationView view = granted("1000000");

        assertThat(view.application().stage()).isEqualTo(Stage.GRANTED);
        assertThat(stored().stage()).isEqualTo(Stage.GRANTED);
        assertThat(world.fund.balance().committed()).isEqualTo(Money.of("1000000"));
        assertThat(world.fund.balance().available()).isEqualTo(Money.of("39000000"));
        assertThat(entries(LedgerEntryKind.COMMITMENT)).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("1000000"));
            assertThat(e.applicationId()).isEqualTo(id);
            assertThat(e.registrationNumber()).isEqualTo("KS 2026/0001");
            assertThat(e.reference()).isEqualTo("KS " + world.today() + " § 123");
            assertThat(e.entryDate()).isEqualTo(world.today());
        });
    }

    @Test
    void a_grant_the_fund_cannot_cover_is_refused_with_what_is_available_and_changes_neither_fund_nor_application() {
        world.fund.withCapital("500000");
        readyForTheBoard();
        ApplicationSnapshot before = stored();
        int auditBefore = world.audit.size();
        int historyBefore = world.applications.history(id).size();

        FundExhausted refused = catchThrowableOfType(FundExhausted.class, () -> granted("1000000"));

        assertThat(refused.available()).isEqualTo(Money.of("500000"));
        assertThat(stored()).isEqualTo(before);
        assertThat(world.applications.history(id)).hasSize(historyBefore);
        assertThat(world.fund.entries()).hasSize(1);
        assertThat(world.fund.balance().available()).isEqualTo(Money.of("500000"));
        assertThat(world.audit.size()).isEqualTo(auditBefore);
    }

    @Test
    void a_decline_moves_no_money() {
        world.fund.withCapital("40000000");
        readyForTheBoard();

        world.nextDay();
        world.as(fundOfficer()).lifecycle.recordBoardDecision(new StepCommand<>(id, version(),
                new BoardDecision.Draft(Outcome.DECLINED, null, List.of(), List.of("Other priorities"), world.today(),
                        "§ 124")));

        assertThat(stored().stage()).isEqualTo(Stage.DECLINED);
        assertThat(world.fund.entries()).hasSize(1);
        assertThat(world.fund.locks()).isZero();
    }

    @Test
    void closing_an_investment_returns_what_it_did_not_spend() {
        world.fund.withCapital("40000000");
        readyForTheBoard();
        granted("1000000");
        started();
        costsReported("600000");
        followedUp();
        evaluated();

        ApplicationView view = closed();

        assertThat(view.application().stage()).isEqualTo(Stage.CLOSED);
        assertThat(entries(LedgerEntryKind.RELEASE)).singleElement().satisfies(e -> {
            assertThat(e.amount()).isEqualTo(Money.of("400000"));
            assertThat(e.applicationId()).isEqualTo(id);
            assertThat(e.reference()).isEqualTo("BUN § 12");
            assertThat(e.entryDate()).isEqualTo(world.today());
        });
        assertThat(stored().releasedAmount()).isEqualTo(Money.of("400000"));
        assertThat(world.fund.balance().available()).isEqualTo(Money.of("39400000"));
    }

    @Test
    void a_terminated_project_returns_its_unspent_money_once_and_closing_it_later_returns_nothing_more() {
        world.fund.withCapital("40000000");
        readyForTheBoard();
        granted("1000000");
        started();
        costsReported("250000");

        terminated();
        assertThat(entries(LedgerEntryKind.RELEASE)).extracting(LedgerEntry::amount)
                .containsExactly(Money.of("750000"));

        evaluated();
        closed();
        assertThat(entries(LedgerEntryKind.RELEASE)).hasSize(1);
        assertThat(stored().releasedAmount()).isEqualTo(Money.of("750000"));
        assertThat(world.fund.balance().available()).isEqualTo(Money.of("39750000"));
    }

    @Test
    void a_fully_spent_grant_returns_nothing_on_closing() {
        world.fund.withCapital("40000000");
        readyForTheBoard();
        granted("1000000");
        started();
        costsReported("1000000");
        followedUp();
        evaluated();

        closed();

        assertThat(entries(LedgerEntryKind.RELEASE)).isEmpty();
        assertThat(stored().releasedAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void another_offices_applicant_is_told_not_found_and_the_attempt_is_audited_as_denied() {
        received();
        ApplicationSnapshot before = stored();

        assertThatThrownBy(() -> world.as(applicant(OTHER)).lifecycle.withdraw(new StepCommand<>(id, 1, "Mine now")))
                .isInstanceOf(NotFound.class).hasMessageNotContaining("KS 2026");

        assertThat(stored()).isEqualTo(before);
        AuditRecord denied = world.audit.last();
        assertThat(denied.outcome()).isEqualTo(AuditRecord.Outcome.DENIED);
        assertThat(denied.action()).isEqualTo("withdrawApplication");
        assertThat(denied.actorSubject()).isEqualTo(applicant(OTHER).subject());
        assertThat(denied.objectId()).isEqualTo(id.toString());
        assertThat(denied.registrationNumber()).isEqualTo("KS 2026/0001");
        assertThat(denied.versionBefore()).isEqualTo(1L);
        assertThat(denied.versionAfter()).isNull();
    }

    @Test
    void an_unknown_application_is_not_found_and_nothing_is_audited() {
        world.as(fundOfficer());

        assertThatThrownBy(() -> world.lifecycle.withdraw(new StepCommand<>(UUID.randomUUID(), 1, "x")))
                .isInstanceOf(NotFound.class);
        assertThat(world.audit.size()).isZero();
    }

    @Test
    void a_step_the_callers_role_does_not_allow_is_refused_and_audited_as_denied() {
        received();

        assertThatThrownBy(() -> world.as(applicant(LEAD)).lifecycle.assessCriteria(new StepCommand<>(id, 1,
                new CriteriaAssessment.Draft(allCriteriaMet(), List.of())))).isInstanceOf(AccessDenied.class);

        assertThat(stored().stage()).isEqualTo(Stage.RECEIVED);
        assertThat(world.audit.last().outcome()).isEqualTo(AuditRecord.Outcome.DENIED);
        assertThat(world.audit.last().action()).isEqualTo("assessCriteria");
    }

    @Test
    void a_step_on_a_version_someone_else_has_changed_is_refused_without_change_or_audit() {
        received();
        criteriaChecked();
        int auditBefore = world.audit.size();
        ApplicationSnapshot before = stored();

        StaleVersion stale = catchThrowableOfType(StaleVersion.class, () -> world.as(fundOfficer()).lifecycle
                .requestCompletion(new StepCommand<>(id, 1, new CompletionRequest.Draft(List.of("Question")))));

        assertThat(stale.currentVersion()).isEqualTo(2);
        assertThat(stored()).isEqualTo(before);
        assertThat(world.audit.size()).isEqualTo(auditBefore);
    }

    @Test
    void a_step_with_broken_content_is_refused_without_change_or_audit() {
        received();
        criteriaChecked();
        int auditBefore = world.audit.size();

        assertThatThrownBy(() -> world.as(fundOfficer()).lifecycle.addMunicipalPerspective(
                new StepCommand<>(id, version(), new MunicipalPerspective.Draft(
                        List.of("world-peace"), List.of("1"), Recommendation.GRANT, "Why"))))
                .isInstanceOf(RuleViolation.class);

        assertThat(stored().stage()).isEqualTo(Stage.CRITERIA_CHECKED);
        assertThat(world.audit.size()).isEqualTo(auditBefore);
    }

    @Test
    void every_successful_step_appends_exactly_one_audit_record_with_the_versions_before_and_after() {
        world.fund.withCapital("40000000");
        received();
        List<Step> steps = List.of(
                step("assessCriteria", fundOfficer().subject(), this::criteriaChecked),
                step("requestCompletion", fundOfficer().subject(), this::completionRequested),
                step("submitRevision", officeHead(LEAD).subject(), this::revised),
                step("addMunicipalPerspective", fundOfficer().subject(), this::readyForDecision),
                step("addReview", advisor().subject(), this::reviewed),
                step("recordBoardDecision", fundOfficer().subject(), () -> granted("1000000")),
                step("startProject", applicant(LEAD).subject(), this::started),
                step("reportCosts", applicant(LEAD).subject(), () -> costsReported("100000")),
                step("submitFollowUp", applicant(LEAD).subject(), this::followedUp),
                step("submitEvaluation", officeHead(LEAD).subject(), this::evaluated),
                step("recordImplementationDecision", fundOfficer().subject(), this::closed));

        for (Step step : steps) {
            long versionBefore = version();
            int recordsBefore = world.audit.size();
            ApplicationView view = step.run().get();

            assertThat(world.audit.size()).as(step.action()).isEqualTo(recordsBefore + 1);
            AuditRecord record = world.audit.last();
            assertThat(record.action()).isEqualTo(step.action());
            assertThat(record.outcome()).isEqualTo(AuditRecord.Outcome.SUCCEEDED);
            assertThat(record.actorSubject()).isEqualTo(step.subject());
            assertThat(record.objectType()).isEqualTo("application");
            assertThat(record.objectId()).isEqualTo(id.toString());
            assertThat(record.registrationNumber()).isEqualTo("KS 2026/0001");
            assertThat(record.versionBefore()).as(step.action()).isEqualTo(versionBefore);
            assertThat(record.versionAfter()).as(step.action()).isEqualTo(versionBefore + 1);
            assertThat(record.occurredAt()).isEqualTo(World.noon(world.today()));
            assertThat(view.application().version()).isEqualTo(versionBefore + 1);
        }

        assertThat(stored().stage()).isEqualTo(Stage.CLOSED);
        assertThat(world.applications.history(id)).hasSize((int) version());
        assertThat(world.applications.revisions(id)).extracting(r -> r.number()).containsExactly(1, 2);
        assertThat(world.audit.verify().intact()).isTrue();
        assertThat(world.audit.verify().checked()).isEqualTo(12);
    }

    private record Step(String action, String subject, Supplier<ApplicationView> run) {
    }

    private static Step step(String action, String subject, Supplier<ApplicationView> run) {
        return new Step(action, subject, run);
    }

    @Test
    void the_answer_shows_the_steps_the_caller_may_take_next() {
        received();

        ApplicationView view = criteriaChecked();

        assertThat(view.allowedActions()).containsExactlyInAnyOrder(Action.REQUEST_COMPLETION,
                Action.ADD_MUNICIPAL_PERSPECTIVE);
    }
}

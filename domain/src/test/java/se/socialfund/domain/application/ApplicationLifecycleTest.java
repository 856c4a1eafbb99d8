package se.socialfund.domain.application;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.domain.application.Action.*;
import static se.socialfund.domain.application.Fixtures.*;

class ApplicationLifecycleTest {

    /** A grant that is wrong in every way: too much, no meeting date, no minutes paragraph. */
    private static final BoardDecision.Draft BAD_GRANT = new BoardDecision.Draft(Outcome.GRANTED,
            Money.of("99999999"), List.of(), List.of(), null, "x");

    /** The snapshot with another investment, as persistence could hand it back. */
    private static ApplicationSnapshot withInvestment(ApplicationSnapshot s, Investment investment) {
        return stored(s, s.stage(), investment);
    }

    /** The snapshot in another stage with another investment, as a broken store could hand it back. */
    private static ApplicationSnapshot stored(ApplicationSnapshot s, Stage stage, Investment investment) {
        return new ApplicationSnapshot(s.id(), s.registrationNumber(), s.periodId(), stage, s.version(),
                s.receivedAt(), s.updatedAt(), s.submittedBy(), s.currentRevision(), s.reviews(), s.assessment(),
                investment);
    }

    private static void assertStep(Application app, Stage stage, long version, EventType type, Stage before) {
        assertThat(app.stage()).isEqualTo(stage);
        assertThat(app.version()).isEqualTo(version);
        assertThat(app.newEvents()).hasSize((int) version);
        ApplicationEvent last = app.newEvents().get(app.newEvents().size() - 1);
        assertThat(last.type()).isEqualTo(type);
        assertThat(last.version()).isEqualTo(version);
        assertThat(last.stageBefore()).isEqualTo(before);
        assertThat(last.stageAfter()).isEqualTo(stage);
    }

    @Test
    void a_granted_application_runs_through_every_step_to_its_closing_one_version_and_one_event_at_a_time() {
        Journey j = Journey.received();
        Application app = j.app;
        assertStep(app, Stage.RECEIVED, 1, EventType.RECEIVED, null);
        assertThat(app.registrationNumber()).hasToString("KS 2026/0648");
        assertThat(app.newRevision()).hasValueSatisfying(r -> assertThat(r.number()).isEqualTo(1));

        j.criteriaChecked();
        assertStep(app, Stage.CRITERIA_CHECKED, 2, EventType.CRITERIA_ASSESSED, Stage.RECEIVED);
        j.completionRequested();
        assertStep(app, Stage.COMPLETION_REQUESTED, 3, EventType.COMPLETION_REQUESTED, Stage.CRITERIA_CHECKED);
        j.revised();
        assertStep(app, Stage.CRITERIA_CHECKED, 4, EventType.REVISION_SUBMITTED, Stage.COMPLETION_REQUESTED);
        j.readyForDecision();
        assertStep(app, Stage.READY_FOR_DECISION, 5, EventType.MUNICIPAL_PERSPECTIVE_ADDED, Stage.CRITERIA_CHECKED);
        app.addReview("The control group should be matched", j.step(advisor(), 5));
        assertStep(app, Stage.READY_FOR_DECISION, 6, EventType.REVIEW_ADDED, Stage.READY_FOR_DECISION);
        j.granted(Money.of("1200000.00"));
        assertStep(app, Stage.GRANTED, 7, EventType.BOARD_DECISION_RECORDED, Stage.READY_FOR_DECISION);
        j.started();
        assertStep(app, Stage.IN_IMPLEMENTATION, 8, EventType.PROJECT_STARTED, Stage.GRANTED);
        j.costsReported("300000.00");
        assertStep(app, Stage.IN_IMPLEMENTATION, 9, EventType.COSTS_REPORTED, Stage.IN_IMPLEMENTATION);
        j.followedUp();
        assertStep(app, Stage.FOLLOWED_UP, 10, EventType.FOLLOW_UP_SUBMITTED, Stage.IN_IMPLEMENTATION);
        j.evaluated();
        assertStep(app, Stage.EVALUATED, 11, EventType.EVALUATION_SUBMITTED, Stage.FOLLOWED_UP);
        j.closed();
        assertStep(app, Stage.CLOSED, 12, EventType.IMPLEMENTATION_DECISION_RECORDED, Stage.EVALUATED);

        assertThat(app.newEvents()).extracting(ApplicationEvent::version)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
        assertThat(app.snapshot().grantedAmount()).isEqualTo(Money.of("1200000.00"));
        assertThat(app.snapshot().spentAmount()).isEqualTo(Money.of("300000.00"));
        // closing gave back what was not spent
        assertThat(app.snapshot().releasedAmount()).isEqualTo(Money.of("900000.00"));
        assertThat(app.snapshot().unspentAmount()).isEqualTo(Money.ZERO);
        assertThat(possibleActions(app)).isEmpty();
    }

    @Test
    void the_events_say_who_acted_in_which_capacity_and_a_few_facts() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted(Money.of("1000000.00"));

        ApplicationEvent received = j.app.newEvents().get(0);
        assertThat(received.actorSubject()).isEqualTo(applicant(LEAD).subject());
        assertThat(received.actorRole()).isEqualTo("applicant");
        assertThat(received.actorOffice()).isEqualTo(LEAD);
        assertThat(received.details()).containsEntry("registrationNumber", "KS 2026/0648");
        ApplicationEvent decision = j.app.newEvents().get(3);
        assertThat(decision.actorRole()).isEqualTo("fund-officer");
        assertThat(decision.details()).containsEntry("outcome", "GRANTED")
                .containsEntry("grantedAmount", "1000000.00")
                .containsEntry("minutes", "KS " + j.today() + " § 123");
    }

    @Test
    void a_revision_answers_the_completion_request_and_keeps_the_earlier_revision_numbered() {
        Journey j = Journey.received().criteriaChecked().completionRequested().revised();

        assertThat(j.app.snapshot().currentRevision().number()).isEqualTo(2);
        assertThat(j.app.snapshot().currentRevision().answersCompletionRequest()).isEqualTo(1);
        assertThat(j.app.snapshot().content().title()).isEqualTo("Early support in preschool, revised");
        assertThat(j.app.snapshot().completionRequests()).singleElement().satisfies(r -> {
            assertThat(r.isOpen()).isFalse();
            assertThat(r.answeredByRevision()).isEqualTo(2);
        });
    }

    @Test
    void a_revision_approved_before_the_completion_request_is_refused() {
        Journey j = Journey.received().criteriaChecked().completionRequested();
        LocalDate requestedOn = j.today();
        LocalDate today = j.nextDay();
        ApplicationContent approvedEarlier = content(today).with(c -> c.officeHeadApproval =
                new ApplicationContent.Approval("Head", requestedOn.minusDays(1))).build();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.submitRevision(approvedEarlier,
                j.step(officeHead(LEAD))));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("officeHeadApproval.approvedOn");
        assertThat(j.app.stage()).isEqualTo(Stage.COMPLETION_REQUESTED);
    }

    @Test
    void a_steps_day_is_the_municipalitys_date_of_its_moment() {
        Journey j = Journey.received().criteriaChecked();
        // half past midnight on 4 March in Stockholm, still 3 March in UTC
        j.app.requestCompletion(new CompletionRequest.Draft(List.of("Which control group?")),
                step(fundOfficer(), j.app.version(), java.time.Instant.parse("2026-03-03T23:30:00Z")));
        LocalDate fourth = LocalDate.of(2026, 3, 4);
        ApplicationContent approvedOnTheThird = content(fourth).with(c -> c.officeHeadApproval =
                new ApplicationContent.Approval("Head", fourth.minusDays(1))).build();
        ApplicationContent approvedOnTheFourth = content(fourth).with(c -> c.officeHeadApproval =
                new ApplicationContent.Approval("Head", fourth)).build();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.submitRevision(
                approvedOnTheThird, step(officeHead(LEAD), j.app.version(), fourth)));
        j.app.submitRevision(approvedOnTheFourth, step(officeHead(LEAD), j.app.version(), fourth));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("officeHeadApproval.approvedOn");
        assertThat(refused.violations().get(0).message()).contains("2026-03-04");
        assertThat(j.app.stage()).isEqualTo(Stage.CRITERIA_CHECKED);
    }

    @Nested
    class A_step_is_refused {
        private final Journey j = Journey.received();
        private final Application app = j.app;

        @Test
        void first_for_a_wrong_role_even_when_the_version_the_stage_and_the_content_are_wrong_too() {
            assertThatThrownBy(() -> app.recordBoardDecision(BAD_GRANT, j.step(applicant(LEAD), 42)))
                    .isInstanceOf(AccessDenied.class);
        }

        @Test
        void then_for_a_stale_version_even_when_the_stage_and_the_content_are_wrong() {
            StaleVersion stale = catchThrowableOfType(StaleVersion.class, () -> app.recordBoardDecision(BAD_GRANT,
                    j.step(fundOfficer(), 42)));

            assertThat(stale.currentVersion()).isEqualTo(1);
        }

        @Test
        void then_for_a_wrong_stage_naming_the_stage_and_what_is_possible_even_when_the_content_is_wrong() {
            IllegalTransition illegal = catchThrowableOfType(IllegalTransition.class, () -> app.recordBoardDecision(
                    BAD_GRANT, j.step(fundOfficer(), 1)));

            assertThat(illegal.currentStage()).isEqualTo("RECEIVED");
            assertThat(illegal.allowedActions()).containsExactlyInAnyOrder("ASSESS_CRITERIA", "ADD_REVIEW", "WITHDRAW");
        }

        @Test
        void last_for_the_content_listing_every_broken_rule() {
            j.criteriaChecked().readyForDecision();

            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> app.recordBoardDecision(
                    BAD_GRANT, j.step(fundOfficer())));

            assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                    .containsExactly("meetingDate", "minutesParagraph", "grantedAmount");
        }

        @Test
        void and_a_refused_step_changes_nothing() {
            ApplicationSnapshot before = app.snapshot();

            assertThatThrownBy(() -> app.assessCriteria(new CriteriaAssessment.Draft(allCriteriaMet().subList(0, 3),
                    List.of()), j.step(fundOfficer(), 1))).isInstanceOf(RuleViolation.class);

            assertThat(app.snapshot()).isEqualTo(before);
            assertThat(app.newEvents()).hasSize(1);
        }
    }

    @Test
    void failing_one_criterion_rejects_the_application_with_its_reasons() {
        Journey j = Journey.received();

        j.app.assessCriteria(new CriteriaAssessment.Draft(criteriaFailing(Criterion.TRIES_NEW_METHODS),
                List.of("Similar to an existing project")), j.step(fundOfficer(), 1));

        assertStep(j.app, Stage.REJECTED, 2, EventType.CRITERIA_ASSESSED, Stage.RECEIVED);
        assertThat(j.app.snapshot().criteriaAssessment().allMet()).isFalse();
        assertThat(j.app.snapshot().criteriaAssessment().failureReasons())
                .containsExactly("TRIES_NEW_METHODS: Not shown: TRIES_NEW_METHODS");
        assertThat(j.app.newEvents().get(1).details()).containsEntry("result", "REJECTED");
        assertThat(possibleActions(j.app)).isEmpty();
    }

    @Test
    void the_criteria_check_records_missing_baselines_and_control_groups_with_the_officers_own_remarks() {
        Journey j = Journey.received();

        j.app.assessCriteria(new CriteriaAssessment.Draft(allCriteriaMet(), List.of("Budget is tight")),
                j.step(fundOfficer(), 1));

        assertThat(j.app.snapshot().criteriaAssessment().remarks()).containsExactly(
                "indicator 'attendance' has no control group (kontrollgrupp)", "Budget is tight");
    }

    @Test
    void every_criterion_is_assessed_once() {
        Journey j = Journey.received();
        List<CriteriaAssessment.CriterionResult> twice = List.of(allCriteriaMet().get(0), allCriteriaMet().get(0),
                allCriteriaMet().get(1), allCriteriaMet().get(2));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.assessCriteria(
                new CriteriaAssessment.Draft(twice, List.of()), j.step(fundOfficer(), 1)));

        // four results with one twice leave one criterion out: the repeated one is named
        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("criteria.1.criterion");
        RuleViolation tooFew = catchThrowableOfType(RuleViolation.class, () -> j.app.assessCriteria(
                new CriteriaAssessment.Draft(allCriteriaMet().subList(0, 3), List.of()), j.step(fundOfficer(), 1)));
        assertThat(tooFew.violations()).extracting(RuleViolation.Violation::field).containsExactly("criteria");
        assertThat(j.app.stage()).isEqualTo(Stage.RECEIVED);
    }

    @Test
    void a_declined_application_ends_with_the_boards_reasons_and_no_money() {
        Journey j = Journey.received().criteriaChecked().readyForDecision();

        BoardDecision decision = j.app.recordBoardDecision(new BoardDecision.Draft(Outcome.DECLINED, null,
                List.of(), List.of("Not a priority"), j.nextDay(), "§ 7"), j.step(fundOfficer()));

        assertThat(j.app.stage()).isEqualTo(Stage.DECLINED);
        assertThat(decision.granted()).isFalse();
        assertThat(j.app.snapshot().grantedAmount()).isEqualTo(Money.ZERO);
        assertThat(j.app.snapshot().investment()).isNull();
        assertThat(j.app.snapshot().boardDecision().reasons()).containsExactly("Not a priority");
        assertThat(possibleActions(j.app)).isEmpty();
    }

    @Test
    void a_decline_gives_reasons_and_grants_nothing() {
        Journey j = Journey.received().criteriaChecked().readyForDecision();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.recordBoardDecision(
                new BoardDecision.Draft(Outcome.DECLINED, Money.of("1"), List.of(), List.of(" "), j.today(), "§ 7"),
                j.step(fundOfficer())));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("grantedAmount", "reasons.0");
    }

    @Test
    void a_grant_above_the_requested_sum_is_refused_and_the_requested_sum_itself_is_allowed() {
        Journey j = Journey.received().criteriaChecked().readyForDecision();
        Money oneOreTooMuch = REQUESTED.plus(Money.ofOre(1));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.recordBoardDecision(
                new BoardDecision.Draft(Outcome.GRANTED, oneOreTooMuch, List.of(), List.of(), j.today(), "§ 12"),
                j.step(fundOfficer())));

        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("grantedAmount");
            assertThat(v.message()).contains("1500000.00");
        });
        j.granted(REQUESTED);
        assertThat(j.app.snapshot().grantedAmount()).isEqualTo(REQUESTED);
    }

    @Test
    void a_grant_of_nothing_is_refused() {
        Journey j = Journey.received().criteriaChecked().readyForDecision();

        assertThatThrownBy(() -> j.app.recordBoardDecision(new BoardDecision.Draft(Outcome.GRANTED, Money.ZERO,
                List.of(), List.of(), j.today(), "§ 12"), j.step(fundOfficer()))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_project_cannot_start_before_the_boards_meeting_but_may_start_on_its_day() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted();
        LocalDate meeting = j.app.snapshot().boardDecision().meetingDate();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.startProject(
                new ProjectStart.Draft("Leader", "Plan", meeting.minusDays(1), meeting.plusYears(1)),
                j.step(applicant(LEAD))));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("startDate");
        j.started(meeting);
        assertThat(j.app.snapshot().projectStart().startDate()).isEqualTo(meeting);
    }

    @Test
    void a_project_ends_after_it_starts() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted();
        LocalDate start = j.nextDay();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.startProject(
                new ProjectStart.Draft("Leader", "Plan", start, start), j.step(applicant(LEAD))));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("plannedEndDate");
    }

    @Nested
    class Withdrawal {
        @Test
        void is_possible_in_every_stage_before_the_board_decides() {
            assertThatCode(() -> Journey.received().withdrawn()).doesNotThrowAnyException();
            assertThatCode(() -> Journey.received().criteriaChecked().withdrawn()).doesNotThrowAnyException();
            assertThatCode(() -> Journey.received().criteriaChecked().completionRequested().withdrawn())
                    .doesNotThrowAnyException();
            Journey ready = Journey.received().criteriaChecked().readyForDecision().withdrawn();
            assertThat(ready.app.stage()).isEqualTo(Stage.WITHDRAWN);
            assertThat(ready.app.snapshot().withdrawal().reason()).isEqualTo("Financed in the ordinary budget");
            assertThat(possibleActions(ready.app)).isEmpty();
        }

        @Test
        void is_refused_once_the_board_has_granted() {
            Journey j = Journey.received().criteriaChecked().readyForDecision().granted();

            IllegalTransition refused = catchThrowableOfType(IllegalTransition.class, j::withdrawn);

            assertThat(refused.currentStage()).isEqualTo("GRANTED");
            assertThat(j.app.stage()).isEqualTo(Stage.GRANTED);
        }

        @Test
        void is_refused_for_a_running_project() {
            Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();

            assertThatThrownBy(j::withdrawn).isInstanceOf(IllegalTransition.class);
        }

        @Test
        void is_for_the_applying_offices_only() {
            Journey j = Journey.received();

            assertThatThrownBy(() -> j.app.withdraw("No", j.step(applicant(OTHER), 1)))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> j.app.withdraw("No", j.step(fundOfficer(), 1)))
                    .isInstanceOf(AccessDenied.class);
            j.app.withdraw("We pull out", j.step(applicant(PARTNER), 1));
            assertThat(j.app.stage()).isEqualTo(Stage.WITHDRAWN);
        }
    }

    @Test
    void a_terminated_project_still_owes_and_can_deliver_its_evaluation_and_then_be_closed() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started().terminated();
        assertThat(j.app.stage()).isEqualTo(Stage.TERMINATED);
        assertThat(possibleActions(j.app)).contains(SUBMIT_EVALUATION).doesNotContain(REPORT_COSTS, TERMINATE,
                SUBMIT_FOLLOW_UP);

        j.evaluated();
        assertStep(j.app, Stage.EVALUATED, 7, EventType.EVALUATION_SUBMITTED, Stage.TERMINATED);
        assertThat(j.app.newEvents().get(6).details()).containsEntry("terminatedEarly", "true");

        j.closed();
        assertThat(j.app.stage()).isEqualTo(Stage.CLOSED);
        assertThat(j.app.snapshot().termination().reason()).isEqualTo("Could not be staffed");
    }

    @Test
    void a_termination_cannot_date_the_end_before_the_start() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();
        LocalDate start = j.app.snapshot().projectStart().startDate();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.terminate(
                new Termination.Draft("Stop", start.minusDays(1)), j.step(fundOfficer())));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("endedOn");
    }

    @Test
    void an_evaluation_is_not_possible_before_the_mid_term_follow_up() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();

        assertThatThrownBy(j::evaluated).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void measurements_refer_to_the_applications_indicators_and_a_control_measurement_needs_a_control_group() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();
        List<Measurement> measurements = List.of(
                j.measurement("unknown", Measurement.Group.TARGET, "1"),
                j.measurement("attendance", Measurement.Group.CONTROL, "70"),
                j.measurement("placements", Measurement.Group.CONTROL, "39"),
                j.measurement("placements", Measurement.Group.CONTROL, "38"));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.submitFollowUp(
                new FollowUp.Draft("Progress", "Risks", measurements), j.step(applicant(LEAD))));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("measurements.0.indicator", "measurements.1.group", "measurements.3");
    }

    @Test
    void an_implementation_names_its_financing_and_not_implementing_names_none() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started().followedUp()
                .evaluated();

        assertThatThrownBy(() -> j.app.recordImplementationDecision(new ImplementationDecision.Draft(
                ImplementationDecision.Outcome.IMPLEMENT, null, "BUN", j.today(), "BUN § 1", null),
                j.step(fundOfficer()))).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> j.app.recordImplementationDecision(new ImplementationDecision.Draft(
                ImplementationDecision.Outcome.NOT_IMPLEMENTED, ImplementationDecision.Financing.BUDGET_REQUEST,
                "BUN", j.today(), "BUN § 1", null), j.step(fundOfficer()))).isInstanceOf(RuleViolation.class);

        j.app.recordImplementationDecision(new ImplementationDecision.Draft(
                ImplementationDecision.Outcome.NOT_IMPLEMENTED, null, "BUN", j.today(), "BUN § 1", null),
                j.step(fundOfficer()));
        assertThat(j.app.stage()).isEqualTo(Stage.CLOSED);
    }

    @Nested
    class Allowed_actions {
        private final Journey j = Journey.received();

        @Test
        void on_receipt_the_officer_checks_criteria_the_offices_may_withdraw_and_the_advisor_may_comment() {
            assertThat(j.app.allowedActions(fundOfficer())).containsExactly(ASSESS_CRITERIA);
            assertThat(j.app.allowedActions(applicant(LEAD))).containsExactly(WITHDRAW);
            assertThat(j.app.allowedActions(applicant(PARTNER))).containsExactly(WITHDRAW);
            assertThat(j.app.allowedActions(officeHead(LEAD))).containsExactly(WITHDRAW);
            assertThat(j.app.allowedActions(advisor())).containsExactly(ADD_REVIEW);
            assertThat(j.app.allowedActions(auditor())).isEmpty();
            assertThat(j.app.allowedActions(form())).isEmpty();
        }

        @Test
        void an_applicant_or_office_head_of_another_office_gets_none_in_any_stage() {
            Actor stranger = applicant(OTHER);
            Actor strangeHead = officeHead(OTHER);
            Actor officeless = new Actor("nobody", null, java.util.Set.of(Role.APPLICANT, Role.OFFICE_HEAD),
                    java.util.Optional.empty(), java.util.Optional.empty());
            List<Runnable> steps = List.of(j::criteriaChecked, j::completionRequested, j::revised,
                    j::readyForDecision, j::granted, j::started, j::followedUp, j::evaluated, j::closed);
            for (Runnable step : steps) {
                assertThat(j.app.allowedActions(stranger)).as(j.app.stage().name()).isEmpty();
                assertThat(j.app.allowedActions(strangeHead)).as(j.app.stage().name()).isEmpty();
                assertThat(j.app.allowedActions(officeless)).as(j.app.stage().name()).isEmpty();
                assertThat(j.app.isVisibleTo(stranger)).isFalse();
                step.run();
            }
        }

        @Test
        void the_scientific_advisor_only_ever_comments() {
            List<Runnable> steps = List.of(j::criteriaChecked, j::readyForDecision, j::granted, j::started,
                    j::followedUp, j::evaluated, j::closed);
            for (Runnable step : steps) {
                assertThat(j.app.allowedActions(advisor())).as(j.app.stage().name()).containsExactly(ADD_REVIEW);
                step.run();
            }
            assertThat(j.app.allowedActions(advisor())).isEmpty();
        }

        @Test
        void the_office_head_of_the_applying_office_records_the_implementation_decision_but_an_applicant_does_not() {
            j.criteriaChecked().readyForDecision().granted().started().followedUp().evaluated();

            assertThat(j.app.allowedActions(officeHead(LEAD))).containsExactly(RECORD_IMPLEMENTATION_DECISION);
            assertThat(j.app.allowedActions(officeHead(PARTNER))).containsExactly(RECORD_IMPLEMENTATION_DECISION);
            assertThat(j.app.allowedActions(applicant(LEAD))).isEmpty();
            assertThat(j.app.allowedActions(officeHead(OTHER))).isEmpty();
            assertThat(j.app.allowedActions(fundOfficer())).containsExactly(RECORD_IMPLEMENTATION_DECISION);
        }

        @Test
        void in_a_running_project_the_office_reports_and_the_officer_may_terminate() {
            j.criteriaChecked().readyForDecision().granted().started();

            assertThat(j.app.allowedActions(applicant(LEAD))).containsExactlyInAnyOrder(REPORT_COSTS,
                    SUBMIT_FOLLOW_UP);
            assertThat(j.app.allowedActions(fundOfficer())).containsExactly(TERMINATE);
        }

        @Test
        void an_office_sees_its_applications_and_the_form_sees_what_it_submitted() {
            assertThat(j.app.isVisibleTo(applicant(LEAD))).isTrue();
            assertThat(j.app.isVisibleTo(officeHead(PARTNER))).isTrue();
            assertThat(j.app.isVisibleTo(auditor())).isTrue();
            assertThat(j.app.isVisibleTo(advisor())).isTrue();
            assertThat(j.app.isVisibleTo(form())).isFalse();
            LocalDate day = LocalDate.of(2026, 3, 2);
            Application submittedByForm = Application.submit(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 9),
                    periodAround(day), content(day).build(), step(form(), 0, day));
            assertThat(submittedByForm.isVisibleTo(form())).isTrue();
        }
    }

    @Nested
    class Submission {
        private final LocalDate day = LocalDate.of(2026, 3, 2);

        @Test
        void an_auditor_cannot_submit() {
            assertThatThrownBy(() -> Application.submit(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 1),
                    periodAround(day), content(day).build(), step(auditor(), 0, day)))
                    .isInstanceOf(AccessDenied.class);
        }

        @Test
        void an_office_submits_only_applications_it_takes_part_in() {
            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> Application.submit(
                    UUID.randomUUID(), new RegistrationNumber("KS", 2026, 1), periodAround(day),
                    content(day).build(), step(applicant(OTHER), 0, day)));

            assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("offices");
        }

        @Test
        void incomplete_content_is_refused_on_receipt() {
            assertThatThrownBy(() -> Application.submit(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 1),
                    periodAround(day), content(day).with(c -> c.title = null).build(),
                    step(applicant(LEAD), 0, day))).isInstanceOf(RuleViolation.class);
        }
    }

    @Test
    void the_unspent_amount_follows_the_latest_running_total_and_the_releases_and_never_goes_below_zero() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted(Money.of("1000000.00"))
                .started();
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.of("1000000.00"));

        j.costsReported("250000.00");
        assertThat(j.app.snapshot().spentAmount()).isEqualTo(Money.of("250000.00"));
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.of("750000.00"));

        // each report is a running total: the latest one counts, not the sum of all
        j.costsReported("600000.00");
        assertThat(j.app.snapshot().spentAmount()).isEqualTo(Money.of("600000.00"));
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.of("400000.00"));

        // money already returned to the fund is not unspent any more
        ApplicationSnapshot afterARelease = withInvestment(j.app.snapshot(),
                j.app.snapshot().investment().released(Money.of("100000.00"), null));
        assertThat(afterARelease.unspentAmount()).isEqualTo(Money.of("300000.00"));
        assertThat(Application.restore(afterARelease).snapshot().unspentAmount()).isEqualTo(Money.of("300000.00"));

        j.costsReported("1200000.00");
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.ZERO);
        assertThat(withInvestment(j.app.snapshot(), j.app.snapshot().investment().released(Money.of("100000.00"),
                null)).unspentAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_cost_report_has_one_line_per_year_and_category_and_is_not_dated_before_the_start() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();
        LocalDate start = j.app.snapshot().projectStart().startDate();
        List<CostLine> twice = List.of(new CostLine(2026, CostCategory.PERSONNEL, Money.of("1")),
                new CostLine(2026, CostCategory.PERSONNEL, Money.of("2")));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.reportCosts(
                new CostReport.Draft(start.minusDays(1), twice, null), j.step(applicant(LEAD))));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("asOf", "lines.1");
    }

    @Test
    void a_missing_year_or_count_is_refused_at_its_field_and_never_breaks_the_step() {
        Journey j = Journey.receivedOn(LocalDate.of(2020, 3, 2)).criteriaChecked().readyForDecision().granted()
                .started();
        LocalDate start = j.app.snapshot().projectStart().startDate();
        ApplicationSnapshot before = j.app.snapshot();

        RuleViolation noYear = catchThrowableOfType(RuleViolation.class, () -> j.app.reportCosts(
                new CostReport.Draft(start, List.of(new CostLine(null, CostCategory.PERSONNEL, Money.of("1"))), null),
                j.step(applicant(LEAD))));
        RuleViolation noCount = catchThrowableOfType(RuleViolation.class, () -> j.app.submitFollowUp(
                new FollowUp.Draft("Progress", "Risks", List.of(new Measurement("placements",
                        Measurement.Group.TARGET, start, null, new java.math.BigDecimal("35")))),
                j.step(applicant(LEAD))));
        RuleViolation noInstallmentYear = catchThrowableOfType(RuleViolation.class, () -> j.app.setRepaymentPlan(
                List.of(new Installment("Socialnämnden", null, Money.of("1"))), j.step(fundOfficer())));

        assertThat(noYear.violations()).extracting(RuleViolation.Violation::field).containsExactly("lines.0.year");
        assertThat(noCount.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("measurements.0.n");
        assertThat(noInstallmentYear.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("installments.0.year");
        assertThat(j.app.snapshot()).isEqualTo(before);
    }

    @Nested
    class Repayment_plan {
        private final List<Installment> plan = List.of(new Installment("Socialnämnden", 2022, Money.of("2000000")),
                new Installment("Socialnämnden", 2023, Money.of("2000000")));

        @Test
        void is_refused_as_a_rule_for_a_project_started_in_2021_or_later() {
            Journey j = Journey.receivedOn(LocalDate.of(2020, 11, 2)).criteriaChecked().readyForDecision().granted()
                    .started(LocalDate.of(2021, 1, 1));
            ApplicationSnapshot before = j.app.snapshot();

            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.setRepaymentPlan(plan,
                    j.step(fundOfficer())));

            assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                    .containsExactly("installments");
            assertThat(j.app.snapshot()).isEqualTo(before);
            assertThat(j.app.allowedActions(fundOfficer())).doesNotContain(SET_REPAYMENT_PLAN);
        }

        @Test
        void is_still_refused_first_for_a_wrong_role_and_then_for_a_stale_version() {
            Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();

            assertThatThrownBy(() -> j.app.setRepaymentPlan(plan, j.step(applicant(LEAD))))
                    .isInstanceOf(AccessDenied.class);
            assertThatThrownBy(() -> j.app.setRepaymentPlan(plan, j.step(fundOfficer(), j.app.version() - 1)))
                    .isInstanceOf(StaleVersion.class);
        }

        @Test
        void is_set_once_for_a_project_started_before_2021_without_moving_the_stage() {
            Journey j = Journey.receivedOn(LocalDate.of(2020, 3, 2)).criteriaChecked().readyForDecision().granted()
                    .started(LocalDate.of(2020, 12, 31));
            assertThat(j.app.allowedActions(fundOfficer())).contains(SET_REPAYMENT_PLAN);
            long version = j.app.version();

            j.app.setRepaymentPlan(plan, j.step(fundOfficer(), version));

            assertStep(j.app, Stage.IN_IMPLEMENTATION, version + 1, EventType.REPAYMENT_PLAN_SET,
                    Stage.IN_IMPLEMENTATION);
            assertThat(j.app.snapshot().repaymentPlan().total()).isEqualTo(Money.of("4000000"));
            assertThat(j.app.allowedActions(fundOfficer())).doesNotContain(SET_REPAYMENT_PLAN);
            assertThatThrownBy(() -> j.app.setRepaymentPlan(plan, j.step(fundOfficer(), version + 1)))
                    .isInstanceOf(IllegalTransition.class);
        }

        @Test
        void has_one_installment_per_committee_and_year_each_of_more_than_zero() {
            Journey j = Journey.receivedOn(LocalDate.of(2020, 3, 2)).criteriaChecked().readyForDecision().granted()
                    .started();
            List<Installment> bad = List.of(new Installment("Socialnämnden", 2022, Money.of("1")),
                    new Installment("Socialnämnden", 2022, Money.ZERO));

            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.setRepaymentPlan(bad,
                    j.step(fundOfficer())));

            assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                    .containsExactly("installments.1.amount", "installments.1");
        }
    }

    @Test
    void a_closed_investment_takes_no_further_step() {
        Journey j = Journey.receivedOn(LocalDate.of(2020, 3, 2)).criteriaChecked().readyForDecision().granted()
                .started().followedUp().evaluated().closed();

        assertThat(j.app.stage().isTerminal()).isTrue();
        assertThat(possibleActions(j.app)).isEmpty();
    }

    @Test
    void the_municipality_wide_perspective_links_only_known_overall_goals() {
        Journey j = Journey.received().criteriaChecked();

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> j.app.addMunicipalPerspective(
                new MunicipalPerspective.Draft(List.of("safe-childhood", "world-peace"), List.of(),
                        Recommendation.GRANT, " "), KNOWN_GOALS, j.step(fundOfficer())));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("overallGoals.1", "agenda2030", "motivation");
    }

    @Test
    void a_review_changes_the_version_but_never_the_stage() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started();

        j.app.addReview("Looks promising", j.step(advisor()));

        assertThat(j.app.stage()).isEqualTo(Stage.IN_IMPLEMENTATION);
        assertThat(j.app.snapshot().reviews()).singleElement().satisfies(r -> assertThat(r.number()).isEqualTo(1));
    }

    /**
     * A stored state whose parts disagree with its stage is never restored: it is refused, naming the application,
     * its stage and what it has, whether the snapshot itself or the restoring catches it.
     */
    @Nested
    class Restoring_refuses_a_stored_state_whose_parts_disagree_with_its_stage {
        @Test
        void a_granted_stage_without_an_investment() {
            ApplicationSnapshot ready = Journey.received().criteriaChecked().readyForDecision().app.snapshot();

            assertThatThrownBy(() -> Application.restore(stored(ready, Stage.GRANTED, null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ready.id().toString())
                    .hasMessageContaining("GRANTED")
                    .hasMessageContaining("no investment")
                    .hasMessageContaining("inconsistent");
        }

        @Test
        void a_running_project_without_its_project() {
            ApplicationSnapshot granted = Journey.received().criteriaChecked().readyForDecision().granted().app
                    .snapshot();

            assertThatThrownBy(() -> Application.restore(stored(granted, Stage.IN_IMPLEMENTATION,
                    granted.investment()))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("IN_IMPLEMENTATION").hasMessageContaining("without a project");
        }

        @Test
        void an_investment_before_the_board_decided_or_a_project_before_it_started() {
            ApplicationSnapshot started = Journey.received().criteriaChecked().readyForDecision().granted().started()
                    .app.snapshot();

            assertThatThrownBy(() -> Application.restore(stored(started, Stage.READY_FOR_DECISION,
                    started.investment()))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("READY_FOR_DECISION").hasMessageContaining("has an investment");
            assertThatThrownBy(() -> Application.restore(stored(started, Stage.GRANTED, started.investment())))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("with a project");
        }

        @Test
        void but_every_stage_a_journey_reaches_is_restored_as_it_was() {
            Journey j = Journey.received();
            List<Runnable> steps = List.of(j::criteriaChecked, j::completionRequested, j::revised,
                    j::readyForDecision, j::granted, j::started, j::followedUp, j::evaluated, j::closed);
            for (Runnable step : steps) {
                assertThat(Application.restore(j.app.snapshot()).snapshot()).as(j.app.stage().name())
                        .isEqualTo(j.app.snapshot());
                step.run();
            }
            assertThat(Application.restore(j.app.snapshot()).snapshot()).isEqualTo(j.app.snapshot());
        }
    }

    @Test
    void a_restored_application_is_the_one_that_was_stored_and_has_no_new_events() {
        Journey j = Journey.received().criteriaChecked().readyForDecision().granted().started()
                .costsReported("100.00");

        Application restored = Application.restore(j.app.snapshot());

        assertThat(restored.snapshot()).isEqualTo(j.app.snapshot());
        assertThat(restored.newEvents()).isEmpty();
        assertThat(restored.newRevision()).isEmpty();
        assertThat(restored.snapshot().unspentAmount()).isEqualTo(j.app.snapshot().unspentAmount());
        assertThat(restored.snapshot().content().budget().lines()).extracting(ApplicationContent.BudgetLine::year)
                .containsOnly(2026, 2027);
        assertThat(restored.snapshot().content().budget().lines())
                .contains(new ApplicationContent.BudgetLine(2027, CostCategory.EVALUATION, Money.of("300000")));
    }
}

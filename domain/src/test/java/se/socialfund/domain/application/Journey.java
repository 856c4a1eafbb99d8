package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.followup.Evaluation;
import se.socialfund.domain.followup.FollowUp;
import se.socialfund.domain.followup.Measurement;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;

import static se.socialfund.domain.application.Fixtures.*;

/**
 * Walks one application along valid steps, one day apart, so that a test can start from any stage. The day of each
 * step is the municipality's date of its instant.
 */
public final class Journey {
    public final Application app;
    private LocalDate day;

    private Journey(Application app, LocalDate day) {
        this.app = app;
        this.day = day;
    }

    public static Journey receivedOn(LocalDate day) {
        Application app = Application.submit(UUID.randomUUID(), new RegistrationNumber("KS", day.getYear(), 648),
                periodAround(day), content(day).build(), Fixtures.step(applicant(LEAD), 0, day));
        return new Journey(app, day);
    }

    public static Journey received() {
        return receivedOn(LocalDate.of(2026, 3, 2));
    }

    /** The next step's day. */
    public LocalDate nextDay() {
        day = day.plusDays(1);
        return day;
    }

    public LocalDate today() {
        return day;
    }

    public Instant now() {
        return noon(day);
    }

    /** A step today by {@code by}, who saw the application's current version. */
    public Step step(Actor by) {
        return step(by, app.version());
    }

    /** A step today by {@code by}, who saw {@code version}. */
    public Step step(Actor by, long version) {
        return Fixtures.step(by, version, day);
    }

    public Journey criteriaChecked() {
        nextDay();
        app.assessCriteria(new CriteriaAssessment.Draft(allCriteriaMet(), List.of()), step(fundOfficer()));
        return this;
    }

    public Journey completionRequested() {
        nextDay();
        app.requestCompletion(new CompletionRequest.Draft(List.of("How is the control group chosen?")),
                step(fundOfficer()));
        return this;
    }

    public Journey revised() {
        nextDay();
        ApplicationContent revised = content(day).with(c -> {
            c.title = "Early support in preschool, revised";
            c.officeHeadApproval = new ApplicationContent.Approval("Head of " + LEAD, day);
        }).build();
        app.submitRevision(revised, step(officeHead(LEAD)));
        return this;
    }

    public Journey readyForDecision() {
        nextDay();
        app.addMunicipalPerspective(new MunicipalPerspective.Draft(List.of("safe-childhood"), List.of("4.2"),
                Recommendation.GRANT, "Fits the municipality's goals"), KNOWN_GOALS, step(fundOfficer()));
        return this;
    }

    public Journey granted(Money amount) {
        nextDay();
        app.recordBoardDecision(new BoardDecision.Draft(BoardDecision.Outcome.GRANTED, amount,
                List.of("Report yearly"), List.of(), day, "§ 123"), step(fundOfficer()));
        return this;
    }

    public Journey granted() {
        return granted(Money.of("1000000.00"));
    }

    public Journey started(LocalDate startDate) {
        nextDay();
        app.startProject(new ProjectStart.Draft("Project leader at " + LEAD, "Project plan v1", startDate,
                startDate.plusYears(2)), step(applicant(LEAD)));
        return this;
    }

    public Journey started() {
        return started(nextDay());
    }

    public Journey costsReported(String total) {
        nextDay();
        LocalDate start = app.snapshot().projectStart().startDate();
        LocalDate asOf = day.isBefore(start) ? start : day;
        app.reportCosts(new CostReport.Draft(asOf, List.of(new CostLine(asOf.getYear(), CostCategory.PERSONNEL,
                Money.of(total))), null), step(applicant(LEAD)));
        return this;
    }

    public Journey followedUp() {
        nextDay();
        app.submitFollowUp(new FollowUp.Draft("On plan", "Staff turnover", List.of(measurement("placements",
                Measurement.Group.TARGET, "35"))), step(applicant(LEAD)));
        return this;
    }

    public Journey evaluated() {
        nextDay();
        app.submitEvaluation(new Evaluation.Draft("Fewer placements", "Children stay at home",
                List.of(measurement("placements", Measurement.Group.TARGET, "28")), null), step(officeHead(LEAD)));
        return this;
    }

    public Journey terminated() {
        nextDay();
        LocalDate start = app.snapshot().projectStart().startDate();
        LocalDate ended = day.isBefore(start) ? start : day;
        app.terminate(new Termination.Draft("Could not be staffed", ended), step(fundOfficer()));
        return this;
    }

    public Journey closed() {
        nextDay();
        app.recordImplementationDecision(new ImplementationDecision.Draft(ImplementationDecision.Outcome.IMPLEMENT,
                ImplementationDecision.Financing.REPRIORITISATION, "Barn- och ungdomsnämnden", day, "BUN § 12",
                "Works"), step(officeHead(LEAD)));
        return this;
    }

    public Journey withdrawn() {
        nextDay();
        app.withdraw("Financed in the ordinary budget", step(applicant(LEAD)));
        return this;
    }

    public Measurement measurement(String indicator, Measurement.Group group, String value) {
        return new Measurement(indicator, group, day, 30, new BigDecimal(value));
    }
}

package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.application.CostReport.CostLine;
import se.socialfund.domain.application.MunicipalPerspective.Recommendation;
import se.socialfund.domain.followup.Measurement;
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
                periodAround(day), content(day).build(), applicant(LEAD), noon(day), day);
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

    public Journey criteriaChecked() {
        nextDay();
        app.assessCriteria(allCriteriaMet(), List.of(), fundOfficer(), app.version(), now());
        return this;
    }

    public Journey completionRequested() {
        nextDay();
        app.requestCompletion(List.of("How is the control group chosen?"), fundOfficer(), app.version(), now());
        return this;
    }

    public Journey revised() {
        nextDay();
        ApplicationContent revised = content(day).with(c -> {
            c.title = "Early support in preschool, revised";
            c.officeHeadApproval = new ApplicationContent.Approval("Head of " + LEAD, day);
        }).build();
        app.submitRevision(revised, officeHead(LEAD), app.version(), now(), day);
        return this;
    }

    public Journey readyForDecision() {
        nextDay();
        app.addMunicipalPerspective(List.of("safe-childhood"), KNOWN_GOALS, List.of(new Agenda2030Target("4.2")),
                Recommendation.GRANT, "Fits the municipality's goals", fundOfficer(), app.version(), now());
        return this;
    }

    public Journey granted(Money amount) {
        nextDay();
        app.recordBoardDecision(BoardDecision.Outcome.GRANTED, amount, List.of("Report yearly"), List.of(), day,
                "§ 123", fundOfficer(), app.version(), now());
        return this;
    }

    public Journey granted() {
        return granted(Money.of("1000000.00"));
    }

    public Journey started(LocalDate startDate) {
        nextDay();
        app.startProject("Project leader at " + LEAD, "Project plan v1", startDate, startDate.plusYears(2),
                applicant(LEAD), app.version(), now());
        return this;
    }

    public Journey started() {
        return started(nextDay());
    }

    public Journey costsReported(String total) {
        nextDay();
        LocalDate asOf = day.isBefore(app.projectStart().startDate()) ? app.projectStart().startDate() : day;
        app.reportCosts(asOf, List.of(new CostLine(asOf.getYear(), CostCategory.PERSONNEL, Money.of(total))), null,
                applicant(LEAD), app.version(), now());
        return this;
    }

    public Journey followedUp() {
        nextDay();
        app.submitFollowUp("On plan", "Staff turnover", List.of(measurement("placements", Measurement.Group.TARGET,
                "35")), applicant(LEAD), app.version(), now());
        return this;
    }

    public Journey evaluated() {
        nextDay();
        app.submitEvaluation("Fewer placements", "Children stay at home", List.of(measurement("placements",
                Measurement.Group.TARGET, "28")), null, officeHead(LEAD), app.version(), now());
        return this;
    }

    public Journey terminated() {
        nextDay();
        LocalDate ended = day.isBefore(app.projectStart().startDate()) ? app.projectStart().startDate() : day;
        app.terminate("Could not be staffed", ended, fundOfficer(), app.version(), now());
        return this;
    }

    public Journey closed() {
        nextDay();
        app.recordImplementationDecision(ImplementationDecision.Outcome.IMPLEMENT,
                ImplementationDecision.Financing.REPRIORITISATION, "Barn- och ungdomsnämnden", day, "BUN § 12",
                "Works", officeHead(LEAD), app.version(), now());
        return this;
    }

    public Journey withdrawn() {
        nextDay();
        app.withdraw("Financed in the ordinary budget", applicant(LEAD), app.version(), now());
        return this;
    }

    public Measurement measurement(String indicator, Measurement.Group group, String value) {
        return new Measurement(indicator, group, day, 30, new BigDecimal(value));
    }
}

package se.socialfund.application.usecase;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.application.port.in.FollowUpQueries.ListDeadlines;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.followup.EconomicEvaluation;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;

/** Deadlines and the annual consolidated follow-up, computed from the investments (the public list: PublicationService). */
public final class FollowUpQueryService implements ListDeadlines, AnnualReport {
    /** Stages in which an investment has been granted money. */
    static final Set<Stage> INVESTMENTS = EnumSet.of(Stage.GRANTED, Stage.IN_IMPLEMENTATION, Stage.FOLLOWED_UP,
            Stage.EVALUATED, Stage.CLOSED, Stage.TERMINATED);
    private static final Set<Stage> OWING = EnumSet.of(Stage.IN_IMPLEMENTATION, Stage.FOLLOWED_UP, Stage.TERMINATED,
            Stage.EVALUATED);

    private final AuditedChanges changes;
    private final ApplicationRepository applications;
    private final ApplicationPeriods periods;
    private final FundRepository fund;
    private final UnitOfWork unitOfWork;
    /** Deadlines that are not an application's (the guideline's review, issue 21), as of a day. */
    private final java.util.function.Function<java.time.LocalDate, List<ListDeadlines.Item>> boardDeadlines;
    private final java.util.function.BiFunction<Integer, List<ApplicationSnapshot>, List<AnnualReport.AimIndicator>>
            aim;

    public FollowUpQueryService(AuditedChanges changes, ApplicationRepository applications,
                                ApplicationPeriods periods, FundRepository fund, UnitOfWork unitOfWork) {
        this(changes, applications, periods, fund, unitOfWork, day -> List.of());
    }

    public FollowUpQueryService(AuditedChanges changes, ApplicationRepository applications,
                                ApplicationPeriods periods, FundRepository fund, UnitOfWork unitOfWork,
                                java.util.function.Function<java.time.LocalDate, List<ListDeadlines.Item>>
                                        boardDeadlines) {
        this(changes, applications, periods, fund, unitOfWork, boardDeadlines, (year, apps) -> List.of());
    }

    /** @param aim the long-term aim for a year, given the year's investments (issue 21), inside the transaction */
    public FollowUpQueryService(AuditedChanges changes, ApplicationRepository applications,
                                ApplicationPeriods periods, FundRepository fund, UnitOfWork unitOfWork,
                                java.util.function.Function<java.time.LocalDate, List<ListDeadlines.Item>>
                                        boardDeadlines,
                                java.util.function.BiFunction<Integer, List<ApplicationSnapshot>,
                                        List<AnnualReport.AimIndicator>> aim) {
        this.aim = aim;
        this.boardDeadlines = boardDeadlines;
        this.changes = changes;
        this.applications = applications;
        this.periods = periods;
        this.fund = fund;
        this.unitOfWork = unitOfWork;
    }

    @Override
    public List<ListDeadlines.Item> deadlines(String office, Deadline.Kind kind, Deadline.Status status) {
        return changes.read("listDeadlines", (caller, subject) -> {
            Actor actor = caller.actor();
            String scope = actor.seesAllOffices() ? office : actor.office().orElse(null);
            if (!actor.seesAllOffices() && (scope == null || office != null && !office.equals(scope))) {
                return List.<ListDeadlines.Item>of();
            }
            List<ListDeadlines.Item> items = new ArrayList<>();
            for (ApplicationSnapshot app : applications.inStages(OWING)) {
                if (scope != null && !app.offices().contains(scope)) {
                    continue;
                }
                for (Deadline d : Deadline.owedBy(app, subject.today(), subject.zone())) {
                    if ((kind == null || d.kind() == kind) && (status == null || d.status() == status)) {
                        items.add(new ListDeadlines.Item(app.id(), app.registrationNumber().toString(),
                                app.content().title(), app.leadOffice(), app.offices(), d));
                    }
                }
            }
            if (actor.seesAllOffices() && office == null) {
                // the board's office's own (the guideline's review): not an office's, so not in an office's list
                for (ListDeadlines.Item item : boardDeadlines.apply(subject.today())) {
                    Deadline d = item.deadline();
                    if ((kind == null || d.kind() == kind) && (status == null || d.status() == status)) {
                        items.add(item);
                    }
                }
            }
            items.sort(Comparator.comparing((ListDeadlines.Item i) -> i.deadline().dueOn())
                    .thenComparing(ListDeadlines.Item::registrationNumber));
            return items;
        });
    }

    @Override
    public AnnualReport.Report annual(int year) {
        return changes.read("getAnnualReport", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the annual follow-up", Role.FUND_OFFICER, Role.AUDITOR,
                    Role.SCIENTIFIC_ADVISOR);
            if (year < 2000 || year > subject.today().getYear()) {
                throw new RuleViolation("year", "a year from 2000 to this year");
            }
            LocalDate start = LocalDate.of(year, 1, 1);
            LocalDate end = LocalDate.of(year, 12, 31);
            LocalDate asOf = end.isBefore(subject.today()) ? end : subject.today();
            // the money is as of the year's end, like the fund's position: later cost reports and releases do not
            // change a past year's report
            Map<UUID, Money> releasedByEnd = fund.releasedAsOf(end);
            List<AnnualReport.Investment> investments = new ArrayList<>();
            Map<String, BigDecimal> inYear = new TreeMap<>();
            Money granted = Money.ZERO;
            Money spent = Money.ZERO;
            List<ApplicationSnapshot> ofTheYear = new ArrayList<>();
            for (ApplicationSnapshot app : applications.inStages(INVESTMENTS)) {
                BoardDecision decision = app.boardDecision();
                if (decision.meetingDate().isAfter(end) || closedBefore(app, start)) {
                    continue;
                }
                ofTheYear.add(app);
                // the report is read beyond the owning office: groups under five are left out
                ApplicationView view = ApplicationViews.view(app, List.of(), false);
                EconomicEvaluation.Result economics = view.economics();
                Map<String, BigDecimal> savingsInYear = economics == null ? Map.of() : economics.years().stream()
                        .filter(y -> y.year() == year).findFirst().map(EconomicEvaluation.YearlySavings::perPayer)
                        .orElse(Map.of());
                savingsInYear.forEach((payer, amount) -> inYear.merge(payer, amount, BigDecimal::add));
                Money spentByEnd = app.spentAsOf(end);
                granted = granted.plus(app.grantedAmount());
                spent = spent.plus(spentByEnd);
                investments.add(new AnnualReport.Investment(app.id(), app.registrationNumber().toString(), app.content().title(),
                        app.leadOffice(), app.offices(), app.stage(), decision.meetingDate(), app.grantedAmount(),
                        spentByEnd, releasedByEnd.getOrDefault(app.id(), Money.ZERO), view.attainment(), savingsInYear,
                        economics == null ? Map.of() : economics.totalPerPayer(),
                        economics == null ? null : economics.netPresentValue(),
                        economics == null ? null : economics.paybackYear()));
            }
            investments.sort(Comparator.comparing(AnnualReport.Investment::registrationNumber));
            return new AnnualReport.Report(year, asOf, fund.balanceAsOf(asOf), investments, granted, spent, inYear,
                    aim.apply(year, ofTheYear));
        });
    }

    /**
     * Closed by an implementation decision before the year began. A terminated project is not closed: it still owes
     * its evaluation and the implementation decision, so it stays in each year's report until it is.
     */
    private static boolean closedBefore(ApplicationSnapshot app, LocalDate start) {
        return app.implementationDecision() != null && app.implementationDecision().decidedOn().isBefore(start);
    }
}

package se.socialfund.application.usecase.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import se.socialfund.application.port.in.board.DecisionMemoUseCases;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.MunicipalGoals;
import se.socialfund.application.port.out.board.MemoPriorities;
import se.socialfund.application.port.out.board.PdfRenderer;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.Authorization;
import se.socialfund.domain.application.Agenda2030Target;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.Review;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.board.Priorities;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

/** The period's decision memo: read, prioritised by the fund officer, rendered as PDF/A. */
public final class DecisionMemoService implements DecisionMemoUseCases {
    /** A review is summarised as its first this many characters. */
    static final int SUMMARY = 300;
    private static final Role[] READERS = {Role.FUND_OFFICER, Role.AUDITOR, Role.SCIENTIFIC_ADVISOR};

    private final AuditedChanges changes;
    private final ApplicationPeriods periods;
    private final ApplicationRepository applications;
    private final FundRepository fund;
    private final MunicipalGoals goals;
    private final MemoPriorities priorities;
    private final PdfRenderer renderer;

    public DecisionMemoService(AuditedChanges changes, ApplicationPeriods periods, ApplicationRepository applications,
                               FundRepository fund, MunicipalGoals goals, MemoPriorities priorities,
                               PdfRenderer renderer) {
        this.changes = changes;
        this.periods = periods;
        this.applications = applications;
        this.fund = fund;
        this.goals = goals;
        this.priorities = priorities;
        this.renderer = renderer;
    }

    @Override
    public Memo memo(UUID periodId) {
        return changes.read("getDecisionMemo", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the decision memo", READERS);
            return build(periodId, subject.today());
        });
    }

    @Override
    public Pdf memoPdf(UUID periodId) {
        Memo memo = memo(periodId);
        return new Pdf(renderer.decisionMemo(memo), memo.version());
    }

    @Override
    public Memo setPriorities(UUID periodId, long expectedVersion, List<UUID> order) {
        return changes.run("setDecisionMemoPriorities", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "setting the memo's priorities", Role.FUND_OFFICER);
            ApplicationPeriod period = period(periodId);
            subject.object("application-period", period.id(), null, null);
            Priorities current = priorities.find(periodId).orElse(Priorities.none(periodId));
            subject.object("application-period", period.id(), null, current.version());
            Set<UUID> ready = ready(periodId).stream().map(ApplicationSnapshot::id).collect(Collectors.toSet());
            Priorities next = current.set(order, ready, expectedVersion, subject.at(), caller.actor().name());
            priorities.save(next, current.version());
            subject.versionAfter(next.version());
            return build(periodId, subject.today());
        });
    }

    private ApplicationPeriod period(UUID periodId) {
        return periods.find(periodId).orElseThrow(() -> new NotFound("application period " + periodId));
    }

    private List<ApplicationSnapshot> ready(UUID periodId) {
        return applications.inStages(EnumSet.of(Stage.READY_FOR_DECISION)).stream()
                .filter(a -> periodId.equals(a.periodId())).toList();
    }

    private Memo build(UUID periodId, java.time.LocalDate today) {
        ApplicationPeriod period = period(periodId);
        Priorities order = priorities.find(periodId).orElse(Priorities.none(periodId));
        List<ApplicationSnapshot> arranged = order.arrange(ready(periodId), ApplicationSnapshot::id,
                Comparator.comparing(a -> a.registrationNumber().toString()));
        Map<String, String> goalNames = goals.all();
        List<Item> items = new ArrayList<>();
        Money requested = Money.ZERO;
        for (ApplicationSnapshot a : arranged) {
            MunicipalPerspective p = a.municipalPerspective();
            Money amount = a.content().budget().requestedAmount();
            requested = requested.plus(amount);
            List<Review> reviews = a.reviews();
            items.add(new Item(items.size() + 1, a.id(), a.registrationNumber().toString(), a.content().title(),
                    a.leadOffice(), a.offices(), a.version(), amount,
                    p == null ? null : p.recommendation().name(), p == null ? null : p.motivation(),
                    p == null ? List.of() : p.overallGoals().stream()
                            .map(code -> new Goal(code, goalNames.getOrDefault(code, code))).toList(),
                    p == null ? List.of() : p.agenda2030().stream().map(Agenda2030Target::code).toList(),
                    reviews.size(), reviews.stream().map(r -> new ReviewSummary(r.number(), r.addedAt(),
                            r.addedBy(), summary(r.comment()))).toList()));
        }
        return new Memo(period.id(), period.name(), period.opensOn(), period.closesOn(), today, order.version(),
                order.setAt(), order.setBy(), items, requested, fund.balance().available());
    }

    static String summary(String comment) {
        String flat = comment.strip().replaceAll("\\s+", " ");
        return flat.length() <= SUMMARY ? flat : flat.substring(0, SUMMARY - 1).strip() + "\u2026";
    }
}

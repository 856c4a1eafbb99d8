package se.socialfund.application.usecase.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
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
import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.board.MemoPriorities;
import se.socialfund.application.port.out.board.PeriodCases;
import se.socialfund.application.port.out.document.DocumentRepository;
import se.socialfund.application.usecase.document.DocumentRegistry;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.document.MediaTypes;
import se.socialfund.domain.document.Origin;
import se.socialfund.domain.document.Owner;
import se.socialfund.domain.document.ScanVerdict;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.StaleVersion;
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

/**
 * The period's decision memo: read, prioritised by the fund officer, rendered as PDF/A, and frozen as a document of
 * the period's board matter for the meeting.
 */
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
    private final PeriodCases cases;
    private final RegistrationNumbers numbers;
    private final DocumentRepository documents;
    private final DocumentRegistry registry;

    public DecisionMemoService(AuditedChanges changes, ApplicationPeriods periods, ApplicationRepository applications,
                               FundRepository fund, MunicipalGoals goals, MemoPriorities priorities,
                               PdfRenderer renderer, PeriodCases cases, RegistrationNumbers numbers,
                               DocumentRepository documents, DocumentRegistry registry) {
        this.cases = cases;
        this.numbers = numbers;
        this.documents = documents;
        this.registry = registry;
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
            return build(periodId, subject.today(), cases.numberOf(periodId).orElse(null));
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
            return build(periodId, subject.today(), cases.numberOf(periodId).orElse(null));
        });
    }

    @Override
    public Frozen freeze(UUID periodId, long expectedVersion) {
        return changes.run("freezeDecisionMemo", (caller, subject) -> {
            Actor actor = caller.actor();
            Authorization.requireAny(actor, "freezing the decision memo", Role.FUND_OFFICER);
            ApplicationPeriod period = period(periodId);
            // one freeze of a period at a time: a repeated click waits here, then finds what the first one made
            Optional<String> number = cases.lockForFreeze(periodId);
            Priorities current = priorities.find(periodId).orElse(Priorities.none(periodId));
            subject.object(Owner.APPLICATION_PERIOD, periodId, number.orElse(null), current.version());
            if (current.version() != expectedVersion) {
                throw new StaleVersion(expectedVersion, current.version());
            }
            Memo memo = build(periodId, subject.today(), number.orElse(null));
            if (memo.version() != expectedVersion) { // the order changed between the two reads
                throw new StaleVersion(expectedVersion, memo.version());
            }
            String fingerprint = fingerprint(memo);
            Optional<PeriodCases.FrozenMemo> latest = cases.latestFrozen(periodId);
            if (latest.isPresent() && latest.get().memoVersion() == memo.version()
                    && latest.get().fingerprint().equals(fingerprint)) {
                subject.changedNothing();
                Document made = documents.find(latest.get().documentId()).orElseThrow();
                return new Frozen(new DocumentView(made, true), false);
            }
            String caseNumber = number.orElse(null);
            if (caseNumber == null) {
                // the applications' series, in this transaction: a failure after it rolls the number back (no gap)
                caseNumber = numbers.next(subject.today().getYear()).toString();
                cases.number(periodId, caseNumber, subject.at());
                memo = withNumber(memo, caseNumber);
            }
            byte[] pdf = renderer.decisionMemo(memo);
            String sha256 = sha256(pdf);
            Path file = null;
            try {
                file = Files.createTempFile("decision-memo-", ".pdf");
                Files.write(file, pdf);
                Document d = registry.register(new DocumentRegistry.Registration(Owner.applicationPeriod(periodId),
                        caseNumber, DocumentType.DECISION_MEMO, title(period, memo.version()), Origin.DRAWN_UP,
                        "tjansteskrivelse-" + caseNumber.replaceAll("[^0-9A-Za-z]+", "-") + "-v" + memo.version()
                                + ".pdf", MediaTypes.PDF, pdf.length, sha256,
                        // drawn up by the service itself, never received: there is nothing to scan
                        ScanVerdict.Result.NOT_SCANNED,
                        latest.map(PeriodCases.FrozenMemo::documentId).orElse(null), null), file, actor,
                        subject.at());
                cases.addFrozen(periodId, new PeriodCases.FrozenMemo(d.id(), memo.version(), fingerprint),
                        subject.at());
                subject.object("document", d.id(), caseNumber, null).versionAfter(d.version())
                        .contentSha256(sha256);
                return new Frozen(new DocumentView(d, true), true);
            } catch (IOException e) {
                throw new UncheckedIOException("could not spool the rendered memo", e);
            } finally {
                if (file != null) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // a temporary file left behind; the transaction's outcome does not depend on it
                    }
                }
            }
        });
    }

    /** "Tjänsteskrivelse Våren 2026, version 3": the memo's version the document shows. */
    static String title(ApplicationPeriod period, long version) {
        String title = "Tjänsteskrivelse " + period.name() + ", version " + version;
        return title.length() <= Document.MAX_TITLE ? title : title.substring(0, Document.MAX_TITLE);
    }

    /**
     * What the frozen memo showed, apart from its date: its version, each application in its place at its
     * version, the sums. The same fingerprint at the same version is the same memo (a repeated click, a retry).
     */
    static String fingerprint(Memo m) {
        StringBuilder b = new StringBuilder().append(m.version()).append('|').append(m.requestedSum()).append('|')
                .append(m.available());
        for (Item i : m.items()) {
            b.append('|').append(i.priority()).append(':').append(i.applicationId()).append('@')
                    .append(i.applicationVersion());
        }
        return sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Memo withNumber(Memo m, String number) {
        return new Memo(m.periodId(), m.periodName(), m.opensOn(), m.closesOn(), m.asOf(), m.version(),
                m.prioritiesSetAt(), m.prioritiesSetBy(), m.items(), m.requestedSum(), m.available(), number);
    }

    private ApplicationPeriod period(UUID periodId) {
        return periods.find(periodId).orElseThrow(() -> new NotFound("application period " + periodId));
    }

    private List<ApplicationSnapshot> ready(UUID periodId) {
        return applications.inStages(EnumSet.of(Stage.READY_FOR_DECISION)).stream()
                .filter(a -> periodId.equals(a.periodId())).toList();
    }

    private Memo build(UUID periodId, java.time.LocalDate today, String registrationNumber) {
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
                order.setAt(), order.setBy(), items, requested, fund.balance().available(), registrationNumber);
    }

    static String summary(String comment) {
        String flat = comment.strip().replaceAll("\\s+", " ");
        return flat.length() <= SUMMARY ? flat : flat.substring(0, SUMMARY - 1).strip() + "\u2026";
    }
}

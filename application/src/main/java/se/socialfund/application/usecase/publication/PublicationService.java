package se.socialfund.application.usecase.publication;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.publication.PublicationQueries.Filter;
import se.socialfund.application.port.in.publication.PublicationQueries.FundFigures;
import se.socialfund.application.port.in.publication.PublicationQueries.OpenData;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicDocument;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicDocuments;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicFund;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicInvestment;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicInvestments;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.document.ContentStore;
import se.socialfund.application.port.out.publication.PublishedRecords;
import se.socialfund.domain.application.Agenda2030Target;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.NotFound;

/**
 * The public reads. Each builds its answer from an allow-list of fields ({@link #publicView}): whatever else an
 * application holds (reviews, criteria motivations, measurements, the project leader, who did what) is never read
 * into a public answer. Nothing here is audited: the public reads are anonymous and served from behind a cache.
 */
public final class PublicationService implements PublicInvestments, PublicFund, PublicDocuments, OpenData {
    /** The stages of a granted investment: the public page lists these and nothing else. */
    public static final Set<Stage> INVESTMENTS = EnumSet.of(Stage.GRANTED, Stage.IN_IMPLEMENTATION,
            Stage.FOLLOWED_UP, Stage.EVALUATED, Stage.CLOSED, Stage.TERMINATED);
    /** What stands in the purpose where a person's name was. */
    static final String NAME_REDACTED = "[namn]";
    private static final int EXPORT_PAGE = 200;
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    private final UnitOfWork unitOfWork;
    private final PublishedRecords records;
    private final FundRepository fund;
    private final ContentStore contents;
    private final Settings settings;

    public PublicationService(UnitOfWork unitOfWork, PublishedRecords records, FundRepository fund,
                              ContentStore contents, Settings settings) {
        this.unitOfWork = unitOfWork;
        this.records = records;
        this.fund = fund;
        this.contents = contents;
        this.settings = settings;
    }

    @Override
    public Page<PublicInvestment> list(Filter filter, int limit, Long after) {
        if (filter.stage() != null && !INVESTMENTS.contains(filter.stage())) {
            // a stage no investment is in: nothing, rather than a hint that such applications exist
            return new Page<>(List.of(), null);
        }
        return unitOfWork.reading(() -> records.investments(INVESTMENTS, filter.year(), filter.stage(),
                filter.office(), limit, after).map(PublicationService::publicView));
    }

    @Override
    public PublicInvestment get(UUID id) {
        return unitOfWork.reading(() -> records.investment(id, INVESTMENTS).map(PublicationService::publicView))
                .orElseThrow(() -> new NotFound("investment " + id));
    }

    @Override
    public FundFigures figures() {
        return unitOfWork.reading(() -> {
            FundBalance b = fund.balance();
            return new FundFigures(b.capital(), b.committed(), b.returned(), b.available(),
                    records.count(INVESTMENTS));
        });
    }

    @Override
    public PublicDocument published(UUID documentId) {
        return unitOfWork.reading(() -> records.publishedDocument(documentId))
                .map(PublicationService::publicDocument)
                .orElseThrow(() -> new NotFound("published document " + documentId));
    }

    @Override
    public InputStream open(UUID documentId, long offset, long length) {
        Document d = unitOfWork.reading(() -> records.publishedDocument(documentId))
                .orElseThrow(() -> new NotFound("published document " + documentId));
        if (offset < 0 || length < 0 || offset + length > d.size()) {
            throw new IllegalArgumentException("a slice outside the content");
        }
        return contents.open(d.sha256(), offset, length);
    }

    // ---- open data ----------------------------------------------------------------------------------------------

    @Override
    public Export threeSixtyGiving(Integer year) {
        String prefix = requirePrefix();
        require(settings.funderOrgId(), "socialfund.open-data.funder.org-id",
                "the funder's organisation identifier (org-id, e.g. SE-ON-2120000000 for organisation number "
                        + "212000-0000)");
        List<Grant> grants = unitOfWork.reading(() -> {
            List<Grant> all = new ArrayList<>();
            Long after = null;
            do {
                Page<PublishedRecords.Investment> page = records.investments(INVESTMENTS, year, null, null,
                        EXPORT_PAGE, after);
                page.items().forEach(i -> {
                    PublicInvestment p = publicView(i);
                    all.add(new Grant(identifier(prefix, p.registrationNumber()), p));
                });
                after = page.after();
            } while (after != null);
            return all;
        });
        grants.sort(Comparator.comparing(Grant::identifier));
        Instant modified = grants.stream().map(g -> g.investment().updatedAt()).max(Comparator.naturalOrder())
                .orElse(null);
        return new Export(settings, year, modified, grants);
    }

    @Override
    public Optional<String> grantIdentifier(String registrationNumber) {
        String prefix = settings.prefix();
        if (prefix == null || prefix.isBlank() || settings.funderOrgId() == null
                || settings.funderOrgId().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(identifier(normalisedPrefix(prefix), registrationNumber));
    }

    private String requirePrefix() {
        require(settings.prefix(), "socialfund.open-data.360giving.prefix",
                "the fund's registered 360Giving prefix (e.g. 360G-norrkoping), which every grant identifier "
                        + "begins with");
        String prefix = normalisedPrefix(settings.prefix());
        if (!PREFIX.matcher(prefix).matches()) {
            throw new Conflict("open-data-not-configured", "socialfund.open-data.360giving.prefix is not a "
                    + "360Giving prefix (letters, digits and single hyphens after 360G-): set it to the fund's "
                    + "registered prefix");
        }
        return prefix;
    }

    /** The configured prefix with or without its "360G-". */
    static String normalisedPrefix(String configured) {
        String p = configured.strip();
        return p.regionMatches(true, 0, "360G-", 0, 5) ? p.substring(5) : p;
    }

    private static void require(String value, String setting, String what) {
        if (value == null || value.isBlank()) {
            throw new Conflict("open-data-not-configured", "the 360Giving export needs " + what + ": set "
                    + setting + " (environment " + setting.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_") + ")");
        }
    }

    /** {@code 360G-<prefix>-KS_2026_0012}: the registration number with its space and slash as underscores. */
    static String identifier(String prefix, String registrationNumber) {
        return "360G-" + prefix + "-" + registrationNumber.replace(' ', '_').replace('/', '_');
    }

    // ---- the allow-list ------------------------------------------------------------------------------------------

    /** The published fields of an investment, and nothing else. */
    static PublicInvestment publicView(PublishedRecords.Investment row) {
        ApplicationSnapshot app = row.application();
        ApplicationContent content = app.content();
        BoardDecision decision = app.investment().grant();
        LocalDate endedOn = app.termination() != null ? app.termination().endedOn()
                : app.implementationDecision() != null ? app.implementationDecision().decidedOn() : null;
        List<String> agenda2030 = app.municipalPerspective() == null ? List.of()
                : app.municipalPerspective().agenda2030().stream().map(Agenda2030Target::code).toList();
        return new PublicInvestment(row.position(), app.id(), app.registrationNumber().toString(), content.title(),
                content.officeCodes(), content.leadOffice(), purpose(app), app.grantedAmount(), app.spentAmount(),
                row.period(), row.periodYear(), decision.meetingDate(), decision.minutesParagraph(),
                app.projectStart() == null ? null : app.projectStart().startDate(),
                app.projectStart() == null ? null : app.projectStart().plannedEndDate(), endedOn, app.stage(),
                agenda2030, app.updatedAt(), row.documents().stream().filter(d -> d.isPublished() && !d.isMarked())
                        .map(PublicationService::publicDocument).toList());
    }

    /**
     * The purpose in the application's own words: its description of the intervention (insatsen), the section in
     * which the office says what it will do and for whom. The other sections stay inside: the current situation
     * describes problems, the target group and the indicators carry figures, the plans name people and methods.
     * Any name of a person the case records (the project leader, the office head who approved the application) is
     * replaced, in case the text quotes it.
     */
    static String purpose(ApplicationSnapshot app) {
        String text = app.content().intervention();
        List<String> names = new ArrayList<>();
        if (app.content().officeHeadApproval() != null) {
            names.add(app.content().officeHeadApproval().approvedBy());
        }
        if (app.projectStart() != null) {
            names.add(app.projectStart().projectLeader());
        }
        for (String name : names) {
            if (name != null && name.strip().length() >= 3) {
                text = Pattern.compile(Pattern.quote(name.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                        .matcher(text).replaceAll(NAME_REDACTED);
            }
        }
        return text;
    }

    static PublicDocument publicDocument(Document d) {
        return new PublicDocument(d.id(), d.number().toString(), d.title(), d.type(), d.mediaType(), d.size(),
                d.fileName(), d.sha256(), d.publication() == null ? null : d.publication().publishedAt());
    }
}

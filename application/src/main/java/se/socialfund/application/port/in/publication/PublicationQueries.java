package se.socialfund.application.port.in.publication;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.shared.Money;

/**
 * What the fund publishes for anyone, without sign-in (den öppna redovisningen): the granted investments with their
 * published fields and documents, the fund's figures, the published documents' content and the open data exports.
 * Nothing else leaves: no review, no criteria motivation, no measurement, no person's name, no marked document.
 */
public final class PublicationQueries {
    private PublicationQueries() {
    }

    /** A published document's metadata: never who registered or published it. */
    public record PublicDocument(UUID id, String documentNumber, String title, DocumentType type, String mediaType,
                                 long size, String fileName, String sha256, Instant publishedAt) {
    }

    /**
     * One granted investment as the public sees it.
     *
     * @param purpose         the purpose in the application's own words: its description of the intervention
     *                        (insatsen), with the names the case knows of persons (the project leader, the office
     *                        head who approved it) replaced by "[namn]"
     * @param period          the application period it was received in, and its year
     * @param decidedOn       the board's meeting date (sammanträdesdag)
     * @param endedOn         the actual end: a termination's date or the implementation decision's, else null
     * @param agenda2030      the Agenda 2030 goals and targets of the municipality-wide perspective
     * @param updatedAt       when the investment last changed (the page's and the exports' last-modified time)
     */
    public record PublicInvestment(long position, UUID id, String registrationNumber, String title,
                                   List<String> offices, String leadOffice, String purpose, Money grantedAmount,
                                   Money spentAmount, String period, int periodYear, LocalDate decidedOn, String minutesParagraph,
                                   LocalDate startDate, LocalDate plannedEndDate, LocalDate endedOn, Stage stage,
                                   List<String> agenda2030, Instant updatedAt, List<PublicDocument> documents) {
    }

    /**
     * The public list's filters, each optional.
     *
     * @param year   the year of the board's decision
     * @param stage  one of the investment stages
     * @param office one of the investment's offices
     */
    public record Filter(Integer year, Stage stage, String office) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /** The page's sentence: "33,5 miljoner är investerade av de totalt 40". */
    public record FundFigures(Money capital, Money committed, Money returned, Money available, int investments) {
    }

    /** The granted investments, newest first, keyset paged; one of them by id (404 unless granted). */
    public interface PublicInvestments {
        Page<PublicInvestment> list(Filter filter, int limit, Long after);

        PublicInvestment get(UUID id);
    }

    /** The fund's figures for the public page. */
    public interface PublicFund {
        FundFigures figures();
    }

    /** The content of a published document (never a marked one): 404 for any other. */
    public interface PublicDocuments {
        PublicDocument published(UUID documentId);

        /** Opens a slice of the published document's content (checked again: it may have been withdrawn). */
        InputStream open(UUID documentId, long offset, long length);
    }

    /** The open data exports: 360Giving (standard 1.4) of the granted investments. */
    public interface OpenData {
        /** The settings an export needs; a missing one is a {@code Conflict} that names it. */
        record Settings(String prefix, String funderOrgId, String funderName, String funderDepartment,
                        String recipientOrgId, String recipientName, String programmeCode, String programmeTitle,
                        String publicBaseUrl, String license) {
        }

        /** One grant of the export, with its identifier built from the prefix and the registration number. */
        record Grant(String identifier, PublicInvestment investment) {
        }

        record Export(Settings settings, Integer year, Instant modified, List<Grant> grants) {
        }

        Export threeSixtyGiving(Integer year);

        /**
         * The 360Giving identifier of the investment with this registration number, if an export is configured: for
         * documents that link to a grant (an outcomes contract's INDIGO document would, once a contract names the
         * investment it belongs to; today none does).
         */
        java.util.Optional<String> grantIdentifier(String registrationNumber);
    }
}

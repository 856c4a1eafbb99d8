package se.socialfund.application.port.in.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.domain.shared.Money;

/**
 * Tjänsteskrivelsen: the decision memo of a period, on which the board decides. Every application of the period
 * ready for decision, in the fund officer's priority order, with its requested amount, the officer's
 * recommendation, the municipality-wide perspective, the scientific advisors' reviews in summary, and the fund's
 * available money against the sum requested.
 */
public interface DecisionMemoUseCases {
    record Goal(String code, String name) {
    }

    record ReviewSummary(int number, Instant addedAt, String addedBy, String summary) {
    }

    record Item(int priority, UUID applicationId, String registrationNumber, String title, String leadOffice,
                List<String> offices, long applicationVersion, Money requestedAmount, String recommendation,
                String motivation, List<Goal> overallGoals, List<String> agenda2030, int reviewCount,
                List<ReviewSummary> reviews) {
    }

    /**
     * @param version            the priority order's version (0 until it is set): the ETag for changing it and
     *                           for freezing the memo
     * @param registrationNumber the period's board matter's registration number, taken the first time its memo is
     *                           frozen (null before)
     */
    record Memo(UUID periodId, String periodName, LocalDate opensOn, LocalDate closesOn, LocalDate asOf,
                long version, Instant prioritiesSetAt, String prioritiesSetBy, List<Item> items,
                Money requestedSum, Money available, String registrationNumber) {
    }

    Memo memo(UUID periodId);

    Memo setPriorities(UUID periodId, long expectedVersion, List<UUID> order);

    /** A rendered memo: the PDF/A-2b document and the memo's version it shows. */
    record Pdf(byte[] content, long version) {
    }

    /** The memo as a PDF/A-2b document (rendered by the service). */
    Pdf memoPdf(UUID periodId);

    /**
     * A frozen memo: its document, and whether this request made it (false: the same memo, same version and same
     * content, was frozen already and is answered as it was).
     */
    record Frozen(DocumentView document, boolean created) {
    }

    /**
     * Freezes the memo for the board's meeting: renders it as PDF/A-2b and registers it as a DECISION_MEMO
     * document (drawn up) of the period's board matter, superseding the memo frozen before; the period is given a
     * registration number the first time. One transaction, one audit event. Fund officers only; 412 when the memo's
     * version is not {@code expectedVersion}.
     */
    Frozen freeze(UUID periodId, long expectedVersion);
}

package se.socialfund.application.port.in.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
     * @param version the priority order's version (0 until it is set): the ETag for changing it
     */
    record Memo(UUID periodId, String periodName, LocalDate opensOn, LocalDate closesOn, LocalDate asOf,
                long version, Instant prioritiesSetAt, String prioritiesSetBy, List<Item> items,
                Money requestedSum, Money available) {
    }

    Memo memo(UUID periodId);

    Memo setPriorities(UUID periodId, long expectedVersion, List<UUID> order);

    /** A rendered memo: the PDF/A-2b document and the memo's version it shows. */
    record Pdf(byte[] content, long version) {
    }

    /** The memo as a PDF/A-2b document (rendered by the service). */
    Pdf memoPdf(UUID periodId);
}

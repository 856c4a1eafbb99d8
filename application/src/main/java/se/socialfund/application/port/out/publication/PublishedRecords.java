package se.socialfund.application.port.out.publication;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.document.Document;

/**
 * What the public reads are made from: granted investments with their published documents, read together (a page
 * is one query for the investments and one for their documents), and published documents alone.
 */
public interface PublishedRecords {
    /**
     * An investment, the name and year of the period it was received in, and its published, unmarked documents in
     * the order they were registered.
     */
    record Investment(long position, ApplicationSnapshot application, String period, int periodYear,
                      List<Document> documents) {
    }

    /**
     * Investments in the stages, newest registration first, keyset paged by position (so a page never moves when
     * applications are added); filtered by the year of the board's decision, the stage and an office, each optional.
     */
    Page<Investment> investments(Set<Stage> stages, Integer decisionYear, Stage stage, String office, int limit,
                                 Long after);

    Optional<Investment> investment(UUID id, Set<Stage> stages);

    /** A document that is published and not marked, or empty. */
    Optional<Document> publishedDocument(UUID id);

    /** How many applications are in the stages. */
    int count(Set<Stage> stages);
}

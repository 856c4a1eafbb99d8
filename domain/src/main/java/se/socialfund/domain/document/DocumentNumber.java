package se.socialfund.domain.document;

import java.util.Objects;

/**
 * A document's number in its case: the case's registration number and the running sequence within it, e.g.
 * {@code KS 2026/0012-3}. The sequence starts at 1 and has no gaps.
 */
public record DocumentNumber(String caseNumber, int sequence) {
    public DocumentNumber {
        Objects.requireNonNull(caseNumber, "caseNumber");
        if (sequence < 1) {
            throw new IllegalArgumentException("a document sequence starts at 1");
        }
    }

    @Override
    public String toString() {
        return caseNumber + "-" + sequence;
    }
}

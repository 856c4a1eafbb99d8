package se.socialfund.domain.document;

import se.socialfund.domain.shared.Violations;

/**
 * What a caller says about a file it registers: its type, title, origin and, optionally, the secrecy it is marked
 * with from the start. Its rules are checked after the caller's right to upload, so that a caller without the right
 * is refused (403) whatever it sent.
 */
public record DocumentDraft(DocumentType type, String title, Origin origin, String secrecyProvision) {

    public void validate(Violations v) {
        v.requirePresent(type, "type");
        v.requireText(title, "title", Document.MAX_TITLE);
        v.require(origin != null, "origin", "is required (RECEIVED or DRAWN_UP)");
        if (secrecyProvision != null) {
            SecrecyMarking.validateProvision(secrecyProvision, "secrecyProvision", v);
        }
    }
}

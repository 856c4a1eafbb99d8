package se.socialfund.domain.document;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentTest {
    static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    static Document pdf(String provision) {
        return Document.register(UUID.randomUUID(), Owner.application(UUID.randomUUID()),
                new DocumentNumber("KS 2026/0012", 3), DocumentType.PROJECT_PLAN, "Plan", Origin.RECEIVED, "plan.pdf",
                MediaTypes.PDF, 10, "a".repeat(64), ScanVerdict.Result.CLEAN, "s", "S", AT, null, provision);
    }

    @Test
    void the_number_is_the_case_and_its_sequence() {
        assertThat(pdf(null).number()).hasToString("KS 2026/0012-3");
    }

    @Test
    void a_marked_document_is_never_published_and_marking_a_published_one_takes_it_off_the_page() {
        assertThatThrownBy(() -> pdf("OSL 26 kap. 1 §").publish(AT, "fo", 1)).isInstanceOf(Conflict.class);
        Document published = pdf(null).publish(AT, "fo", 1);
        assertThat(published.isPublished()).isTrue();
        Document marked = published.mark("OSL 26 kap. 1 §", AT, "oh", 2);
        assertThat(marked.isPublished()).isFalse();
        assertThat(marked.version()).isEqualTo(3);
        assertThatThrownBy(() -> marked.mark("OSL 21 kap. 1 §", AT, "oh", 3)).isInstanceOf(Conflict.class);
    }

    @Test
    void only_a_current_pdf_is_published_and_only_on_its_version() {
        Document docx = new Document(UUID.randomUUID(), Owner.application(UUID.randomUUID()),
                new DocumentNumber("KS 2026/0012", 1), DocumentType.OTHER, "K", Origin.DRAWN_UP, "k.docx",
                MediaTypes.DOCX, 10, "b".repeat(64), ScanVerdict.Result.NOT_SCANNED, "s", "S", AT, null, null, null,
                null, 1);
        assertThatThrownBy(() -> docx.publish(AT, "fo", 1)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> pdf(null).publish(AT, "fo", 2)).isInstanceOf(StaleVersion.class);
        Document superseded = pdf(null).supersededBy(UUID.randomUUID());
        assertThatThrownBy(() -> superseded.publish(AT, "fo", 2)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> superseded.supersededBy(UUID.randomUUID())).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> pdf(null).withdrawPublication(1)).isInstanceOf(Conflict.class);
    }

    @Test
    void a_draft_names_every_broken_field_and_a_sound_one_none() {
        Violations broken = new Violations();
        new DocumentDraft(null, " ", null, "x".repeat(SecrecyMarking.MAX_PROVISION + 1)).validate(broken);
        assertThatThrownBy(() -> broken.throwIfAny("broken")).isInstanceOfSatisfying(RuleViolation.class,
                e -> assertThat(e.violations()).extracting(RuleViolation.Violation::field)
                        .containsExactlyInAnyOrder("type", "title", "origin", "secrecyProvision"));
        Violations tooLong = new Violations();
        new DocumentDraft(DocumentType.OTHER, "t".repeat(Document.MAX_TITLE + 1), Origin.RECEIVED, null)
                .validate(tooLong);
        assertThat(tooLong.isEmpty()).isFalse();
        Violations sound = new Violations();
        new DocumentDraft(DocumentType.OTHER, "t".repeat(Document.MAX_TITLE), Origin.DRAWN_UP, "OSL 26 kap. 1 §")
                .validate(sound);
        assertThat(sound.isEmpty()).isTrue();
    }
}

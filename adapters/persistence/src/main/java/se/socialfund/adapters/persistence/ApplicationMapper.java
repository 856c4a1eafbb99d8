package se.socialfund.adapters.persistence;

import java.util.List;

import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.Assessment;
import se.socialfund.domain.application.Investment;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Review;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.application.Stage;


/** Between the aggregate's snapshot and the rows that store it (public for the publication's store, which reads them). */
public final class ApplicationMapper {
    private ApplicationMapper() {
    }

    /**
     * What the {@code state} column holds: everything not kept in a column of its own or in a revision, by phase.
     * Its shape changed from a flat document to this in V5 (see the migration).
     */
    record StateDocument(Assessment assessment, Investment investment, List<Review> reviews) {
        /** Kept parses are shared between requests: the list is never the parser's own. */
        StateDocument {
            reviews = reviews == null ? null : List.copyOf(reviews);
        }
    }

    static ApplicationEntity toEntity(ApplicationSnapshot s) {
        ApplicationEntity e = new ApplicationEntity();
        e.id = s.id();
        e.registrationNumber = s.registrationNumber().toString();
        e.periodId = s.periodId();
        e.submittedBy = s.submittedBy();
        e.receivedAt = s.receivedAt();
        fill(e, s);
        return e;
    }

    /** The columns an update changes. */
    static void fill(ApplicationEntity e, ApplicationSnapshot s) {
        ApplicationContent content = s.content();
        e.stage = s.stage().name();
        e.version = s.version();
        e.title = content.title();
        e.leadOffice = content.leadOffice();
        e.offices = content.officeCodes().toArray(String[]::new);
        e.requestedAmount = content.budget().requestedAmount().amount();
        e.grantedAmount = s.investment() == null ? null : s.investment().grantedAmount().amount();
        e.updatedAt = s.updatedAt();
        e.currentRevision = s.currentRevision().number();
        e.state = Documents.write(Documents.APPLICATION_STATE, new StateDocument(s.assessment(), s.investment(),
                s.reviews()));
    }

    public static ApplicationSnapshot toSnapshot(ApplicationEntity e, RevisionEntity current) {
        return snapshot(e.id, e.registrationNumber, e.periodId, e.stage, e.version, e.receivedAt, e.updatedAt,
                e.submittedBy, toRevision(current), readState(e.state, e.id));
    }

    /** The aggregate's snapshot from its row's columns, its current revision and its parsed state. */
    static ApplicationSnapshot snapshot(java.util.UUID id, String registrationNumber, java.util.UUID periodId,
                                        String stage, long version, java.time.Instant receivedAt,
                                        java.time.Instant updatedAt, String submittedBy, Revision current,
                                        StateDocument d) {
        return new ApplicationSnapshot(id, RegistrationNumber.parse(registrationNumber), periodId,
                Stage.valueOf(stage), version, receivedAt, updatedAt, submittedBy, current, d.reviews(),
                d.assessment(), d.investment());
    }

    /** Reads an application's stored {@code state}. */
    static StateDocument readState(String text, java.util.UUID application) {
        return Documents.read(Documents.APPLICATION_STATE, text, StateDocument.class, "application " + application);
    }

    /** Reads a revision's stored {@code content}. */
    static ApplicationContent readContent(String text, int number, java.util.UUID application) {
        return Documents.read(Documents.REVISION_CONTENT, text, ApplicationContent.class,
                "revision " + number + " of application " + application);
    }

    static RevisionEntity toEntity(java.util.UUID applicationId, Revision r) {
        RevisionEntity e = new RevisionEntity();
        e.applicationId = applicationId;
        e.number = r.number();
        e.content = Documents.write(Documents.REVISION_CONTENT, r.content());
        e.submittedAt = r.submittedAt();
        e.submittedBy = r.submittedBy();
        e.answersCompletionRequest = r.answersCompletionRequest();
        return e;
    }

    static Revision toRevision(RevisionEntity e) {
        return new Revision(e.number, readContent(e.content, e.number, e.applicationId), e.submittedAt,
                e.submittedBy, e.answersCompletionRequest);
    }
}

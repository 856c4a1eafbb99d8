package se.socialfund.application.port.in;

import java.util.List;
import java.util.UUID;

import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.Revision;

/** Reading applications: one, a filtered page, the history, and the revisions. */
public interface GetApplicationQuery {
    ApplicationView get(UUID id);

    /** The caller's filter; the use case adds the office restriction for office staff. */
    Page<ApplicationSummary> list(ApplicationSearch search, int limit, Long after);

    List<ApplicationEvent> history(UUID id);

    List<Revision> revisions(UUID id);

    Revision revision(UUID id, int number);
}

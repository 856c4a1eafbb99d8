package se.socialfund.application.usecase;

import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.application.port.in.ApplicationSearch;
import se.socialfund.application.port.in.GetApplicationQuery;
import se.socialfund.application.port.out.ApplicationFilter;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.usecase.AuditedChanges.Subject;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

/** Reads applications for a caller: only what their office or role may see. */
public final class ApplicationQueryService implements GetApplicationQuery {
    private final AuditedChanges changes;
    private final ApplicationRepository applications;

    public ApplicationQueryService(AuditedChanges changes, ApplicationRepository applications) {
        this.changes = changes;
        this.applications = applications;
    }

    @Override
    public ApplicationView get(UUID id) {
        return changes.lookup("getApplication", (caller, subject) ->
                ApplicationViews.view(load(id, caller.actor(), subject), caller.actor()));
    }

    @Override
    public Page<ApplicationSummary> list(ApplicationSearch search, int limit, Long after) {
        return changes.lookup("listApplications", (caller, subject) -> {
            Actor actor = caller.actor();
            ApplicationFilter scoped = new ApplicationFilter(search.stage(), search.office(), search.periodId(),
                    search.registrationNumber(), null, null);
            if (!actor.seesAllOffices()) {
                // office staff see their office's applications; the form sees what it submitted
                String office = actor.office().orElse(null);
                String submitter = office == null && actor.has(Role.FORM_INTEGRATION) ? actor.subject() : null;
                if (office == null && submitter == null) {
                    return new Page<ApplicationSummary>(List.of(), null);
                }
                scoped = new ApplicationFilter(search.stage(), search.office(), search.periodId(),
                        search.registrationNumber(), office, submitter);
            }
            return applications.list(scoped, limit, after);
        });
    }

    @Override
    public List<ApplicationEvent> history(UUID id) {
        return changes.lookup("getApplicationHistory", (caller, subject) -> {
            load(id, caller.actor(), subject);
            return applications.history(id);
        });
    }

    @Override
    public List<Revision> revisions(UUID id) {
        return changes.lookup("listRevisions", (caller, subject) -> {
            load(id, caller.actor(), subject);
            return applications.revisions(id);
        });
    }

    @Override
    public Revision revision(UUID id, int number) {
        return changes.lookup("getRevision", (caller, subject) -> {
            load(id, caller.actor(), subject);
            return applications.revision(id, number)
                    .orElseThrow(() -> new NotFound("revision " + number + " of application " + id));
        });
    }

    private Application load(UUID id, Actor actor, Subject subject) {
        Application app = applications.find(id).orElseThrow(() -> new NotFound("application " + id));
        return Authorization.visible(app, actor, subject, id);
    }
}

package se.socialfund.domain.idea;

import java.util.EnumSet;
import java.util.Set;

import se.socialfund.domain.shared.Role;

import static se.socialfund.domain.idea.IdeaStage.RECEIVED;
import static se.socialfund.domain.idea.IdeaStage.SCREENING;
import static se.socialfund.domain.idea.IdeaStage.SPONSORED;
import static se.socialfund.domain.shared.Role.APPLICANT;
import static se.socialfund.domain.shared.Role.FORM_INTEGRATION;
import static se.socialfund.domain.shared.Role.FUND_OFFICER;
import static se.socialfund.domain.shared.Role.OFFICE_HEAD;

/**
 * The steps on an idea: who may take each and in which stages; the data behind {@code allowedActions} and the
 * refusals. Office roles act only for the office the step names (see {@link Idea#mayTake}); the application form
 * answers and withdraws only what it submitted itself.
 */
public enum IdeaAction {
    START_SCREENING("screening", EnumSet.of(FUND_OFFICER), EnumSet.of(RECEIVED)),
    ASK_QUESTION("questions", EnumSet.of(FUND_OFFICER), EnumSet.of(SCREENING)),
    /** The submitter's answer: through the form, or registered by a fund officer from a mail. */
    ANSWER_QUESTION("answers", EnumSet.of(FORM_INTEGRATION, FUND_OFFICER), EnumSet.of(SCREENING)),
    /** An office head of one of the offices the idea concerns takes it on for their office. */
    SPONSOR("sponsorship", EnumSet.of(OFFICE_HEAD), EnumSet.of(SCREENING)),
    DECLINE("decline", EnumSet.of(FUND_OFFICER), EnumSet.of(RECEIVED, SCREENING)),
    WITHDRAW("withdrawal", EnumSet.of(FORM_INTEGRATION, FUND_OFFICER), EnumSet.of(RECEIVED, SCREENING, SPONSORED)),
    /** The sponsoring office's staff turn it into their application, in an open application period. */
    CONVERT("conversion", EnumSet.of(APPLICANT, OFFICE_HEAD), EnumSet.of(SPONSORED));

    private final String resource;
    private final Set<Role> roles;
    private final Set<IdeaStage> from;

    IdeaAction(String resource, Set<Role> roles, Set<IdeaStage> from) {
        this.resource = resource;
        this.roles = Set.copyOf(roles);
        this.from = Set.copyOf(from);
    }

    /** The sub-resource that takes the step, as in {@code POST /ideas/{id}/<resource>}. */
    public String resource() {
        return resource;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<IdeaStage> from() {
        return from;
    }

    public boolean allowedIn(IdeaStage stage) {
        return from.contains(stage);
    }
}

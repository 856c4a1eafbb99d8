package se.socialfund.domain.application;

import java.util.EnumSet;
import java.util.Set;

import se.socialfund.domain.shared.Role;

import static se.socialfund.domain.shared.Role.FUND_OFFICER;
import static se.socialfund.domain.shared.Role.OFFICE_HEAD;
import static se.socialfund.domain.shared.Role.APPLICANT;
import static se.socialfund.domain.shared.Role.SCIENTIFIC_ADVISOR;
import static se.socialfund.domain.application.Stage.*;

/**
 * The business steps on an application: who may take each (roles, and whether it must be the application's own
 * office), and in which stages. This table is the data behind {@code allowedActions}.
 */
public enum Action {
    ASSESS_CRITERIA("criteria-assessment", roles(FUND_OFFICER), false, stages(RECEIVED)),
    REQUEST_COMPLETION("completion-requests", roles(FUND_OFFICER), false, stages(CRITERIA_CHECKED, READY_FOR_DECISION)),
    SUBMIT_REVISION("revisions", roles(APPLICANT, OFFICE_HEAD), true, stages(COMPLETION_REQUESTED)),
    ADD_MUNICIPAL_PERSPECTIVE("municipal-perspective", roles(FUND_OFFICER), false, stages(CRITERIA_CHECKED)),
    ADD_REVIEW("reviews", roles(SCIENTIFIC_ADVISOR), false,
            stages(RECEIVED, CRITERIA_CHECKED, COMPLETION_REQUESTED, READY_FOR_DECISION, GRANTED, IN_IMPLEMENTATION,
                    FOLLOWED_UP, EVALUATED, TERMINATED)),
    RECORD_BOARD_DECISION("board-decision", roles(FUND_OFFICER), false, stages(READY_FOR_DECISION)),
    START_PROJECT("project-start", roles(APPLICANT, OFFICE_HEAD), true, stages(GRANTED)),
    REPORT_COSTS("cost-reports", roles(APPLICANT, OFFICE_HEAD), true, stages(IN_IMPLEMENTATION, FOLLOWED_UP)),
    SUBMIT_FOLLOW_UP("follow-ups", roles(APPLICANT, OFFICE_HEAD), true, stages(IN_IMPLEMENTATION)),
    SUBMIT_EVALUATION("evaluation", roles(APPLICANT, OFFICE_HEAD), true, stages(FOLLOWED_UP, TERMINATED)),
    RECORD_IMPLEMENTATION_DECISION("implementation-decision", roles(FUND_OFFICER, OFFICE_HEAD), true, stages(EVALUATED)),
    WITHDRAW("withdrawal", roles(APPLICANT, OFFICE_HEAD), true,
            stages(RECEIVED, CRITERIA_CHECKED, COMPLETION_REQUESTED, READY_FOR_DECISION)),
    TERMINATE("termination", roles(FUND_OFFICER), false, stages(IN_IMPLEMENTATION, FOLLOWED_UP)),
    /** Only for investments started before 2021 (återföringsmodellen); checked by the fund's rules too. */
    SET_REPAYMENT_PLAN("repayment-plan", roles(FUND_OFFICER), false,
            stages(IN_IMPLEMENTATION, FOLLOWED_UP, EVALUATED, TERMINATED));

    private final String resource;
    private final Set<Role> roles;
    private final boolean ownOfficeOnlyForOfficeRoles;
    private final Set<Stage> from;

    Action(String resource, Set<Role> roles, boolean ownOfficeOnlyForOfficeRoles, Set<Stage> from) {
        this.resource = resource;
        this.roles = roles;
        this.ownOfficeOnlyForOfficeRoles = ownOfficeOnlyForOfficeRoles;
        this.from = from;
    }

    /** The sub-resource of the application that takes this step, as in {@code POST /applications/{id}/<resource>}. */
    public String resource() {
        return resource;
    }

    public Set<Role> roles() {
        return roles;
    }

    /** Stages in which this step may be taken. */
    public Set<Stage> from() {
        return from;
    }

    public boolean allowedIn(Stage stage) {
        return from.contains(stage);
    }

    /**
     * Whether an office role (applicant, office head) must belong to one of the application's offices. Visibility
     * already hides other offices' applications; this states the rule where it is decided.
     */
    public boolean requiresOwnOffice() {
        return ownOfficeOnlyForOfficeRoles;
    }

    private static Set<Role> roles(Role... roles) {
        return Set.copyOf(EnumSet.of(roles[0], roles));
    }

    private static Set<Stage> stages(Stage... stages) {
        return Set.copyOf(EnumSet.of(stages[0], stages));
    }
}

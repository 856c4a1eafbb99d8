package se.socialfund.domain.application;

/** Where an application is in its lifecycle. Final stages allow no further step. */
public enum Stage {
    /** Ansökan inkommen: received in an open period, with a registration number. */
    RECEIVED(Phase.ASSESSMENT, false),
    /** All four basic criteria met; awaiting completion or the municipality-wide perspective. */
    CRITERIA_CHECKED(Phase.ASSESSMENT, false),
    /** Komplettering: the officer has asked the office questions; a revision answers them. */
    COMPLETION_REQUESTED(Phase.ASSESSMENT, false),
    /** The decision memo (tjänsteskrivelse) is complete with the municipality-wide perspective. */
    READY_FOR_DECISION(Phase.ASSESSMENT, false),
    /** Beviljad: the board granted money, which the fund has committed. */
    GRANTED(Phase.INVESTMENT, false),
    /** Avslag: the board declined. */
    DECLINED(Phase.ASSESSMENT, true),
    /** A basic criterion was not met; the application ends with its reasons. */
    REJECTED(Phase.ASSESSMENT, true),
    /** Genomförande: the project has started. */
    IN_IMPLEMENTATION(Phase.PROJECT, false),
    /** Halvtidsuppföljning: the mid-term follow-up is in. */
    FOLLOWED_UP(Phase.PROJECT, false),
    /** Utvärdering: the final evaluation is in; the committee's implementation decision is next. */
    EVALUATED(Phase.PROJECT, false),
    /** The implementation decision is recorded and the investment is closed. */
    CLOSED(Phase.PROJECT, true),
    /** Withdrawn by its office before the board decided. */
    WITHDRAWN(Phase.ASSESSMENT, true),
    /** Ended early by the fund officer; the project still owes its evaluation. */
    TERMINATED(Phase.PROJECT, false);

    /**
     * Which of the application's parts exist in a stage: the assessment always; the investment from the grant; the
     * project from its start. Restoring an application checks that its parts agree with its stage.
     */
    public enum Phase { ASSESSMENT, INVESTMENT, PROJECT }

    private final Phase phase;
    private final boolean terminal;

    Stage(Phase phase, boolean terminal) {
        this.phase = phase;
        this.terminal = terminal;
    }

    public Phase phase() {
        return phase;
    }

    public boolean isTerminal() {
        return terminal;
    }
}

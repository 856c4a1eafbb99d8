package se.socialfund.domain.application;

/** Where an application is in its lifecycle. Final stages allow no further step. */
public enum Stage {
    /** Ansökan inkommen: received in an open period, with a registration number. */
    RECEIVED(false),
    /** All four basic criteria met; awaiting completion or the municipality-wide perspective. */
    CRITERIA_CHECKED(false),
    /** Komplettering: the officer has asked the office questions; a revision answers them. */
    COMPLETION_REQUESTED(false),
    /** The decision memo (tjänsteskrivelse) is complete with the municipality-wide perspective. */
    READY_FOR_DECISION(false),
    /** Beviljad: the board granted money, which the fund has committed. */
    GRANTED(false),
    /** Avslag: the board declined. */
    DECLINED(true),
    /** A basic criterion was not met; the application ends with its reasons. */
    REJECTED(true),
    /** Genomförande: the project has started. */
    IN_IMPLEMENTATION(false),
    /** Halvtidsuppföljning: the mid-term follow-up is in. */
    FOLLOWED_UP(false),
    /** Utvärdering: the final evaluation is in; the committee's implementation decision is next. */
    EVALUATED(false),
    /** The implementation decision is recorded and the investment is closed. */
    CLOSED(true),
    /** Withdrawn by its office before the board decided. */
    WITHDRAWN(true),
    /** Ended early by the fund officer; the project still owes its evaluation. */
    TERMINATED(false);

    private final boolean terminal;

    Stage(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean isTerminal() {
        return terminal;
    }
}

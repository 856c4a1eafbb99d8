package se.socialfund.domain.idea;

/**
 * Where an idea (idéprövning) stands: received, in screening (the fund officer's questions and the submitter's
 * answers), then sponsored by an office (which may convert it into an application), declined or withdrawn.
 */
public enum IdeaStage {
    /** Inkommen: registered with its number, not yet screened. */
    RECEIVED,
    /** Under prövning: the fund officer screens it, asking the submitter as often as needed. */
    SCREENING,
    /** An office head has taken it on for their office. */
    SPONSORED,
    /** Avslagen: not taken further, with reasons. */
    DECLINED,
    /** Återtagen by its submitter. */
    WITHDRAWN,
    /** Became an application of the sponsoring office; the idea records which. */
    CONVERTED;

    public boolean isFinal() {
        return this == DECLINED || this == WITHDRAWN || this == CONVERTED;
    }
}

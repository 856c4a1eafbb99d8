package se.socialfund.domain.outcomes;

/** How the cohort's outcomes are compared: INDIGO's list of outcome validation methods. */
public enum ComparisonMethod {
    RANDOMISED_CONTROL_TRIAL("Randomised Control Trial"),
    QUASI_EXPERIMENTAL("Quasi-experimental study"),
    HISTORICAL_COMPARISON("Historical comparison"),
    PRE_POST("Pre-Post analysis"),
    SIMPLE_VERIFICATION("Simple ex-post verification");

    private final String indigoLabel;

    ComparisonMethod(String indigoLabel) {
        this.indigoLabel = indigoLabel;
    }

    /** The wording INDIGO uses for this method. */
    public String indigoLabel() {
        return indigoLabel;
    }
}

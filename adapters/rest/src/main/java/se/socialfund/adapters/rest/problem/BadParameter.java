package se.socialfund.adapters.rest.problem;

/** A query parameter, path parameter or header that cannot be read (400). */
public final class BadParameter extends RuntimeException {
    private final String parameter;

    public BadParameter(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}

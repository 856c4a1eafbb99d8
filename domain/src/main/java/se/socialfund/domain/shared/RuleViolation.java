package se.socialfund.domain.shared;

import java.util.List;

/** Content that is well-formed but breaks a rule of the domain; lists each offending field. */
public final class RuleViolation extends DomainException {
    /** One broken rule: where (a JSON-pointer-like path into the request) and why. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public RuleViolation(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public RuleViolation(String field, String message) {
        this(message, List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

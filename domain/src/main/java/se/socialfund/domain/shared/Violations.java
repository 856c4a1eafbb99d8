package se.socialfund.domain.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every broken rule of one request, so that a caller learns all of them at once. */
public final class Violations {
    private final List<RuleViolation.Violation> found = new ArrayList<>();

    public Violations require(boolean condition, String field, String message) {
        if (!condition) {
            found.add(new RuleViolation.Violation(field, message));
        }
        return this;
    }

    public Violations requireText(String value, String field) {
        return require(value != null && !value.isBlank(), field, "is required and must not be blank");
    }

    public Violations requirePresent(Object value, String field) {
        return require(value != null, field, "is required");
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny(String message) {
        if (!found.isEmpty()) {
            throw new RuleViolation(message, found);
        }
    }
}

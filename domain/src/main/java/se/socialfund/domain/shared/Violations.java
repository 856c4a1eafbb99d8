package se.socialfund.domain.shared;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one request, so that a caller learns all of them at once. Fields are named as
 * dotted paths into the command ({@code goals.0.indicators.1.code}); the REST adapter turns them into JSON
 * pointers, and cap how many a problem lists.
 */
public final class Violations {
    private final List<RuleViolation.Violation> found = new ArrayList<>();

    public Violations require(boolean condition, String field, String message) {
        if (!condition) {
            found.add(new RuleViolation.Violation(field, message));
        }
        return this;
    }

    /** Required text of at most {@link Limits#TEXT} characters. */
    public Violations requireText(String value, String field) {
        return requireText(value, field, Limits.TEXT);
    }

    /** Required, not blank, and at most {@code max} characters. */
    public Violations requireText(String value, String field, int max) {
        require(value != null && !value.isBlank(), field, "is required and must not be blank");
        return maxLength(value, field, max);
    }

    /** Optional text: absent, or at most {@code max} characters. */
    public Violations maxLength(String value, String field, int max) {
        return require(value == null || value.length() <= max, field, "at most " + max + " characters");
    }

    public Violations requirePresent(Object value, String field) {
        return require(value != null, field, "is required");
    }

    public Violations requireMatch(String value, Pattern pattern, String field, String message) {
        return require(value != null && pattern.matcher(value).matches(), field, message);
    }

    public Violations requireRange(Integer value, int min, int max, String field) {
        return require(value != null && value >= min && value <= max, field,
                "is required, from " + min + " to " + max);
    }

    public Violations requireYear(Integer value, String field) {
        return require(value != null && value >= Limits.YEAR_MIN && value <= Limits.YEAR_MAX, field,
                "a year between " + Limits.YEAR_MIN + " and " + Limits.YEAR_MAX);
    }

    /** A measured value: present, within ±10^12, with at most six decimals. */
    public Violations requireMeasure(BigDecimal value, String field) {
        return require(value != null && value.abs().compareTo(Limits.MEASURE_BOUND) <= 0
                        && value.stripTrailingZeros().scale() <= Limits.MEASURE_SCALE, field,
                "a number within ±1000000000000 with at most six decimals");
    }

    /**
     * A list of {@code min} to {@code max} items. Answers whether its items should be checked: not when it is
     * absent or over its size, so that a huge list costs nothing more than this check.
     */
    public boolean requireList(List<?> list, int min, int max, String field) {
        boolean present = list != null;
        require(present && list.size() >= min, field, min == 0 ? "is required (it may be empty)"
                : "at least " + min + (min == 1 ? " item" : " items"));
        require(!present || list.size() <= max, field, "at most " + max + " items");
        return present && list.size() <= max;
    }

    /** Checks each text of an optional list of short texts. */
    public Violations requireTexts(List<String> texts, int min, int max, String field, int maxLength) {
        if (requireList(texts, min, max, field)) {
            for (int i = 0; i < texts.size(); i++) {
                requireText(texts.get(i), field + "." + i, maxLength);
            }
        }
        return this;
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

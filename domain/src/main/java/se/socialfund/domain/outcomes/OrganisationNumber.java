package se.socialfund.domain.outcomes;

import java.util.regex.Pattern;

import se.socialfund.domain.shared.RuleViolation;

/**
 * A Swedish organisation number (organisationsnummer), {@code NNNNNN-NNNN}: ten digits whose last is a Luhn check
 * digit over the first nine, the same check as a personal identity number. Only organisations are parties to a
 * contract, never participants.
 */
public record OrganisationNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[0-9]{6}-[0-9]{4}");

    public OrganisationNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("an organisation number is NNNNNN-NNNN");
        }
        if (!luhnValid(value.replace("-", ""))) {
            throw new IllegalArgumentException("the check digit of " + value + " is wrong");
        }
    }

    /** Parses and checks, answering a rule violation at the field. */
    public static OrganisationNumber parse(String text, String field) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            throw new RuleViolation(field, "an organisation number: six digits, a hyphen, four digits, "
                    + "e.g. 212000-0449");
        }
        if (!luhnValid(text.replace("-", ""))) {
            throw new RuleViolation(field, "the check digit (the last) of the organisation number is wrong");
        }
        return new OrganisationNumber(text);
    }

    /** Luhn (modulus 10): every other digit from the left doubled, starting with the first; the sum ends in 0. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}

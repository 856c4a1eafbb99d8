package se.socialfund.domain.idea;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.outcomes.OrganisationNumber;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * What an idea (idéprövning) is sent with: from an organisation outside the municipality, or from an office that
 * sees a need without a method. Field names in violations are the request's dotted paths.
 *
 * @param title            a short name for the idea
 * @param need             the need seen (behovet)
 * @param targetGroup      målgrupp: who, in aggregate, and how many if known (at least five)
 * @param proposedMethod   the method proposed, if any (metod)
 * @param humanEffects     the expected human effects (förväntade mänskliga effekter)
 * @param economicEffects  the expected economic effects (förväntade ekonomiska effekter)
 * @param offices          the municipal offices (kontor) it concerns
 * @param roughCost        a rough estimate of the cost, in SEK
 * @param timeFrame        a rough time frame, in words
 * @param organisation     the submitting organisation, when it comes from outside the municipality
 * @param submittingOffice the submitting office, when an office sends it (exactly one of the two)
 * @param contact          whom to contact: personal data, shown only to fund officers and the sponsoring office
 */
public record IdeaContent(String title, String need, TargetGroup targetGroup, String proposedMethod,
                          String humanEffects, String economicEffects, List<String> offices, Money roughCost,
                          String timeFrame, Organisation organisation, String submittingOffice, Contact contact) {
    /** The smallest target group an idea may name: the same rule as an application's. */
    public static final int MIN_GROUP = ApplicationContent.MIN_GROUP;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{4,29}");

    public IdeaContent {
        offices = offices == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(offices));
    }

    /** Målgrupp: a description in aggregate and, if known, its size. */
    public record TargetGroup(String description, Integer size) {
    }

    /** A submitting organisation: its name and Swedish organisation number (NNNNNN-NNNN, Luhn check digit). */
    public record Organisation(String name, String organisationNumber) {
        void validate(String at, Violations v) {
            v.requireText(name, at + ".name", Limits.NAME);
            v.require(isOrganisationNumber(organisationNumber), at + ".organisationNumber",
                    "a Swedish organisation number, NNNNNN-NNNN, whose last digit is its check digit "
                            + "(e.g. 212000-0449)");
        }
    }

    /** Whom the fund officer contacts about the idea: a person, hence personal data. */
    public record Contact(String name, String email, String phone) {
        void validate(Violations v) {
            v.requireText(name, "contact.name", Limits.NAME);
            v.requireMatch(email, EMAIL, "contact.email", "an e-mail address");
            v.require(phone == null || PHONE.matcher(phone).matches(), "contact.phone",
                    "a telephone number: digits, spaces, hyphens, parentheses, optionally a leading +");
        }
    }

    /** Whether the text is a well-formed organisation number with a right check digit. */
    public static boolean isOrganisationNumber(String text) {
        try {
            new OrganisationNumber(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Every broken rule, named by its field. */
    public void validate(Violations v) {
        v.requireText(title, "title", Limits.TITLE);
        v.requireText(need, "need", Limits.TEXT);
        if (targetGroup == null) {
            v.requirePresent(null, "targetGroup");
        } else {
            v.requireText(targetGroup.description(), "targetGroup.description", Limits.SHORT_TEXT);
            Integer size = targetGroup.size();
            v.require(size == null || size >= MIN_GROUP, "targetGroup.size", ApplicationContent.SMALL_GROUP);
            v.require(size == null || size <= Limits.MAX_COUNT, "targetGroup.size", "at most " + Limits.MAX_COUNT);
        }
        v.maxLength(proposedMethod, "proposedMethod", Limits.TEXT);
        v.requireText(humanEffects, "humanEffects", Limits.SHORT_TEXT);
        v.requireText(economicEffects, "economicEffects", Limits.SHORT_TEXT);
        if (v.requireList(offices, 1, Limits.FEW, "offices")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < offices.size(); i++) {
                v.requireMatch(offices.get(i), Limits.OFFICE, "offices." + i, Limits.OFFICE_MESSAGE);
                v.require(offices.get(i) == null || seen.add(offices.get(i)), "offices." + i, "named twice");
            }
        }
        v.require(roughCost == null || !roughCost.isZero(), "roughCost", "must be more than zero");
        v.requireText(timeFrame, "timeFrame", Limits.SHORT_TEXT);
        v.require((organisation == null) != (submittingOffice == null), "organisation",
                "either the submitting organisation or the submitting office, not both");
        if (organisation != null) {
            organisation.validate("organisation", v);
        }
        if (submittingOffice != null) {
            v.requireMatch(submittingOffice, Limits.OFFICE, "submittingOffice", Limits.OFFICE_MESSAGE);
        }
        if (contact == null) {
            v.requirePresent(null, "contact");
        } else {
            contact.validate(v);
        }
    }

    /** The same content without its contact, for readers who may not see personal data. */
    public IdeaContent withoutContact() {
        return new IdeaContent(title, need, targetGroup, proposedMethod, humanEffects, economicEffects, offices,
                roughCost, timeFrame, organisation, submittingOffice, null);
    }
}

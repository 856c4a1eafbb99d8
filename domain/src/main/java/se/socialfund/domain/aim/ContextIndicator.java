package se.socialfund.domain.aim;

import java.util.regex.Pattern;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Violations;

/**
 * A context indicator of the municipality (omvärldsindikator) that measures the fund's long-term aim (långsiktigt
 * mål), e.g. long-term unemployment among 16-24-year-olds, with its unit, its source and the source's own key (a
 * Kolada KPI id such as "N02280").
 *
 * @param code the fund's own short key (lower-case letters, digits and hyphens)
 */
public record ContextIndicator(String code, String name, String unit, String source, String sourceKey) {
    /** The source's own key: letters, digits and {@code _ . : -}, up to 40 characters (Kolada: "N02280"). */
    public static final Pattern SOURCE_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}");

    /** What the fund officer states; the code is the resource's own. */
    public record Draft(String name, String unit, String source, String sourceKey) {
        void validate(String code, Violations v) {
            v.requireMatch(code, Limits.CODE, "code", Limits.CODE_MESSAGE);
            v.requireText(name, "name", Limits.NAME);
            v.requireText(unit, "unit", Limits.NAME);
            v.requireText(source, "source", Limits.NAME);
            if (sourceKey != null) {
                v.requireMatch(sourceKey, SOURCE_KEY, "sourceKey",
                        "the source's own key, e.g. a Kolada KPI id such as \"N02280\"");
            }
        }
    }

    /** Defines (or redefines) the indicator: the same draft gives the same indicator (idempotent by nature). */
    public static ContextIndicator define(String code, Draft draft) {
        Violations v = new Violations();
        draft.validate(code, v);
        v.throwIfAny("the context indicator is invalid");
        return new ContextIndicator(code, draft.name().strip(), draft.unit().strip(), draft.source().strip(),
                draft.sourceKey());
    }
}

package se.socialfund.domain.shared;

import java.util.regex.Pattern;

/**
 * The sizes and formats of what the fund keeps, written once: the domain checks them, the REST adapter states them
 * in openapi.yaml and parses nothing beyond types. A list over its size is refused before its items are read.
 */
public final class Limits {
    public static final int TITLE = 200;
    public static final int NAME = 200;
    public static final int SHORT_TEXT = 2_000;
    public static final int TEXT = 20_000;
    /** Lists of short items (questions, remarks, conditions, goals...). */
    public static final int FEW = 50;
    public static final int YEAR_MIN = 2000;
    public static final int YEAR_MAX = 2100;
    /** An indicator's value: within ±10^12, at most six decimals. */
    public static final java.math.BigDecimal MEASURE_BOUND = new java.math.BigDecimal("1000000000000");
    public static final int MEASURE_SCALE = 6;
    public static final int MAX_COUNT = 10_000_000;

    public static final Pattern OFFICE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    public static final String OFFICE_MESSAGE = "an office code: lower-case letters, digits and hyphens";
    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String CODE_MESSAGE = "a short key of lower-case letters, digits and hyphens";
    /** A paragraph of the board's minutes, e.g. "§ 123". */
    public static final Pattern MINUTES_PARAGRAPH = Pattern.compile("§ ?[0-9]{1,4}[a-z]?");
    public static final String MINUTES_MESSAGE = "the minutes paragraph, e.g. \"§ 123\"";

    private Limits() {
    }
}

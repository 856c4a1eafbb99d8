package se.socialfund.domain.application;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Diarienummer in the municipal board's records series, e.g. {@code KS 2021/0648}: series, year and a running
 * number within the year. Unique and never reused.
 */
public record RegistrationNumber(String series, int year, int number) implements Comparable<RegistrationNumber> {
    public static final String BOARD_SERIES = "KS";
    private static final Pattern FORMAT = Pattern.compile("([A-ZÅÄÖ]{1,6}) (\\d{4})/(\\d{4,6})");

    public RegistrationNumber {
        Objects.requireNonNull(series, "series");
        if (year < 1900 || year > 9999 || number < 1 || number > 999_999) {
            throw new IllegalArgumentException("not a registration number: " + series + " " + year + "/" + number);
        }
    }

    public static RegistrationNumber parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a registration number: " + text);
        }
        return new RegistrationNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public static boolean isWellFormed(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    @Override
    public String toString() {
        // "KS 2021/0648": what String.format("%s %d/%04d") gives, without parsing a format on every response
        String digits = Integer.toString(number);
        StringBuilder b = new StringBuilder(series.length() + 12).append(series).append(' ').append(year).append('/');
        for (int i = digits.length(); i < 4; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    @Override
    public int compareTo(RegistrationNumber o) {
        int c = Integer.compare(year, o.year);
        return c != 0 ? c : Integer.compare(number, o.number);
    }
}

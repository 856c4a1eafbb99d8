package se.socialfund.domain.application;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A goal (1-17) or a target (e.g. {@code 4.1}, {@code 10.a}) of the UN's Sustainable Development Goals. Only
 * codes that exist in the framework are accepted.
 */
public record Agenda2030Target(String code) {
    private static final Pattern FORMAT = Pattern.compile("([1-9]|1[0-7])(?:\\.([1-9][0-9]?|[a-e]))?");
    /** Per goal 1..17: how many numbered targets, and how many lettered ones (a, b, ...). 169 targets in all. */
    private static final int[] NUMBERED = {0, 5, 5, 9, 7, 6, 6, 3, 10, 5, 7, 7, 8, 3, 7, 9, 10, 19};
    private static final int[] LETTERED = {0, 2, 3, 4, 3, 3, 2, 2, 2, 3, 3, 3, 3, 2, 3, 3, 2, 0};

    public Agenda2030Target {
        if (!exists(code)) {
            throw new IllegalArgumentException("not an Agenda 2030 goal or target: " + code);
        }
    }

    public static boolean exists(String code) {
        Matcher m = FORMAT.matcher(code == null ? "" : code);
        if (!m.matches()) {
            return false;
        }
        int goal = Integer.parseInt(m.group(1));
        String target = m.group(2);
        if (target == null) {
            return true;
        }
        if (Character.isDigit(target.charAt(0))) {
            return Integer.parseInt(target) <= NUMBERED[goal];
        }
        return target.charAt(0) - 'a' < LETTERED[goal];
    }

    /** The goal this code belongs to (1..17). */
    public int goal() {
        int dot = code.indexOf('.');
        return Integer.parseInt(dot < 0 ? code : code.substring(0, dot));
    }

    public static int targetCount() {
        int n = 0;
        for (int g = 1; g <= 17; g++) {
            n += NUMBERED[g] + LETTERED[g];
        }
        return n;
    }
}

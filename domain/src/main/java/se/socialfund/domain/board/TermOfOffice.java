package se.socialfund.domain.board;

import java.time.LocalDate;
import java.time.Period;

/**
 * Mandatperiod: a term of office of the municipal council. Swedish terms begin on 15 October of the election year
 * (2022, 2026, 2030, ...: every four years) and end the day before the next begins.
 */
public record TermOfOffice(LocalDate start, LocalDate end) {
    /** The first term the fund's guideline (KS 2021/0648, decided 10 January 2022) was in force for. */
    public static final int FIRST_ELECTION_YEAR = 2022;
    public static final int YEARS = 4;

    /** The term the day falls in (days before 15 October 2022 fall in the term of 2018). */
    public static TermOfOffice of(LocalDate day) {
        int year = day.getYear();
        int election = year - Math.floorMod(year - FIRST_ELECTION_YEAR, YEARS);
        if (day.isBefore(LocalDate.of(election, 10, 15))) {
            election -= YEARS;
        }
        return beginningIn(election);
    }

    public static TermOfOffice beginningIn(int electionYear) {
        LocalDate start = LocalDate.of(electionYear, 10, 15);
        return new TermOfOffice(start, start.plusYears(YEARS).minusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** The day a task of the term is due: this long after the term began, and never after its last day. */
    public LocalDate due(Period after) {
        LocalDate due = start.plus(after);
        return due.isAfter(end) ? end : due;
    }

    /** "2026–2030". */
    public String label() {
        return start.getYear() + "\u2013" + (end.getYear());
    }
}

package se.socialfund.application.fakes;

import java.util.HashMap;
import java.util.Map;

import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.domain.application.RegistrationNumber;

/** Running numbers in the board's series, starting at 1 each year. */
public final class SequentialRegistrationNumbers implements RegistrationNumbers {
    private final Map<Integer, Integer> lastPerYear = new HashMap<>();

    @Override
    public RegistrationNumber next(int year) {
        int next = lastPerYear.merge(year, 1, Integer::sum);
        return new RegistrationNumber(RegistrationNumber.BOARD_SERIES, year, next);
    }
}

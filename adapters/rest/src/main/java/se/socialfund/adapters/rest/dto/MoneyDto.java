package se.socialfund.adapters.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import se.socialfund.domain.shared.Money;

/** An exact amount in Swedish kronor: the amount as decimal text with at most two decimals, never a float. */
public record MoneyDto(
        @NotNull @Pattern(regexp = MoneyDto.AMOUNT, message = MoneyDto.AMOUNT_MESSAGE) String amount,
        @NotNull @Pattern(regexp = "SEK", message = "only SEK") String currency) {

    public static final String AMOUNT = "(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?";
    public static final String AMOUNT_MESSAGE = "an amount as decimal text, not negative, with at most two decimals, "
            + "e.g. \"11600000.00\"";

    public static MoneyDto of(Money money) {
        return money == null ? null : new MoneyDto(money.format(), "SEK");
    }

    public Money toMoney(String field) {
        return Money.parse(amount, field);
    }

    public Money toPositiveMoney(String field) {
        return Money.parsePositive(amount, field);
    }
}

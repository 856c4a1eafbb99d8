package se.socialfund.adapters.rest.dto;

import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

/**
 * An exact amount in Swedish kronor: the amount as decimal text with at most two decimals, never a float. Its format
 * is the domain's ({@link Money#parse}); this only reads it.
 */
public record MoneyDto(String amount, String currency) {

    public static MoneyDto of(Money money) {
        return money == null ? null : new MoneyDto(money.format(), "SEK");
    }

    /** Reads an amount at the JSON pointer {@code at}; an absent one stays null, for the domain to require. */
    public static Money money(MoneyDto dto, String at) {
        return dto == null ? null : dto.toMoney(at);
    }

    public Money toMoney(String at) {
        if (!"SEK".equals(currency)) {
            throw new RuleViolation(at + "/currency", "only SEK");
        }
        return Money.parse(amount, at + "/amount");
    }
}

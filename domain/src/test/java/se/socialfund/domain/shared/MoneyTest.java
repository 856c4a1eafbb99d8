package se.socialfund.domain.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MoneyTest {

    @Test
    void a_decimal_string_with_two_decimals_is_read_exactly() {
        Money money = Money.parse("11600000.00", "amount");

        assertThat(money.amount()).isEqualByComparingTo("11600000");
        assertThat(money.ore()).isEqualTo(1_160_000_000L);
        assertThat(money.format()).isEqualTo("11600000.00");
    }

    @Test
    void ten_ore_is_read_as_ten_ore() {
        assertThat(Money.parse("0.10", "amount").ore()).isEqualTo(10L);
    }

    @Test
    void a_whole_number_of_kronor_is_read_and_shown_with_two_decimals() {
        assertThat(Money.parse("250", "amount").format()).isEqualTo("250.00");
        assertThat(Money.parse("0", "amount").isZero()).isTrue();
    }

    @Test
    void thirteen_integer_digits_are_the_most_an_amount_has() {
        assertThat(Money.parse("9999999999999.99", "amount").format()).isEqualTo("9999999999999.99");
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"-1.00", "-0.01", "0.105", "1.001", "1e3", "1E3", "1.5E2", "", " ", "  12", "12 ",
            "12345678901234", "1,000.00", "1 000", "+5", "01", "00.10", ".50", "5.", "0x10", "NaN", "Infinity"})
    void text_that_is_not_a_plain_non_negative_amount_with_at_most_two_decimals_is_refused(String text) {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> Money.parse(text, "budget.amount"));

        assertThat(refused).isNotNull();
        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("budget.amount");
    }

    @ParameterizedTest(name = "\"{0}\" is not a positive amount")
    @ValueSource(strings = {"0", "0.0", "0.00"})
    void a_positive_amount_refuses_zero(String text) {
        assertThatThrownBy(() -> Money.parsePositive(text, "grantedAmount")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void a_positive_amount_accepts_one_ore() {
        assertThat(Money.parsePositive("0.01", "grantedAmount").ore()).isEqualTo(1L);
    }

    @Test
    void an_amount_is_never_negative_nor_finer_than_an_ore() {
        assertThatThrownBy(() -> new Money(new BigDecimal("-0.01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(new BigDecimal("0.001"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofOre(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trailing_zeros_beyond_the_ore_are_harmless_and_amounts_equal_whatever_their_scale() {
        assertThat(new Money(new BigDecimal("1.500"))).isEqualTo(Money.of("1.5")).isEqualTo(Money.ofOre(150));
        assertThat(Money.of("1.5").hashCode()).isEqualTo(Money.of("1.50").hashCode());
    }

    @Test
    void a_thousand_additions_of_ten_ore_make_exactly_one_hundred_kronor() {
        Money sum = Money.ZERO;
        Money tenOre = Money.parse("0.10", "amount");
        for (int i = 0; i < 1_000; i++) {
            sum = sum.plus(tenOre);
        }

        assertThat(sum).isEqualTo(Money.of("100.00"));
        assertThat(sum.format()).isEqualTo("100.00");
        assertThat(sum.ore()).isEqualTo(10_000L);
    }

    @Test
    void subtraction_is_exact_and_refuses_to_go_below_zero() {
        assertThat(Money.of("5.00").minus(Money.of("3.50"))).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("0.30").minus(Money.of("0.10")).minus(Money.of("0.20")).isZero()).isTrue();
        assertThatThrownBy(() -> Money.of("3.50").minus(Money.of("5.00"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void minus_or_zero_gives_the_difference_or_zero_when_the_other_is_larger() {
        assertThat(Money.of("5.00").minusOrZero(Money.of("3.50"))).isEqualTo(Money.of("1.50"));
        assertThat(Money.of("3.50").minusOrZero(Money.of("5.00"))).isEqualTo(Money.ZERO);
        assertThat(Money.of("3.50").minusOrZero(Money.of("3.50"))).isEqualTo(Money.ZERO);
    }

    @Test
    void amounts_compare_by_value() {
        assertThat(Money.of("0.10").isLessThan(Money.of("0.11"))).isTrue();
        assertThat(Money.of("10").isGreaterThan(Money.of("9.99"))).isTrue();
        assertThat(Money.of("2").compareTo(Money.of("2.00"))).isZero();
    }

    @Test
    void the_format_is_plain_text_with_exactly_two_decimals_and_never_an_exponent() {
        assertThat(Money.ofOre(5).format()).isEqualTo("0.05");
        assertThat(Money.of("7").format()).isEqualTo("7.00");
        assertThat(new Money(new BigDecimal("1E+7")).format()).isEqualTo("10000000.00");
        assertThat(Money.of("0.05").toString()).isEqualTo("0.05 SEK");
    }
}

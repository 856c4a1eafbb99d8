package se.socialfund.domain.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistrationNumberTest {

    @Test
    void a_number_is_written_as_series_year_and_a_four_digit_running_number() {
        assertThat(new RegistrationNumber("KS", 2026, 1)).hasToString("KS 2026/0001");
        assertThat(new RegistrationNumber("KS", 2021, 648)).hasToString("KS 2021/0648");
    }

    @Test
    void a_running_number_beyond_four_digits_is_written_in_full() {
        assertThat(new RegistrationNumber("KS", 2026, 12345)).hasToString("KS 2026/12345");
    }

    @Test
    void parsing_the_written_form_gives_back_the_same_number() {
        RegistrationNumber parsed = RegistrationNumber.parse("KS 2021/0648");

        assertThat(parsed.series()).isEqualTo("KS");
        assertThat(parsed.year()).isEqualTo(2021);
        assertThat(parsed.number()).isEqualTo(648);
        assertThat(parsed).isEqualTo(new RegistrationNumber("KS", 2021, 648));
        assertThat(RegistrationNumber.parse(parsed.toString())).isEqualTo(parsed);
        assertThat(RegistrationNumber.parse("KS 2026/12345").toString()).isEqualTo("KS 2026/12345");
    }

    @ParameterizedTest(name = "\"{0}\" is not a registration number")
    @NullSource
    @ValueSource(strings = {"", "KS 2021/648", "ks 2021/0648", "KS2021/0648", "KS 21/0648", "KS 2021-0648",
            "KS 2021/1234567", " KS 2021/0648", "KS 2021/0000", "KS 1899/0001"})
    void malformed_or_impossible_numbers_are_refused(String text) {
        assertThatThrownBy(() -> RegistrationNumber.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void well_formedness_is_a_question_of_the_written_form() {
        assertThat(RegistrationNumber.isWellFormed("KS 2026/0001")).isTrue();
        assertThat(RegistrationNumber.isWellFormed("KS 2026/1")).isFalse();
        assertThat(RegistrationNumber.isWellFormed(null)).isFalse();
    }

    @Test
    void the_running_number_must_be_at_least_one() {
        assertThatThrownBy(() -> new RegistrationNumber("KS", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbers_sort_by_year_and_then_by_running_number_not_by_their_text() {
        RegistrationNumber lastOf2025 = new RegistrationNumber("KS", 2025, 9999);
        RegistrationNumber first = new RegistrationNumber("KS", 2026, 2);
        RegistrationNumber ninety = new RegistrationNumber("KS", 2026, 9999);
        RegistrationNumber tenThousand = new RegistrationNumber("KS", 2026, 10000);
        List<RegistrationNumber> numbers = new ArrayList<>(List.of(tenThousand, first, ninety, lastOf2025));

        Collections.sort(numbers);

        assertThat(numbers).containsExactly(lastOf2025, first, ninety, tenThousand);
        // as text, "KS 2026/10000" would sort before "KS 2026/9999"
        assertThat(tenThousand.toString()).isLessThan(ninety.toString());
    }
}

package se.socialfund.domain.audit;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    /** The form openapi.yaml states for X-Request-Id, as a pattern: what the loop must agree with. */
    private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ParameterizedTest
    @ValueSource(strings = {"a", "problem-1", "audit-3f1c:2.x_y", "Z9",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void a_well_formed_id_is_kept(String id) {
        assertThat(RequestIds.isWellFormed(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "a\r\nX-Injected: 1", "a/b", "å", "a;b", "a\"b", "a,b", "a\tb", "é1",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void an_id_a_header_or_a_log_line_could_be_split_by_or_too_long_is_not(String id) {
        assertThat(RequestIds.isWellFormed(id)).isFalse();
    }

    @Test
    void a_character_outside_the_basic_plane_is_not_kept() {
        String pair = new String(Character.toChars(0x1F600)); // two chars, a surrogate pair
        assertThat(RequestIds.isWellFormed(pair)).isFalse();
        assertThat(RequestIds.isWellFormed("a" + pair + "b")).isFalse();
        assertThat(CONTRACT.matcher("a" + pair + "b").matches()).isFalse();
    }

    @Test
    void no_id_is_not_well_formed() {
        assertThat(RequestIds.isWellFormed(null)).isFalse();
    }

    @Test
    void the_loop_agrees_with_the_contracts_pattern_on_every_character() {
        for (int code = 0; code <= 0xFFFF; code++) {
            char c = (char) code;
            String one = String.valueOf(c);
            assertThat(RequestIds.isWellFormed(one)).as("U+%04X", (int) c).isEqualTo(CONTRACT.matcher(one).matches());
            String inside = "a" + c + "b";
            assertThat(RequestIds.isWellFormed(inside)).as("a U+%04X b", (int) c)
                    .isEqualTo(CONTRACT.matcher(inside).matches());
        }
    }
}

package se.socialfund.domain.audit;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    /** The form openapi.yaml states for X-Request-Id, as a pattern: what the loop must agree with. */
    private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ParameterizedTest
    @ValueSource(strings = {"a", "problem-1", "audit-3f1c:2.x_y", "Z9", "0123456789012345678901234567890123456789012345678901234567890123"})
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
    void no_id_is_not_well_formed() {
        assertThat(RequestIds.isWellFormed(null)).isFalse();
    }

    @Test
    void the_loop_agrees_with_the_contracts_pattern_on_every_character() {
        for (char c = 0; c < 0x3000; c++) {
            String one = String.valueOf(c);
            assertThat(RequestIds.isWellFormed(one)).as("U+%04X", (int) c).isEqualTo(CONTRACT.matcher(one).matches());
            String inside = "a" + c + "b";
            assertThat(RequestIds.isWellFormed(inside)).as("a U+%04X b", (int) c)
                    .isEqualTo(CONTRACT.matcher(inside).matches());
        }
    }

    @Test
    void a_new_id_is_a_well_formed_random_version_4_uuid_and_never_repeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.next();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(RequestIds.isWellFormed(id)).isTrue();
            assertThat(seen.add(id)).as("repeated %s", id).isTrue();
        }
    }
}

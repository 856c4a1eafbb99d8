package se.socialfund.adapters.rest;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.NotFound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {
    @Test
    void a_uuid_in_its_canonical_form_is_read_in_either_case() {
        UUID id = UUID.fromString("23b9e714-5ccc-4cb8-b690-7f84e111a86a");
        assertThat(Ids.parse("23b9e714-5ccc-4cb8-b690-7f84e111a86a")).contains(id);
        assertThat(Ids.parse("23B9E714-5CCC-4CB8-B690-7F84E111A86A")).contains(id);
        assertThat(Ids.inPath(id.toString(), "idea")).isEqualTo(id);
    }

    @Test
    void short_forms_that_the_jdk_would_take_for_another_id_name_nothing() {
        // UUID.fromString takes each of these for an id that another text names
        assertThat(UUID.fromString("1-2-3-4-5")).hasToString("00000001-0002-0003-0004-000000000005");
        assertThat(Ids.parse("1-2-3-4-5")).isEmpty();
        assertThat(Ids.parse("3b9e714-5ccc-4cb8-b690-7f84e111a86a")).isEmpty();
        String thirtySix = "3b9e714-5ccc-4cb8-b690-07f84e111a86a";
        assertThat(thirtySix).hasSize(36);
        assertThat(UUID.fromString(thirtySix)).hasToString("03b9e714-5ccc-4cb8-b690-7f84e111a86a");
        assertThat(Ids.parse(thirtySix)).isEmpty();
    }

    @Test
    void anything_else_names_nothing_and_is_404_in_a_path() {
        for (String text : new String[]{null, "", "not-an-id", "23b9e714-5ccc-4cb8-b690-7f84e111a86g",
                "23b9e714+5ccc-4cb8-b690-7f84e111a86a", "23b9e714-5ccc-4cb8-b690-7f84e111a86a0"}) {
            assertThat(Ids.parse(text)).as(String.valueOf(text)).isEmpty();
        }
        assertThatThrownBy(() -> Ids.inPath("1-2-3-4-5", "webhook endpoint")).isInstanceOf(NotFound.class)
                .hasMessageStartingWith("webhook endpoint 1-2-3-4-5");
    }
}

package se.socialfund.domain.application;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class Agenda2030TargetTest {

    /** Every target code the scheme could possibly write: goal 1-17, numbers 1-30 and letters a-z. */
    private static Map<Integer, Integer> existingTargetsPerGoal() {
        Map<Integer, Integer> perGoal = new TreeMap<>();
        for (int goal = 1; goal <= 17; goal++) {
            int count = 0;
            for (int n = 0; n <= 30; n++) {
                if (Agenda2030Target.exists(goal + "." + n)) {
                    count++;
                }
            }
            for (char letter = 'a'; letter <= 'z'; letter++) {
                if (Agenda2030Target.exists(goal + "." + letter)) {
                    count++;
                }
            }
            perGoal.put(goal, count);
        }
        return perGoal;
    }

    @Test
    void the_framework_has_exactly_169_targets() {
        assertThat(existingTargetsPerGoal().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(169);
        assertThat(Agenda2030Target.targetCount()).isEqualTo(169);
    }

    @Test
    void each_goal_has_the_targets_of_the_un_framework() {
        // from the UN's global indicator framework (A/RES/71/313): numbered targets + lettered means of implementation
        assertThat(existingTargetsPerGoal()).containsExactly(
                entry(1, 5 + 2), entry(2, 5 + 3), entry(3, 9 + 4), entry(4, 7 + 3), entry(5, 6 + 3),
                entry(6, 6 + 2), entry(7, 3 + 2), entry(8, 10 + 2), entry(9, 5 + 3), entry(10, 7 + 3),
                entry(11, 7 + 3), entry(12, 8 + 3), entry(13, 3 + 2), entry(14, 7 + 3), entry(15, 9 + 3),
                entry(16, 10 + 2), entry(17, 19));
    }

    @Test
    void the_seventeen_goals_themselves_are_valid_codes() {
        for (int goal = 1; goal <= 17; goal++) {
            assertThat(new Agenda2030Target(Integer.toString(goal)).goal()).isEqualTo(goal);
        }
    }

    @ParameterizedTest(name = "{0} exists")
    @ValueSource(strings = {"1.1", "1.b", "3.9", "3.d", "4.7", "8.10", "10.a", "10.c", "16.10", "16.b", "17.1",
            "17.19"})
    void targets_at_the_edges_of_each_goal_exist(String code) {
        assertThat(Agenda2030Target.exists(code)).isTrue();
        assertThat(new Agenda2030Target(code).code()).isEqualTo(code);
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullSource
    @ValueSource(strings = {"", "0", "18", "4.8", "17.a", "1.c", "3.e", "8.11", "16.11", "17.20", "4.0", "04",
            "4.01", "4.", ".1", "4.1.2", "10.A", " 4.1", "4,1", "goal 4"})
    void codes_outside_the_framework_are_refused(String code) {
        assertThat(Agenda2030Target.exists(code)).isFalse();
        assertThatThrownBy(() -> new Agenda2030Target(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_target_knows_its_goal() {
        assertThat(new Agenda2030Target("10.a").goal()).isEqualTo(10);
        assertThat(new Agenda2030Target("17.19").goal()).isEqualTo(17);
        assertThat(new Agenda2030Target("4.2").goal()).isEqualTo(4);
    }
}

package se.socialfund.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(5), Duration.ofHours(1),
            Duration.ofHours(24));

    @Test
    void delays_double_per_attempt_up_to_the_maximum_with_jitter_between_half_and_all_of_it() {
        assertThat(policy.delayAfter(1, 0.999)).isBetween(Duration.ofMillis(4990), Duration.ofSeconds(5));
        assertThat(policy.delayAfter(1, 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(policy.delayAfter(2, 0.999)).isBetween(Duration.ofMillis(9980), Duration.ofSeconds(10));
        assertThat(policy.delayAfter(4, 0.999)).isBetween(Duration.ofMillis(39900), Duration.ofSeconds(40));
        assertThat(policy.delayAfter(20, 0.999)).isBetween(Duration.ofMillis(3596000), Duration.ofHours(1));
        assertThat(policy.delayAfter(1000, 0.0)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_message_is_retried_for_24_hours_from_its_first_failure_and_about_thirty_times() {
        Instant first = Instant.parse("2026-11-29T00:00:00Z");
        assertThat(policy.givesUp(first, first.plus(Duration.ofHours(24)).minusSeconds(1))).isFalse();
        assertThat(policy.givesUp(first, first.plus(Duration.ofHours(24)))).isTrue();
        // the slowest schedule (no jitter shortening): how many attempts fit in 24 hours
        Instant at = first;
        int attempts = 1;
        while (!policy.givesUp(first, at)) {
            at = at.plus(policy.delayAfter(attempts, 0.999999));
            attempts++;
        }
        assertThat(attempts).isBetween(25, 40);
    }

    @Test
    void registration_needs_https_and_refuses_user_info_and_plain_http_unless_loopback_is_allowed() {
        assertThat(WebhookEndpoint.validate("https://forms.example.se/hooks", List.of(), null, false)).isNotNull();
        assertThatThrownBy(() -> WebhookEndpoint.validate("http://forms.example.se/hooks", List.of(), null, true))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> WebhookEndpoint.validate("http://127.0.0.1:8080/hooks", List.of(), null, false))
                .isInstanceOf(RuleViolation.class);
        assertThat(WebhookEndpoint.validate("http://127.0.0.1:8080/hooks", List.of(), null, true)).isNotNull();
        assertThatThrownBy(() -> WebhookEndpoint.validate("https://user:pw@forms.example.se/", List.of(), null,
                false)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> WebhookEndpoint.validate("https://forms.example.se/", List.of("granted"), null,
                false)).isInstanceOf(RuleViolation.class);
        assertThat(WebhookEndpoint.validate("https://forms.example.se/",
                List.of("se.socialfund.application.granted.v1"), null, false)).isNotNull();
    }
}

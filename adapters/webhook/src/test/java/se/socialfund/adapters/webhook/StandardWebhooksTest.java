package se.socialfund.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandardWebhooksTest {
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_signer_reproduces_the_standard_webhooks_test_vector() {
        assertThat(StandardWebhooks.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void any_change_of_id_timestamp_or_body_changes_the_signature() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String original = StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, BODY);
        assertThat(StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJeK", 1614265330L, BODY))
                .isNotEqualTo(original);
        assertThat(StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331L, BODY))
                .isNotEqualTo(original);
        assertThat(StandardWebhooks.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(original);
    }

    @Test
    void during_a_rotation_both_secrets_sign_separated_by_a_space() {
        String header = StandardWebhooks.signatures(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])), "msg_1", 1L, BODY);
        String[] parts = header.split(" ");
        assertThat(parts).hasSize(2).allMatch(p -> p.startsWith("v1,"));
        assertThat(parts[0]).isNotEqualTo(parts[1]);
    }
}

package se.socialfund.adapters.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature: {@code v1,} and the base64 HMAC-SHA256, keyed with the base64-decoded part of
 * the {@code whsec_} secret, over {@code <webhook-id>.<webhook-timestamp>.<body>}. Several secrets (during a
 * rotation's overlap) give several signatures, separated by spaces.
 */
public final class StandardWebhooks {
    private StandardWebhooks() {
    }

    public static String sign(String secret, String messageId, long timestampSeconds, byte[] body) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        byte[] key = Base64.getDecoder().decode(encoded);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** The {@code webhook-signature} header's value: one signature per secret. */
    public static String signatures(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        return secrets.stream().map(s -> sign(s, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }
}

package se.socialfund.adapters.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final VerifiedTokens<String> cache = new VerifiedTokens<>(clock, Duration.ofMinutes(5), 3);

    private static String token(String header, String claims, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static final String LOCAL = "{\"alg\":\"RS256\",\"kid\":\"local\",\"typ\":\"JWT\"}";

    private void verified(String token, Instant exp) {
        cache.beforeVerifying(token);
        cache.remember(token, exp.getEpochSecond(), "identity of " + token);
    }

    @Test
    void onlyTheVeryTokenThatWasVerifiedIsFound() {
        String token = token(LOCAL, "{\"sub\":\"a\"}", "c2lnbmF0dXJl");
        verified(token, NOW.plusSeconds(3600));

        assertThat(cache.find(token)).contains("identity of " + token);
        // the same claims with another signature, one character more or less, another header: verified anew
        assertThat(cache.find(token.substring(0, token.length() - 1) + "f")).isEmpty();
        assertThat(cache.find(token + "A")).isEmpty();
        assertThat(cache.find(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(cache.find(token(LOCAL.replace("RS256", "none"), "{\"sub\":\"a\"}", "c2lnbmF0dXJl"))).isEmpty();
    }

    @Test
    void anEntryEndsWithTheTokensExpiry() {
        String token = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        verified(token, NOW.plusSeconds(90));

        clock.set(NOW.plusSeconds(89));
        assertThat(cache.find(token)).isPresent();
        clock.set(NOW.plusSeconds(90));
        assertThat(cache.find(token)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anEntryEndsAfterTheMaximumAgeEvenIfTheTokenLivesLonger() {
        String token = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        verified(token, NOW.plus(Duration.ofHours(8)));

        clock.set(NOW.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(cache.find(token)).isPresent();
        clock.set(NOW.plus(Duration.ofMinutes(5)));
        assertThat(cache.find(token)).isEmpty();
    }

    @Test
    void aTokenWithoutExpiryOrAlreadyExpiredIsNotKept() {
        String none = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        String past = token(LOCAL, "{\"sub\":\"b\"}", "s2");
        cache.remember(none, 0, "x");
        cache.remember(past, NOW.minusSeconds(1).getEpochSecond(), "y");
        cache.remember(past, NOW.getEpochSecond(), "y");

        assertThat(cache.find(none)).isEmpty();
        assertThat(cache.find(past)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenNamingAnotherKeyEmptiesTheCacheBeforeItIsVerified() {
        String a = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        String b = token(LOCAL, "{\"sub\":\"b\"}", "s2");
        verified(a, NOW.plusSeconds(3600));
        verified(b, NOW.plusSeconds(3600));
        assertThat(cache.size()).isEqualTo(2);

        // the same key again changes nothing
        cache.beforeVerifying(token(LOCAL, "{\"sub\":\"c\"}", "s3"));
        assertThat(cache.find(a)).isPresent();

        // a rotated key (new kid), whether or not its token then verifies: the provider's keys may be fetched anew
        cache.beforeVerifying(token(LOCAL.replace("local", "rotated"), "{\"sub\":\"c\"}", "s3"));
        assertThat(cache.find(a)).isEmpty();
        assertThat(cache.find(b)).isEmpty();

        // both keys known now: tokens of either are kept side by side
        String c = token(LOCAL.replace("local", "rotated"), "{\"sub\":\"c\"}", "s3");
        verified(c, NOW.plusSeconds(3600));
        verified(a, NOW.plusSeconds(3600));
        assertThat(cache.find(c)).isPresent();
        assertThat(cache.find(a)).isPresent();

        // a third key empties it again
        cache.beforeVerifying(token(LOCAL.replace("local", "third"), "{\"sub\":\"d\"}", "s4"));
        assertThat(cache.size()).isZero();
    }

    @Test
    void otherKeyNamesAndUnreadableHeadersCountAsAnotherKey() {
        String base = VerifiedTokens.keyNamedBy(token(LOCAL, "{}", "s"));
        assertThat(VerifiedTokens.keyNamedBy(token("{\"alg\":\"RS256\",\"kid\":\"local\"}", "{\"x\":1}", "t")))
                .isEqualTo(base);
        assertThat(VerifiedTokens.keyNamedBy(token("{\"alg\":\"RS256\",\"kid\":\"local\",\"x5t\":\"abc\"}", "{}", "s")))
                .isNotEqualTo(base);
        assertThat(VerifiedTokens.keyNamedBy(token("{\"alg\":\"RS256\",\"kid\":\"local\",\"kid\":\"other\"}", "{}", "s")))
                .isNotEqualTo(base);
        assertThat(VerifiedTokens.keyNamedBy(token("{\"alg\":\"RS256\",\"kid\":\"lo\\\"cal\"}", "{}", "s")))
                .isNotEqualTo(base);
        assertThat(VerifiedTokens.keyNamedBy(token("{\"alg\":\"RS256\",\"kid\":{\"a\":\"local\"}}", "{}", "s")))
                .isNotEqualTo(base);
        assertThat(VerifiedTokens.keyNamedBy("not*base64.x.y")).startsWith("unreadable:");
    }

    @Test
    void madeUpKeyNamesOnlyEmptyTheCacheAndAreNotKeptWithoutBound() {
        String a = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        for (int i = 0; i < 3 * VerifiedTokens.MAX_KEYS_SEEN; i++) {
            cache.beforeVerifying(token(LOCAL.replace("local", "made-up-" + i), "{}", "s"));
        }
        verified(a, NOW.plusSeconds(3600));
        assertThat(cache.find(a)).isPresent();
        cache.beforeVerifying(token(LOCAL.replace("local", "made-up-once-more"), "{}", "s"));
        assertThat(cache.find(a)).isEmpty();
    }

    @Test
    void itKeepsAtMostTheConfiguredNumberOfEntries() {
        for (int i = 0; i < 10; i++) {
            verified(token(LOCAL, "{\"sub\":\"" + i + "\"}", "s"), NOW.plusSeconds(3600));
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
        String last = token(LOCAL, "{\"sub\":\"9\"}", "s");
        assertThat(cache.find(last)).isPresent();
    }

    @Test
    void aCacheOfNoEntriesKeepsNothing() {
        VerifiedTokens<String> off = new VerifiedTokens<>(clock, Duration.ofMinutes(5), 0);
        String token = token(LOCAL, "{\"sub\":\"a\"}", "s1");
        off.remember(token, NOW.plusSeconds(3600).getEpochSecond(), "x");
        assertThat(off.find(token)).isEmpty();
    }

    @Test
    void theKeyIsTheSha256OfTheWholeToken() {
        assertThat(VerifiedTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void threadsHashingAtOnceEachGetTheDigestOfTheirOwnToken() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String token = "token-" + thread + "-" + i + "x".repeat(i % 700);
                        String expected = HexFormat.of().formatHex(MessageDigest
                                .getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
                        if (!VerifiedTokens.hash(token).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package se.socialfund.adapters.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims were verified once, so that the next request with the very same token string
 * skips the RSA check and the claims parsing. Keyed by SHA-256 of the whole token (header, claims and signature):
 * a token that differs in one character is another key and is verified in full. Only verified tokens are stored;
 * a refusal is never remembered.
 * <p>
 * An entry is valid until the earlier of the token's {@code exp} and {@code maxAge} after its verification, and
 * the whole cache is emptied whenever a token names a key (its {@code kid}, {@code x5t} or {@code x5t#S256}
 * header) that no token named since the last emptying, whether or not that token then verifies: that is when the
 * OIDC extension may fetch the provider's keys again (rotation, JWKS refresh), so nothing verified against an
 * older key set outlives a refresh. Keys seen before stay known, so that a provider signing with two keys
 * at once does not empty it on every request. At most {@code maxEntries} are kept.
 *
 * @param <V> what a verification produced (the security identity)
 */
public final class VerifiedTokens<V> {
    /** Key names remembered; more (tokens naming made-up keys) only make the cache empty itself more often. */
    static final int MAX_KEYS_SEEN = 64;
    /**
     * One digest per thread, looked up once: the provider lookup of MessageDigest.getInstance, on every request, was
     * half of the hash's cost. {@code digest(bytes)} leaves the digest reset for the next token.
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(VerifiedTokens::sha256);

    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Set<String> keysSeen = ConcurrentHashMap.newKeySet();

    private record Entry<V>(V value, Instant validUntil) {
    }

    public VerifiedTokens(Clock clock, Duration maxAge, int maxEntries) {
        if (maxAge.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("maxAge and maxEntries must not be negative");
        }
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    /** The verified result for exactly this token, while its entry is valid. */
    public Optional<V> find(String token) {
        String key = hash(token);
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /**
     * To be called before a token is verified: empties the cache when the token names a verification key not seen
     * since the last emptying (the verification may fetch the provider's keys anew).
     */
    public void beforeVerifying(String token) {
        String named = keyNamedBy(token);
        if (!keysSeen.contains(named)) {
            synchronized (this) {
                if (keysSeen.size() >= MAX_KEYS_SEEN) {
                    keysSeen.clear();
                }
                if (keysSeen.add(named)) {
                    entries.clear();
                }
            }
        }
    }

    /**
     * Remembers a verified token until its expiry ({@code exp}, seconds since the epoch), at most maxAge. Nothing is
     * kept for a token that has no expiry or has already expired.
     */
    public void remember(String token, long expiresAtEpochSecond, V value) {
        if (expiresAtEpochSecond <= 0 || maxEntries == 0 || maxAge.isZero()) {
            return;
        }
        Instant now = clock.instant();
        Instant validUntil = Instant.ofEpochSecond(expiresAtEpochSecond);
        Instant cap = now.plus(maxAge);
        if (cap.isBefore(validUntil)) {
            validUntil = cap;
        }
        if (!now.isBefore(validUntil)) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict(now);
        }
        entries.put(hash(token), new Entry<>(value, validUntil));
    }

    /** Forgets everything (e.g. when the trusted keys are known to have changed). */
    public synchronized void clear() {
        entries.clear();
        keysSeen.clear();
    }

    public int size() {
        return entries.size();
    }

    private void evict(Instant now) {
        entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
        Iterator<String> keys = entries.keySet().iterator();
        while (entries.size() >= maxEntries && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    static String hash(String token) {
        return HexFormat.of().formatHex(SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The verification key a compact JWS names in its header (kid, x5t, x5t#S256; the raw header text when it is
     * not readable), so that a token naming an unknown key is noticed before the OIDC extension verifies it.
     */
    static String keyNamedBy(String token) {
        int dot = token.indexOf('.');
        String header = dot < 0 ? token : token.substring(0, dot);
        String json;
        try {
            json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "unreadable:" + header;
        }
        return "kid=" + member(json, "kid") + ";x5t=" + member(json, "x5t") + ";x5t#S256=" + member(json, "x5t#S256");
    }

    /**
     * The text of a top-level string member, or the whole header when the member's value is not a plain string: a
     * header written to confuse this reading only empties the cache more often, it never keeps an entry longer.
     */
    private static String member(String json, String name) {
        String quoted = "\"" + name + "\"";
        int at = json.indexOf(quoted);
        if (at < 0) {
            return "";
        }
        if (json.indexOf(quoted, at + 1) >= 0) {
            return json;
        }
        int colon = json.indexOf(':', at + quoted.length());
        int open = colon < 0 ? -1 : json.indexOf('"', colon + 1);
        int close = open < 0 ? -1 : json.indexOf('"', open + 1);
        if (close < 0 || !json.substring(at + quoted.length(), colon).isBlank()
                || !json.substring(colon + 1, open).isBlank() || json.substring(open + 1, close).indexOf('\\') >= 0) {
            return json;
        }
        return json.substring(open + 1, close);
    }
}

package se.socialfund.bootstrap.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import se.socialfund.bootstrap.SigningKeys;

/** Real tokens, signed with the key the service under test trusts. */
public final class Tokens {
    private Tokens() {
    }

    public static Path keys() {
        return Path.of(System.getProperty(EmbeddedPostgresResource.KEYS,
                Path.of("target", "test-runtime", "keys").toAbsolutePath().toString()));
    }

    public static JwtClaimsBuilder claims(String subject, String office, String... roles) {
        Set<String> groups = new LinkedHashSet<>(Arrays.asList(roles));
        JwtClaimsBuilder claims = Jwt.issuer(SigningKeys.ISSUER).audience(SigningKeys.AUDIENCE).subject(subject)
                .claim("name", "Test " + subject).groups(groups).claim("azp", "test-client")
                .claim("jti", UUID.randomUUID().toString()).expiresIn(Duration.ofHours(1));
        if (office != null) {
            claims.claim("office", office);
        }
        return claims;
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId("local").sign(SigningKeys.privateKey(keys()));
    }

    private static final java.util.Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A token for a role at an office (office may be null), with a subject derived from both. Signed once per
     * role and office and reused (valid an hour): signing is the costly part of a request in the tests.
     */
    public static String token(String role, String office) {
        return CACHE.computeIfAbsent(role + "@" + office,
                k -> sign(claims(role + (office == null ? "" : "@" + office), office, role)));
    }
}

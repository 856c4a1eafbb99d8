package se.socialfund.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Prints a bearer token signed with the local default's key: for curl and for trying the API locally. Usage:
 * {@code token <role>[,<role>...] [office] [--name "Name"] [--subject id] [--hours n]}.
 */
final class LocalTokens {
    private static final Set<String> ROLES = Set.of("applicant", "office-head", "fund-officer",
            "scientific-advisor", "auditor", "form-integration", "evaluator");

    private LocalTokens() {
    }

    static int run(Path dataDir, String[] args) {
        if (args.length == 0 || args[0].startsWith("-")) {
            return usage("name a role");
        }
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(args[0].split(",")));
        if (!ROLES.containsAll(roles)) {
            return usage("unknown role in " + roles);
        }
        String office = null;
        String name = null;
        String subject = null;
        long hours = 8;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--name" -> name = args[++i];
                case "--subject" -> subject = args[++i];
                case "--hours" -> hours = Long.parseLong(args[++i]);
                default -> {
                    if (args[i].startsWith("-") || office != null) {
                        return usage("unexpected " + args[i]);
                    }
                    office = args[i];
                }
            }
        }
        if (hours < 1 || hours > 24) {
            return usage("--hours from 1 to 24");
        }
        Path keys = dataDir.resolve("keys");
        SigningKeys.ensure(keys);
        String sub = subject != null ? subject : String.join("-", roles) + (office == null ? "" : "@" + office);
        System.out.println(sign(keys, sub, name != null ? name : sub, roles, office, Duration.ofHours(hours)));
        return 0;
    }

    static String sign(Path keys, String subject, String name, Set<String> roles, String office, Duration validity) {
        JwtClaimsBuilder claims = Jwt.issuer(SigningKeys.ISSUER).audience(SigningKeys.AUDIENCE).subject(subject)
                .claim("name", name).groups(roles).claim("azp", "socialfund-local-cli")
                .claim("jti", UUID.randomUUID().toString()).expiresIn(validity);
        if (office != null) {
            claims.claim("office", office);
        }
        return claims.jws().keyId("local").sign(SigningKeys.privateKey(keys));
    }

    private static int usage(String problem) {
        System.err.println("token: " + problem);
        System.err.println("usage: ./run token <role>[,<role>...] [office] [--name \"Name\"] [--subject id] "
                + "[--hours 1-24]");
        System.err.println("roles: " + String.join(", ", new java.util.TreeSet<>(ROLES)));
        return 2;
    }
}

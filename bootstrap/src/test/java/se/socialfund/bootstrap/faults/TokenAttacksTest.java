package se.socialfund.bootstrap.faults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.SigningKeys;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, stale and misdirected tokens: each is answered 401 as a problem, on reads and on writes, and none
 * reaches data. The same claims correctly signed do reach it, on every read and write tried (the control), so each
 * attack would show if the check it tries to get past were missing.
 */
@QuarkusTest
class TokenAttacksTest {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private UUID application;
    private String registrationNumber;

    @BeforeEach
    void anApplicationOfTheOwnOffice() {
        if (application == null) {
            application = Steps.applicationIn("RECEIVED");
            registrationNumber = Database.string("SELECT registration_number FROM application WHERE id = ?::uuid",
                    application.toString());
        }
    }

    /** Claims that would open everything: applicant and office head of the application's office, officer, auditor. */
    private static ObjectNode claims(long now) {
        ObjectNode c = Api.JSON.createObjectNode();
        c.put("iss", SigningKeys.ISSUER).put("aud", SigningKeys.AUDIENCE).put("sub", "intruder")
                .put("name", "Intruder").put("office", Api.OWN_OFFICE).put("azp", "test-client")
                .put("jti", UUID.randomUUID().toString()).put("iat", now - 60).put("exp", now + 3600);
        c.putArray("groups").add("applicant").add("office-head").add("fund-officer").add("auditor");
        return c;
    }

    private static String header(String alg) {
        return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"local\"}";
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String rs256(String header, ObjectNode claims, PrivateKey key) {
        try {
            String input = b64(header) + "." + b64(claims.toString());
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hs256(ObjectNode claims, byte[] secret) {
        try {
            String input = b64(header("HS256")) + "." + b64(claims.toString());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey ourKey() {
        return SigningKeys.privateKey(Tokens.keys());
    }

    static Map<String, String> attacks() throws Exception {
        long now = Instant.now().getEpochSecond();
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").genKeyPair();
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("no signature (alg none)", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(now)
                .toString()) + ".");
        attacks.put("alg none with the signature of a valid token", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64(claims(now).toString()) + "." + rs256(header("RS256"), claims(now), ourKey()).split("\\.")[2]);
        ObjectNode modest = claims(now);
        modest.putArray("groups").add("scientific-advisor");
        String[] signedModest = rs256(header("RS256"), modest, ourKey()).split("\\.");
        attacks.put("claims changed after signing (a wrong signature)", signedModest[0] + "."
                + b64(claims(now).toString()) + "." + signedModest[2]);
        String valid = rs256(header("RS256"), claims(now), ourKey());
        char[] chars = valid.toCharArray();
        int at = valid.lastIndexOf('.') + 10;
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        attacks.put("a corrupted signature", new String(chars));
        attacks.put("signed with another RSA key", rs256(header("RS256"), claims(now), stranger.getPrivate()));
        RSAPublicKey strangerPublic = (RSAPublicKey) stranger.getPublic();
        attacks.put("signed with another key that the token itself names (jwk header)", rs256(
                "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"jwk\":{\"kty\":\"RSA\",\"n\":\""
                        + B64.encodeToString(strangerPublic.getModulus().toByteArray()) + "\",\"e\":\""
                        + B64.encodeToString(strangerPublic.getPublicExponent().toByteArray()) + "\"}}",
                claims(now), stranger.getPrivate()));
        attacks.put("expired", rs256(header("RS256"), claims(now).put("iat", now - 7200).put("exp", now - 3600),
                ourKey()));
        attacks.put("not yet valid (nbf in an hour)", rs256(header("RS256"), claims(now).put("nbf", now + 3600)
                .put("exp", now + 7200), ourKey()));
        attacks.put("without an expiry", rs256(header("RS256"), (ObjectNode) claims(now).without("exp"), ourKey()));
        attacks.put("a wrong issuer", rs256(header("RS256"), claims(now).put("iss", "https://idp.example.org/"),
                ourKey()));
        attacks.put("a wrong audience", rs256(header("RS256"), claims(now).put("aud", "another-api"), ourKey()));
        attacks.put("no audience", rs256(header("RS256"), (ObjectNode) claims(now).without("aud"), ourKey()));
        String pem = Files.readString(Tokens.keys().resolve("signing-key.pub.pem"));
        attacks.put("HS256 signed with the public key (PEM) as the secret",
                hs256(claims(now), pem.getBytes(StandardCharsets.US_ASCII)));
        attacks.put("HS256 signed with the public key (DER) as the secret",
                hs256(claims(now), SigningKeys.publicKey(Tokens.keys()).getEncoded()));
        attacks.put("HS256 signed with the public key (base64 text) as the secret",
                hs256(claims(now), SigningKeys.publicKeyText(Tokens.keys()).getBytes(StandardCharsets.US_ASCII)));
        attacks.put("not a token at all", "not-a-token");
        attacks.put("three segments of rubbish", "e30.e30.e30");
        return attacks;
    }

    /**
     * The requests every attack is tried on: reads of the office's data, and writes. The withdrawal is of the given
     * application (at version 1).
     */
    private Map<String, Function<RequestSpecification, Response>> targets(UUID toWithdraw) {
        Map<String, Function<RequestSpecification, Response>> targets = new LinkedHashMap<>();
        targets.put("read the application", s -> s.get("/api/v1/applications/" + application));
        targets.put("list the applications", s -> s.get("/api/v1/applications?registrationNumber="
                + registrationNumber));
        targets.put("read the fund", s -> s.get("/api/v1/fund"));
        targets.put("read the audit trail", s -> s.get("/api/v1/audit-events?limit=5"));
        targets.put("submit an application", s -> s.header("Idempotency-Key", "attack-" + UUID.randomUUID())
                .body(Api.sampleApplication().toString()).post("/api/v1/applications"));
        targets.put("withdraw the application", s -> s.header("If-Match", "\"1\"")
                .body(Map.of("reason", "Återkallad av en inkräktare.")).post("/api/v1/applications/" + toWithdraw
                        + "/withdrawal"));
        targets.put("mark capital", s -> s.body(Map.of("amount", Steps.money("1000000.00"), "closingYear",
                Api.today().getYear() - 1, "reference", "Inkräktaren")).post("/api/v1/fund/capital-markings"));
        return targets;
    }

    /** What each target answers a valid token with the claims of {@link #claims}: the control. */
    private static final Map<String, Integer> ANSWERED_WITH_A_VALID_TOKEN = Map.of("read the application", 200,
            "list the applications", 200, "read the fund", 200, "read the audit trail", 200,
            "submit an application", 201, "withdraw the application", 200, "mark capital", 201);

    @Test
    void the_same_claims_correctly_signed_reach_the_data_and_write_so_the_attacks_below_could_succeed() {
        Api.ensureOpenPeriod();
        // the writes on fixtures of their own: a withdrawal of another application, a new submission and marking
        UUID toWithdraw = Steps.applicationIn("RECEIVED");
        long markings = Database.number("SELECT count(*) FROM fund_ledger_entry WHERE kind = 'CAPITAL_MARKING' "
                + "AND reference = 'Inkräktaren'");
        String control = rs256(header("RS256"), claims(Instant.now().getEpochSecond()), ourKey());
        Map<String, Function<RequestSpecification, Response>> targets = targets(toWithdraw);
        assertThat(ANSWERED_WITH_A_VALID_TOKEN.keySet()).as("every target has its control")
                .isEqualTo(targets.keySet());
        List<String> wrong = new ArrayList<>();
        String submitted = null;
        for (var target : targets.entrySet()) {
            Response r = target.getValue().apply(Api.withToken(control, Contract.full()));
            if (target.getKey().equals("submit an application") && r.statusCode() == 201) {
                submitted = r.path("id");
            }
            int expected = ANSWERED_WITH_A_VALID_TOKEN.get(target.getKey());
            if (r.statusCode() != expected) {
                wrong.add(target.getKey() + ": expected " + expected + ", got " + r.statusCode() + " " + r.asString());
            }
            if (target.getKey().equals("read the application") || target.getKey().equals("list the applications")) {
                assertThat(r.asString()).as(target.getKey() + " shows the application").contains(registrationNumber);
            }
        }
        assertThat(wrong).as("requests with a valid token that were not answered as the operation promises")
                .isEmpty();
        assertThat(Database.string("SELECT stage FROM application WHERE id = ?::uuid", toWithdraw.toString()))
                .as("the withdrawal took effect").isEqualTo("WITHDRAWN");
        assertThat(Database.string("SELECT submitted_by FROM application WHERE id = ?::uuid", submitted))
                .as("the submission was stored").isEqualTo("intruder");
        assertThat(Database.number("SELECT count(*) FROM fund_ledger_entry WHERE kind = 'CAPITAL_MARKING' "
                + "AND reference = 'Inkräktaren'")).as("the capital marking was stored").isEqualTo(markings + 1);
    }

    @Test
    void every_forged_stale_or_misdirected_token_is_401_on_reads_and_writes_and_reaches_no_data() throws Exception {
        Api.ensureOpenPeriod();
        Map<String, String> attacks = attacks();
        Map<String, Function<RequestSpecification, Response>> targets = targets(application);
        List<String> wrong = new ArrayList<>();
        String footprint = Database.footprint();
        long audit = Database.number("SELECT count(*) FROM audit_event");
        for (var attack : attacks.entrySet()) {
            for (var target : targets.entrySet()) {
                Response r = target.getValue().apply(Api.withToken(attack.getValue(), Contract.responses()));
                String what = attack.getKey() + " / " + target.getKey();
                if (r.statusCode() != 401) {
                    wrong.add(what + ": " + r.statusCode() + " " + r.asString());
                    continue;
                }
                if (!r.contentType().startsWith("application/problem+json")
                        || !"urn:socialfund:problem:unauthorized".equals(r.path("type"))
                        || r.header("WWW-Authenticate") == null || !r.header("WWW-Authenticate").startsWith("Bearer")) {
                    wrong.add(what + ": not an unauthorized problem with WWW-Authenticate: " + r.asString());
                }
                if (r.asString().contains(registrationNumber) || r.asString().contains("Alla barn")) {
                    wrong.add(what + ": the answer shows the application");
                }
            }
        }
        System.out.printf("token attacks: %d forged or invalid tokens x %d requests = %d attempts%n",
                attacks.size(), targets.size(), attacks.size() * targets.size());
        assertThat(wrong).as("attacks that were not answered 401").isEmpty();
        assertThat(Database.footprint()).as("nothing stored").isEqualTo(footprint);
        assertThat(Database.number("SELECT count(*) FROM audit_event")).as("no request reached a use case")
                .isEqualTo(audit);
        assertThat(Database.number("SELECT version FROM application WHERE id = ?::uuid", application.toString()))
                .isEqualTo(1);
    }
}

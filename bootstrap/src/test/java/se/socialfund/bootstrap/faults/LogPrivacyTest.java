package se.socialfund.bootstrap.faults;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Contract;
import se.socialfund.bootstrap.support.Tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Logs never contain tokens, request bodies or data about participants" (README, Operations): every log record the
 * service writes while it receives an application, refuses a forged token, serves a valid one and refuses bad
 * bodies is captured (a handler on the root logger, at the configured levels) and searched for the tokens, the
 * Authorization header and a marker that only the bodies carry.
 */
@QuarkusTest
class LogPrivacyTest {
    /** A handler that keeps the text of every record: message with its parameters, exception chain, MDC. */
    static final class Capture extends Handler {
        final List<String> records = java.util.Collections.synchronizedList(new ArrayList<>());
        private final SimpleFormatter formatter = new SimpleFormatter();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord r) {
            StringBuilder text = new StringBuilder(r.getLevel() + " [" + r.getLoggerName() + "] ");
            text.append(r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : formatter.formatMessage(r));
            if (r instanceof ExtLogRecord ext) {
                text.append(" mdc=").append(ext.getMdcCopy()).append(" ndc=").append(ext.getNdc());
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            records.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void no_log_record_holds_a_token_the_authorization_header_or_body_text() throws Exception {
        Api.ensureOpenPeriod();
        String marker = "Loggmarkör-" + UUID.randomUUID().toString().substring(0, 8);
        String token = Tokens.token("applicant", Api.OWN_OFFICE);
        String forged = Tokens.claims("applicant@" + Api.OWN_OFFICE, Api.OWN_OFFICE, "applicant").jws()
                .keyId("local").sign(KeyPairGenerator.getInstance("RSA").genKeyPair().getPrivate());
        ObjectNode body = Api.sampleApplication().put("title", marker + " titel")
                .put("currentSituation", marker + " situation").put("intervention", marker + " insats");
        ((ObjectNode) body.get("targetGroup")).put("description", marker + " målgrupp");

        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String probe = "probe-" + UUID.randomUUID();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        try {
            // the capture sees what the service's own categories log through the same log manager
            org.jboss.logging.Logger.getLogger("se.socialfund.adapters.rest.problem.ProblemMappers").warn(probe);

            String id = Api.withToken(token, Contract.full()).header("Idempotency-Key", "log-" + UUID.randomUUID())
                    .body(body.toString()).post("/api/v1/applications").then().statusCode(201).extract().path("id");
            statuses.put("submission", 201);
            Api.withToken(token, Contract.full()).get("/api/v1/applications/" + id).then().statusCode(200)
                    .body("content.title", equalTo(marker + " titel"));
            statuses.put("read with a valid token", 200);

            statuses.put("read with a forged token", Api.withToken(forged, Contract.responses())
                    .get("/api/v1/applications/" + id).then().statusCode(401).extract().statusCode());
            statuses.put("submission with a forged token", Api.withToken(forged, Contract.responses())
                    .body(body.toString()).post("/api/v1/applications").then().statusCode(401).extract()
                    .statusCode());

            ObjectNode unknownField = body.deepCopy().put(marker, marker);
            ObjectNode wrongType = body.deepCopy();
            ((ObjectNode) wrongType.get("targetGroup")).put("size", marker);
            ObjectNode nul = body.deepCopy().put("title", marker + "\u0000");
            Map<String, Object[]> bad = new LinkedHashMap<>();
            bad.put("malformed", new Object[]{"{\"title\": \"" + marker, 400});
            bad.put("unknown field", new Object[]{unknownField.toString(), 400});
            bad.put("wrong type", new Object[]{wrongType.toString(), 400});
            bad.put("NUL in a text", new Object[]{nul.toString(), 422});
            bad.forEach((name, c) -> statuses.put(name, Api.withToken(token, Contract.responses()).body((String) c[0])
                    .post("/api/v1/applications").then().statusCode((Integer) c[1]).extract().statusCode()));
            // ideas (issue 16): the contact is personal data, never logged, neither when sent nor when refused
            String officer = Tokens.token("fund-officer", "kommunstyrelsens-kontor");
            Map<String, Object> idea = se.socialfund.bootstrap.api.idea.Ideas.sample(Api.OWN_OFFICE);
            idea.put("contact", Map.of("name", marker + " kontakt", "email", marker + "@kontakt.example"));
            String ideaId = Api.withToken(officer, Contract.full()).body(idea).post("/api/v1/ideas").then()
                    .statusCode(201).extract().path("id");
            statuses.put("idea", Api.withToken(officer, Contract.full()).get("/api/v1/ideas/" + ideaId).then()
                    .statusCode(200).extract().statusCode());
            Map<String, Object> badIdea = new LinkedHashMap<>(idea);
            badIdea.put("contact", Map.of("name", marker + " kontakt", "email", marker + " utan snabel-a"));
            statuses.put("idea with a bad contact", Api.withToken(officer, Contract.responses()).body(badIdea)
                    .post("/api/v1/ideas").then().statusCode(422).extract().statusCode());
            Thread.sleep(500); // what is logged after the answer was sent
        } finally {
            root.removeHandler(capture);
        }

        List<String> records = List.copyOf(capture.records);
        assertThat(records).as("the capture works").anyMatch(r -> r.contains(probe));
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("a JWT (eyJ)", "eyJ");
        secrets.put("the Authorization header", "Bearer " + token);
        secrets.put("the token", token);
        secrets.put("the token's signature", token.substring(token.lastIndexOf('.') + 1));
        secrets.put("the forged token", forged);
        secrets.put("the forged token's signature", forged.substring(forged.lastIndexOf('.') + 1));
        secrets.put("text from the bodies", marker);
        List<String> leaks = new ArrayList<>();
        for (String record : records) {
            secrets.forEach((what, secret) -> {
                if (record.contains(secret)) {
                    leaks.add(what + " in: " + record);
                }
            });
        }
        System.out.printf("log privacy: %d requests %s, %d log records captured (1 of them the probe), %d leaks%n",
                statuses.size(), statuses, records.size(), leaks.size());
        assertThat(leaks).as("log records holding secrets or body text").isEmpty();
    }
}

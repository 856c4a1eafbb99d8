package se.socialfund.bootstrap.event;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Database;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks to a real receiver on loopback (allowed by the test profile only): signed per Standard Webhooks, in
 * order, retried until they get through, and never sent to a receiver that said 410 or to a private address.
 */
@QuarkusTest
class WebhookTest {
    /** One request the receiver got. */
    record Received(String id, String timestamp, String signature, byte[] body, int answered) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A webhook receiver on 127.0.0.1 that answers the n-th request (from 1) as the function says. */
    static final class Receiver implements AutoCloseable {
        final List<Received> requests = new ArrayList<>();
        final HttpServer server;

        Receiver(IntUnaryOperator answer) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                synchronized (requests) {
                    status = answer.applyAsInt(requests.size() + 1);
                    requests.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        List<Received> all() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        List<Received> delivered() {
            return all().stream().filter(r -> r.answered() < 300).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static String hmac(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((r.id() + "." + r.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
    }

    /** Waits for the worker (it polls every 100 ms in tests); fails after a minute, which only a bug takes. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(50);
        }
    }

    static Response register(String url, List<String> types) {
        return Api.fundOfficer().body(Map.of("url", url, "eventTypes", types, "description", "Testmottagare"))
                .post("/api/v1/webhook-endpoints");
    }

    static Map<String, Object> endpoint(String id) {
        List<Map<String, Object>> items = Api.fundOfficer().get("/api/v1/webhook-endpoints").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().filter(e -> e.get("id").equals(id)).findFirst().orElseThrow();
    }

    /** The receivers of these tests stop with them: their endpoints must not be retried for the rest of the run. */
    @AfterEach
    void disableTheTestsEndpoints() throws Exception {
        try (var c = Database.superuser(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE webhook_endpoint SET state = 'DISABLED', disabled_reason = 'test ended' "
                    + "WHERE url LIKE 'http://127.0.0.1:%' AND state = 'ENABLED'");
        }
    }

    @Test
    void a_receiver_failing_three_times_then_gets_every_event_in_order_signed_and_both_secrets_sign_after_a_rotation()
            throws Exception {
        Api.ensureOpenPeriod();
        try (Receiver receiver = new Receiver(n -> n <= 3 ? 503 : 204)) {
            Response registered = register(receiver.url(), List.of());
            registered.then().statusCode(201);
            String endpointId = registered.path("endpoint.id");
            String secret = registered.path("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(registered.asString()).contains(secret);
            assertThat(Api.fundOfficer().get("/api/v1/webhook-endpoints").asString()).doesNotContain(secret);

            UUID id = Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            for (long version = 1; version < 5; version++) {
                Steps.take(id, "ADD_REVIEW", version).then().statusCode(200);
            }
            await("five deliveries", () -> receiver.delivered().size() >= 5);

            List<Received> all = receiver.all();
            assertThat(all).hasSize(8);
            assertThat(all.subList(0, 4)).extracting(Received::id).as("the first message, retried with its id")
                    .containsOnly(all.get(0).id());
            assertThat(all.subList(0, 3)).extracting(Received::answered).containsOnly(503);
            List<Received> delivered = receiver.delivered();
            assertThat(delivered).extracting(r -> r.json().at("/data/version").asInt()).containsExactly(1, 2, 3, 4, 5);
            assertThat(delivered).extracting(r -> r.json().at("/data/id").asText()).containsOnly(id.toString());
            assertThat(delivered).extracting(r -> r.json().get("sequence").asText()).isSorted();
            for (Received r : all) {
                assertThat(r.signature()).as("signed with the secret").isEqualTo(hmac(secret, r));
                assertThat(r.id()).isEqualTo(r.json().get("id").asText());
                assertThat(r.json().get("specversion").asText()).isEqualTo("1.0");
                assertThat(Long.parseLong(r.timestamp())).isBetween(Instant.now().getEpochSecond() - 120,
                        Instant.now().getEpochSecond() + 5);
            }
            Map<String, Object> state = endpoint(endpointId);
            assertThat(state.get("state")).isEqualTo("ENABLED");
            assertThat(state.get("deliveredThrough")).isEqualTo(delivered.get(4).json().get("sequence").asText());
            assertThat(Database.number("SELECT attempts FROM webhook_endpoint WHERE id = ?::uuid", endpointId))
                    .isZero();

            Response rotated = Api.fundOfficer().post("/api/v1/webhook-endpoints/" + endpointId + "/secret-rotations");
            rotated.then().statusCode(200);
            String newSecret = rotated.path("secret");
            assertThat(newSecret).isNotEqualTo(secret);
            Steps.take(id, "ADD_REVIEW", 5).then().statusCode(200);
            await("the delivery after the rotation", () -> receiver.delivered().size() >= 6);
            Received afterRotation = receiver.delivered().get(5);
            assertThat(afterRotation.signature().split(" "))
                    .containsExactly(hmac(newSecret, afterRotation), hmac(secret, afterRotation));
            assertThat(afterRotation.json().at("/data/version").asInt()).isEqualTo(6);
        }
    }

    @Test
    void a_receiver_answering_410_is_disabled_and_sent_nothing_more() throws Exception {
        Api.ensureOpenPeriod();
        try (Receiver gone = new Receiver(n -> 410); Receiver witness = new Receiver(n -> 200)) {
            String goneId = register(gone.url(), List.of("se.socialfund.application.received.v1")).then()
                    .statusCode(201).extract().path("endpoint.id");
            register(witness.url(), List.of("se.socialfund.application.received.v1")).then().statusCode(201);
            Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            await("the endpoint to be disabled", () -> "DISABLED".equals(endpoint(goneId).get("state")));
            assertThat(endpoint(goneId).get("lastStatus")).isEqualTo(410);
            Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            await("the witness to get both events", () -> witness.delivered().size() >= 2);
            // rounds went on (the witness got the second event); the disabled endpoint was not tried again
            assertThat(gone.all()).hasSize(1);
            assertThat(endpoint(goneId).get("state")).isEqualTo("DISABLED");
        }
    }

    @Test
    void a_reactivated_endpoint_gets_what_it_missed_in_order_and_a_deactivated_one_nothing_more() throws Exception {
        Api.ensureOpenPeriod();
        String received = "se.socialfund.application.received.v1";
        // gone at first (410), then back; the witness gets every event, so it shows that rounds went on
        try (Receiver receiver = new Receiver(n -> n == 1 ? 410 : 204); Receiver witness = new Receiver(n -> 204)) {
            Response registered = register(receiver.url(), List.of(received));
            String endpointId = registered.then().statusCode(201).extract().path("endpoint.id");
            String secret = registered.path("secret");
            register(witness.url(), List.of(received)).then().statusCode(201);
            String path = "/api/v1/webhook-endpoints/" + endpointId;

            UUID first = Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            await("the endpoint to be disabled", () -> "DISABLED".equals(endpoint(endpointId).get("state")));
            UUID second = Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            await("the witness to get both events", () -> witness.delivered().size() >= 2);
            assertThat(receiver.all()).as("nothing is sent to a disabled endpoint").hasSize(1);

            // only a fund officer, only a known endpoint, and only from the other state
            Api.as("applicant", Api.OWN_OFFICE).post(path + "/reactivation").then().statusCode(403);
            Api.fundOfficer().post("/api/v1/webhook-endpoints/" + UUID.randomUUID() + "/reactivation").then()
                    .statusCode(404);
            Api.asUnchecked("fund-officer", Api.FUND_OFFICE).post("/api/v1/webhook-endpoints/not-an-id/reactivation")
                    .then().statusCode(404);
            Api.fundOfficer().post(path + "/deactivation").then().statusCode(409)
                    .body("type", equalTo("urn:socialfund:problem:webhook-endpoint-disabled"));
            assertThat(endpoint(endpointId).get("disabledReason")).isEqualTo("the endpoint answered 410 Gone");
            // an address that has come to be refused is refused again, and nothing changes
            String url = receiver.url();
            superuser("UPDATE webhook_endpoint SET url = 'https://10.0.0.1/hook', attempts = 7 WHERE id = '"
                    + endpointId + "'");
            Api.fundOfficer().post(path + "/reactivation").then().statusCode(422)
                    .body("violations[0].field", equalTo("/url"));
            assertThat(endpoint(endpointId).get("state")).isEqualTo("DISABLED");
            superuser("UPDATE webhook_endpoint SET url = '" + url + "' WHERE id = '" + endpointId + "'");

            Response reactivated = Api.fundOfficer().post(path + "/reactivation");
            reactivated.then().statusCode(200).body("id", equalTo(endpointId)).body("state", equalTo("ENABLED"))
                    .body("failedAttempts", equalTo(0));
            assertThat(reactivated.jsonPath().getString("disabledReason")).isNull();
            await("the two events it missed", () -> receiver.delivered().size() >= 2);
            List<Received> all = receiver.all();
            assertThat(all).hasSize(3);
            assertThat(all.get(1).id()).as("the message it answered 410 to, sent again with its id")
                    .isEqualTo(all.get(0).id());
            assertThat(receiver.delivered()).extracting(r -> r.json().at("/data/id").asText())
                    .containsExactly(first.toString(), second.toString());
            for (Received r : all) {
                assertThat(r.signature()).isEqualTo(hmac(secret, r));
            }
            Api.fundOfficer().post(path + "/reactivation").then().statusCode(409)
                    .body("type", equalTo("urn:socialfund:problem:webhook-endpoint-enabled"));
            String lastSequence = all.get(2).json().get("sequence").asText();
            await("the position after the second delivery",
                    () -> lastSequence.equals(endpoint(endpointId).get("deliveredThrough")));

            Response deactivated = Api.fundOfficer().post(path + "/deactivation");
            deactivated.then().statusCode(200).body("state", equalTo("DISABLED"))
                    .body("disabledReason", equalTo("deactivated by a fund officer"))
                    .body("deliveredThrough", equalTo(lastSequence));
            Api.submit(EventFeedTest.application(EventFeedTest.OFFICE_A), EventFeedTest.OFFICE_A);
            await("the witness to get the third event", () -> witness.delivered().size() >= 3);
            assertThat(receiver.all()).as("nothing is sent after the deactivation").hasSize(3);
            assertThat(Database.number("SELECT count(*) FROM audit_event WHERE object_id = ? AND action IN "
                    + "('deactivateWebhookEndpoint', 'reactivateWebhookEndpoint') AND outcome = 'SUCCEEDED'",
                    endpointId)).isEqualTo(2);
        }
    }

    static void superuser(String sql) throws java.sql.SQLException {
        try (var c = Database.superuser(); var st = c.createStatement()) {
            assertThat(st.executeUpdate(sql)).isEqualTo(1);
        }
    }

    @Test
    void private_link_local_and_plain_http_addresses_are_refused_at_registration() {
        long before = Database.number("SELECT count(*) FROM webhook_endpoint");
        for (String url : List.of("https://10.0.0.1/hook", "https://192.168.1.20/hook", "https://172.16.0.5/hook",
                "https://169.254.169.254/latest/meta-data", "https://[fd12:3456::1]/hook",
                "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook", "http://forms.example.se/hook",
                "https://user:secret@forms.example.se/hook")) {
            Response r = register(url, List.of());
            r.then().statusCode(422).body("type", equalTo("urn:socialfund:problem:validation"))
                    .body("violations[0].field", equalTo("/url"));
        }
        Api.as("applicant", Api.OWN_OFFICE).body(Map.of("url", "https://forms.example.se/hook"))
                .post("/api/v1/webhook-endpoints").then().statusCode(403);
        // the role is judged before the body: a broken registration by an applicant is 403, not 422
        Api.asUnchecked("applicant", Api.OWN_OFFICE).body(Map.of("url", "", "eventTypes", List.of("no type")))
                .post("/api/v1/webhook-endpoints").then().statusCode(403);
        // and the same body from a fund officer is refused by the domain's rules, field by field
        Api.asUnchecked("fund-officer", Api.FUND_OFFICE).body(Map.of("url", "", "eventTypes", List.of("no type")))
                .post("/api/v1/webhook-endpoints").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.hasItems("/url", "/eventTypes/0"));
        assertThat(Database.number("SELECT count(*) FROM webhook_endpoint")).isEqualTo(before);
    }
}

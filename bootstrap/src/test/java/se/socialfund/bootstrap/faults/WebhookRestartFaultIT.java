package se.socialfund.bootstrap.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A webhook receiver on loopback that fails its first 3 attempts (503) and is then down (connection refused) while
 * the service is stopped and started again still receives every event of the feed, each signed with the endpoint's
 * secret, in feed order: the delivery state is in PostgreSQL, so the restarted service carries on where the stopped
 * one was. Events are made before the receiver fails, while it is down before the restart, and after the restart
 * (still down); the receiver then comes back on the same port. At least once: a message may come twice (same
 * {@code webhook-id}), never out of order and never missing.
 *
 * <p>Runs against the packaged service in a process of its own (the local default, embedded PostgreSQL), with the
 * test profile's loopback permission and quick retries given as environment: {@code ./mvnw -B verify -Pfaults}.
 */
class WebhookRestartFaultIT {
    static final String OFFICE = "webhookkontoret";
    /** Changes made in each of the three phases (a submission and reviews of it). */
    static final int CHANGES_PER_PHASE = 6;

    /** A receiver on a fixed loopback port that can be taken down and brought back on the same port. */
    static final class Receiver {
        record Received(String id, String timestamp, String signature, byte[] body, int answered) {
        }

        final int port = ServiceProcess.freePort();
        final List<Received> requests = new ArrayList<>();
        private HttpServer server;

        synchronized void up() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                int status;
                synchronized (requests) {
                    status = requests.size() < 3 ? 503 : 204;
                    requests.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                            exchange.getRequestHeaders().getFirst("webhook-signature"), body, status));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        synchronized void down() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        String url() {
            return "http://127.0.0.1:" + port + "/hook";
        }

        List<Received> all() {
            synchronized (requests) {
                return List.copyOf(requests);
            }
        }

        List<Received> delivered() {
            return all().stream().filter(r -> r.answered() < 300).toList();
        }
    }

    static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusMillis(timeoutMs);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    /** The sample application with the test's office as its only (lead) office. */
    static ObjectNode application() {
        ObjectNode body = Api.sampleApplication();
        body.putArray("offices").addObject().put("office", OFFICE).put("lead", true);
        return body;
    }

    /** A submission at the test's office and reviews of it: {@code changes} events in all. */
    static void makeChanges(ServiceProcess service, int changes) {
        String applicant = service.token("applicant", OFFICE);
        String advisor = service.token("scientific-advisor", null);
        Response submitted = service.as(applicant).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(application().toString())
                .post("/api/v1/applications");
        submitted.then().statusCode(201);
        String id = submitted.path("id");
        for (long version = 1; version < changes; version++) {
            service.as(advisor).header("If-Match", "\"" + version + "\"").body(Steps.ALL.get("ADD_REVIEW").body().get())
                    .post("/api/v1/applications/" + id + "/reviews").then().statusCode(200);
        }
    }

    /** Every event of the feed, as the fund officer reads it. */
    static List<JsonNode> feed(ServiceProcess service) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        while (true) {
            var spec = service.as(service.token("fund-officer", "kommunstyrelsens-kontor")).queryParam("limit", 200);
            if (cursor != null) {
                spec.queryParam("after", cursor);
            }
            Response r = spec.get("/api/v1/events");
            r.then().statusCode(200);
            JsonNode page = Api.JSON.readTree(r.asString());
            page.path("items").forEach(events::add);
            if (page.path("items").isEmpty()) {
                return events;
            }
            cursor = page.path("cursor").asText();
        }
    }

    @Test
    void a_receiver_failing_three_times_and_down_across_a_restart_gets_every_event_signed_and_in_order()
            throws Exception {
        Path base = Files.createDirectories(Path.of("target", "faults")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory(base, "webhook-");
        int pgPort = ServiceProcess.freePort();
        ServiceProcess service = new ServiceProcess(dataDir, ServiceProcess.env("SOCIALFUND_DB_PORT", pgPort,
                "SOCIALFUND_WEBHOOKS_ALLOW_LOOPBACK", "true",
                "SOCIALFUND_WEBHOOKS_RETRY_FIRST", "PT0.2S",
                "SOCIALFUND_WEBHOOKS_RETRY_MAX", "PT1S",
                "SOCIALFUND_WEBHOOKS_POLL_INTERVAL", "PT0.2S",
                "SOCIALFUND_WEBHOOKS_CONNECT_TIMEOUT", "PT2S",
                "SOCIALFUND_WEBHOOKS_READ_TIMEOUT", "PT3S",
                // a stop that lands in a delivery round may leave its lease (10 min by default) behind
                "SOCIALFUND_WEBHOOKS_LEASE", "PT15S"), base.resolve(dataDir.getFileName() + ".log"));
        Receiver receiver = new Receiver();
        boolean passed = false;
        try {
            System.out.printf("service ready in %d ms%n", service.start().toMillis());
            String officer = service.token("fund-officer", "kommunstyrelsens-kontor");
            int year = Api.today().getYear();
            service.as(officer).body(Map.of("name", "Webbkrokar " + year, "opensOn", year + "-01-01",
                    "closesOn", year + "-12-31")).post("/api/v1/application-periods").then().statusCode(201);
            receiver.up();
            Response registered = service.as(officer).body(Map.of("url", receiver.url(), "eventTypes", List.of(),
                    "description", "Mottagare som faller och startas om")).post("/api/v1/webhook-endpoints");
            registered.then().statusCode(201);
            String secret = registered.path("secret");

            // 1: the receiver answers 503 three times, then takes what comes
            makeChanges(service, CHANGES_PER_PHASE);
            await("the first deliveries after three failures", 120_000, () -> receiver.delivered().size() >= 1);
            assertThat(receiver.all().subList(0, 3)).extracting(r -> r.answered()).containsOnly(503);
            // 2: the receiver is down; changes go on; the service is stopped and started again
            receiver.down();
            makeChanges(service, CHANGES_PER_PHASE);
            Thread.sleep(1_500); // a few attempts meet the closed port
            service.stop();
            System.out.printf("service ready again in %d ms%n", service.start().toMillis());
            makeChanges(service, CHANGES_PER_PHASE);
            Map<String, Object> failing = service.as(officer).get("/api/v1/webhook-endpoints").then().statusCode(200)
                    .extract().jsonPath().getMap("items[0]");
            System.out.printf("while the receiver was down: %s%n", failing);
            assertThat(((Number) failing.get("failedAttempts")).intValue()).as("attempts met the closed port")
                    .isPositive();
            assertThat(failing.get("state")).isEqualTo("ENABLED");
            // 3: the receiver comes back on the same port and gets the rest
            receiver.up();
            List<JsonNode> events = feed(service);
            assertThat(events).hasSize(3 * CHANGES_PER_PHASE);
            List<String> eventIds = events.stream().map(e -> e.path("id").asText()).toList();
            await("every event delivered", 180_000, () -> new LinkedHashSet<>(receiver.delivered().stream()
                    .map(Receiver.Received::id).toList()).size() >= eventIds.size());

            List<Receiver.Received> delivered = receiver.delivered();
            List<String> deliveredIds = delivered.stream().map(Receiver.Received::id).toList();
            assertThat(new ArrayList<>(new LinkedHashSet<>(deliveredIds))).as("every event, once at least, in feed "
                    + "order").containsExactlyElementsOf(eventIds);
            List<Long> sequences = new ArrayList<>();
            for (Receiver.Received r : delivered) {
                JsonNode body = Api.JSON.readTree(r.body());
                assertThat(body.path("id").asText()).isEqualTo(r.id());
                assertThat(r.signature().split(" ")).as("signed with the endpoint's secret")
                        .contains(sign(secret, r));
                sequences.add(Long.parseLong(body.path("sequence").asText()));
            }
            assertThat(sequences).as("never out of order").isSorted();
            long repeats = deliveredIds.size() - eventIds.size();
            System.out.printf("webhook across a restart: %d events, %d requests to the receiver (%d answered 503, "
                    + "%d delivered, %d of them again: at least once)%n", eventIds.size(), receiver.all().size(),
                    receiver.all().stream().filter(r -> r.answered() >= 300).count(), delivered.size(), repeats);
            passed = true;
        } finally {
            receiver.down();
            service.close();
            if (passed) {
                ServiceProcess.delete(dataDir);
            }
        }
    }

    static String sign(String secret, Receiver.Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((r.id() + "." + r.timestamp() + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(r.body()));
    }
}

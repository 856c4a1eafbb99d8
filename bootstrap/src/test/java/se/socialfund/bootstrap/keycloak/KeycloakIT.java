package se.socialfund.bootstrap.keycloak;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import se.socialfund.bootstrap.faults.ServiceProcess;
import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Steps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a real Keycloak (deploy/keycloak: the realm of the repository, started by run.sh from the
 * keycloak-quarkus-dist archive) with tokens that Keycloak issued: the users' password grant, the form's client
 * credentials. Run by {@code ./mvnw -B verify -Pkeycloak}: the packaged service in a process of its own, pointed at
 * Keycloak by the production variables of the README. Every exchange with the service is held to openapi.yaml.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakIT {
    static final Path WORK = Path.of("target", "keycloak-it").toAbsolutePath();
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String PASSWORD = "test-only-password";

    static Process keycloak;
    static ServiceProcess service;
    static String issuer;
    static String admin;
    static UUID submittedByForm;

    @BeforeAll
    static void start() throws Exception {
        ServiceProcess.delete(WORK);
        Files.createDirectories(WORK);
        int port = freePort();
        issuer = "http://127.0.0.1:" + port + "/realms/socialfund";
        ProcessBuilder pb = new ProcessBuilder(Path.of("..", "deploy", "keycloak", "run.sh").toAbsolutePath()
                .normalize().toString());
        pb.environment().put("KC_PORT", Integer.toString(port));
        pb.environment().put("KC_FRESH", "1");
        pb.redirectErrorStream(true).redirectOutput(WORK.resolve("keycloak.log").toFile());
        keycloak = pb.start();
        long deadline = System.currentTimeMillis() + 600_000;
        while (true) {
            assertThat(keycloak.isAlive()).as("Keycloak exited; see " + WORK.resolve("keycloak.log")).isTrue();
            try {
                if (get(issuer + "/.well-known/openid-configuration", null).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            assertThat(System.currentTimeMillis()).as("Keycloak ready within 600 s").isLessThan(deadline);
            Thread.sleep(1000);
        }
        service = new ServiceProcess(WORK.resolve("service"), ServiceProcess.env(
                "QUARKUS_OIDC_AUTH_SERVER_URL", issuer, "QUARKUS_OIDC_CLIENT_ID", "socialfund-api",
                "QUARKUS_OIDC_TOKEN_AUDIENCE", "socialfund-api"), WORK.resolve("service.log"));
        service.start();
        admin = token("http://127.0.0.1:" + port + "/realms/master", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", "admin", "password", "admin"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
            keycloak.destroyForcibly();
        }
    }

    // ---- the cases ---------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void the_forms_submission_carries_its_client_id_into_the_audit_trail() throws Exception {
        String officer = user("fund-officer.ks");
        int year = LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")).getYear();
        service.as(officer).body(Map.of("name", "Ansökningsperiod " + year, "opensOn", Api.today().toString(),
                "closesOn", year + "-12-31")).post("/api/v1/application-periods").then().statusCode(201);
        service.as(officer).body(Map.of("amount", Steps.money("100000.00"), "closingYear", year - 1,
                "reference", "KF " + (year - 1) + "/1 § 1")).post("/api/v1/fund/capital-markings")
                .then().statusCode(201);
        String form = form("socialfund-form", "form-secret-for-tests-only");
        assertThat(claims(form).path("azp").asText()).isEqualTo("socialfund-form");
        assertThat(claims(form).path("groups").toString()).contains("form-integration");
        submittedByForm = UUID.fromString(service.as(form).header("Idempotency-Key", "keycloak-" + UUID.randomUUID())
                .body(Api.sampleApplication().toString()).post("/api/v1/applications")
                .then().statusCode(201).extract().path("id"));
        Response trail = service.as(user("auditor.ks")).queryParam("applicationId", submittedByForm.toString())
                .get("/api/v1/audit-events");
        trail.then().statusCode(200);
        assertThat(trail.<String>path("items[0].action")).isEqualTo("submitApplication");
        assertThat(trail.<String>path("items[0].clientId")).isEqualTo("socialfund-form");
        assertThat(trail.<List<String>>path("items[0].actorRoles")).containsExactly("form-integration");
    }

    @Test
    @Order(2)
    void the_lifecycle_is_walked_with_the_users_keycloak_issued_tokens() throws Exception {
        Map<String, String> userOf = Map.of("fund-officer", "fund-officer.ks", "applicant", "applicant.utb",
                "office-head", "office-head.utb", "scientific-advisor", "scientific-advisor.utb");
        Map<String, String> tokens = new LinkedHashMap<>();
        userOf.forEach((role, user) -> tokens.put(role, user(user)));
        assertThat(claims(tokens.get("applicant")).path("office").asText()).isEqualTo("utbildningskontoret");
        UUID id = UUID.fromString(service.as(tokens.get("applicant")).header("Idempotency-Key",
                        "keycloak-" + UUID.randomUUID()).body(Api.sampleApplication().toString())
                .post("/api/v1/applications").then().statusCode(201).extract().path("id"));
        long version = 1;
        for (String action : List.of("ADD_REVIEW", "ASSESS_CRITERIA", "ADD_MUNICIPAL_PERSPECTIVE",
                "RECORD_BOARD_DECISION", "START_PROJECT", "REPORT_COSTS")) {
            Steps.Step step = Steps.ALL.get(action);
            Response r = service.as(tokens.get(step.role())).header("If-Match", "\"" + version + "\"")
                    .body(step.body().get()).post("/api/v1/applications/" + id + "/" + step.path());
            assertThat(r.statusCode()).as(action + ": " + r.asString()).isEqualTo(200);
            version = Long.parseLong(r.header("ETag").replace("\"", ""));
        }
        Response read = service.as(tokens.get("applicant")).get("/api/v1/applications/" + id);
        read.then().statusCode(200);
        assertThat(read.<String>path("stage")).isEqualTo("IN_IMPLEMENTATION");
        // another office's applicant does not learn that it exists
        service.as(user("applicant.sbk")).get("/api/v1/applications/" + id).then().statusCode(404);
        Response history = service.as(user("auditor.sbk")).get("/api/v1/applications/" + id + "/history");
        history.then().statusCode(200);
        assertThat(history.<List<String>>path("items.actorName")).contains("Fredrik Fondhandläggare",
                "Astrid Ansökare");
    }

    @Test
    @Order(3)
    void a_token_issued_to_another_client_is_refused_for_its_audience() throws Exception {
        String other = form("other-system", "other-secret-for-tests-only");
        assertThat(claims(other).path("groups").toString()).contains("auditor");
        assertThat(claims(other).path("aud").toString()).doesNotContain("socialfund-api");
        service.as(other).get("/api/v1/audit-events").then().statusCode(401);
    }

    @Test
    @Order(4)
    void a_user_without_a_role_is_refused() {
        String nobody = user("no-role.utb");
        service.as(nobody).header("Idempotency-Key", "keycloak-" + UUID.randomUUID())
                .body(Api.sampleApplication().toString()).post("/api/v1/applications").then().statusCode(403);
        service.as(nobody).get("/api/v1/audit-events").then().statusCode(403);
        service.as(nobody).get("/api/v1/fund").then().statusCode(403);
    }

    @Test
    @Order(5)
    void a_rotated_signing_key_is_picked_up_without_a_restart() throws Exception {
        String before = user("auditor.ks");
        service.as(before).get("/api/v1/audit-events/verification").then().statusCode(200);
        String realmId = JSON.readTree(adminCall("GET", "", null).body()).path("id").asText();
        HttpResponse<String> created = adminCall("POST", "/components", Map.of("name", "rotated-" + UUID.randomUUID(),
                "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("500"), "keySize", List.of("2048"), "active", List.of("true"),
                        "enabled", List.of("true"), "algorithm", List.of("RS256"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String after = user("auditor.ks");
        assertThat(header(after).path("kid").asText()).isNotEqualTo(header(before).path("kid").asText());
        service.as(after).get("/api/v1/audit-events/verification").then().statusCode(200);
    }

    @Test
    @Order(6)
    void a_user_removed_from_the_group_is_refused_once_the_token_expires() throws Exception {
        assertThat(adminCall("PUT", "", Map.of("accessTokenLifespan", 10)).statusCode()).isEqualTo(204);
        String userId = JSON.readTree(adminCall("GET", "/users?exact=true&username=auditor.sbk", null).body())
                .get(0).path("id").asText();
        String groupId = null;
        for (JsonNode g : JSON.readTree(adminCall("GET", "/users/" + userId + "/groups", null).body())) {
            if (g.path("name").asText().equals("auditor")) {
                groupId = g.path("id").asText();
            }
        }
        assertThat(groupId).isNotNull();
        String token = user("auditor.sbk");
        service.as(token).get("/api/v1/audit-events").then().statusCode(200);
        assertThat(adminCall("DELETE", "/users/" + userId + "/groups/" + groupId, null).statusCode()).isEqualTo(204);
        // a signed token is not looked up again: it keeps its groups until it expires, then it is refused
        long expires = claims(token).path("exp").asLong() * 1000;
        while (System.currentTimeMillis() < expires + 60_000) {
            int status = service.as(token).get("/api/v1/audit-events").statusCode();
            if (status == 401) {
                break;
            }
            assertThat(status).isEqualTo(200);
            Thread.sleep(1000);
        }
        assertThat(System.currentTimeMillis()).as("refused after it expired").isGreaterThanOrEqualTo(expires);
        service.as(token).get("/api/v1/audit-events").then().statusCode(401);
        String fresh = user("auditor.sbk");
        assertThat(claims(fresh).path("groups").toString()).doesNotContain("auditor");
        service.as(fresh).get("/api/v1/audit-events").then().statusCode(403);
    }

    // ---- Keycloak ----------------------------------------------------------------------------------------------

    static String user(String username) {
        return token(issuer, Map.of("grant_type", "password", "client_id", "socialfund-test", "username", username,
                "password", PASSWORD));
    }

    static String form(String client, String secret) {
        return token(issuer, Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", secret));
    }

    static String token(String realmUrl, Map<String, String> form) {
        try {
            String body = form.entrySet().stream().map(e -> e.getKey() + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(realmUrl
                            + "/protocol/openid-connect/token")).header("Content-Type",
                            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return JSON.readTree(r.body()).path("access_token").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> adminCall(String method, String path, Object body) throws Exception {
        String url = issuer.replace("/realms/", "/admin/realms/") + path;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    static JsonNode header(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
    }

    static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}

package se.socialfund.bootstrap.clients;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import org.junit.jupiter.api.Test;

import se.socialfund.bootstrap.support.Api;
import se.socialfund.bootstrap.support.Fund;
import se.socialfund.bootstrap.support.Steps;
import se.socialfund.bootstrap.support.Tokens;
import se.socialfund.generated.client.ApiClient;
import se.socialfund.generated.client.ApiException;
import se.socialfund.generated.client.api.ApplicationsApi;
import se.socialfund.generated.client.api.AuditApi;
import se.socialfund.generated.client.api.FundApi;
import se.socialfund.generated.client.model.Application;
import se.socialfund.generated.client.model.ApplicationSummary;
import se.socialfund.generated.client.model.ApplicationSummaryPage;
import se.socialfund.generated.client.model.AuditEvent;
import se.socialfund.generated.client.model.AuditEventPage;
import se.socialfund.generated.client.model.AuditOutcome;
import se.socialfund.generated.client.model.Currency;
import se.socialfund.generated.client.model.EventType;
import se.socialfund.generated.client.model.HistoryEvent;
import se.socialfund.generated.client.model.LedgerEntry;
import se.socialfund.generated.client.model.LedgerEntryKind;
import se.socialfund.generated.client.model.LedgerEntryPage;
import se.socialfund.generated.client.model.Problem;
import se.socialfund.generated.client.model.Role;
import se.socialfund.generated.client.model.Stage;
import se.socialfund.generated.client.model.Verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * An auditor's session with the Java client that the build generates from openapi.yaml (openapi-generator, library
 * native: java.net.http and Jackson), as the auditors would write it: the lists with their filters and cursors, one
 * application, its history, the audit trail page by page, its verification, its CSV, the fund and its ledger.
 * The client's mapper refuses unknown fields, and its enums refuse unknown values, so every answer must fit the
 * generated models exactly. A contract change that breaks the generated code fails this test's compilation.
 */
@QuarkusTest
class GeneratedClientTest {

    private static ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return client;
    }

    @Test
    void an_auditor_reads_the_applications_the_audit_trail_and_the_fund_with_the_generated_client() throws Exception {
        Fund.ensureAvailable(new BigDecimal("10000.00"));
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        Set<UUID> started = Set.of(Steps.applicationIn("IN_IMPLEMENTATION"), Steps.applicationIn("IN_IMPLEMENTATION"),
                Steps.applicationIn("IN_IMPLEMENTATION"));
        UUID one = started.iterator().next();
        ApiClient client = client(Tokens.token("auditor", null));
        ApplicationsApi applications = new ApplicationsApi(client);

        // the list, filtered by stage and office, two at a time, following the cursors to the end
        Set<UUID> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            ApplicationSummaryPage page = applications.listApplications(Stage.IN_IMPLEMENTATION, Api.OWN_OFFICE, null,
                    null, 2, cursor);
            assertThat(page.getItems()).hasSizeLessThanOrEqualTo(2);
            for (ApplicationSummary summary : page.getItems()) {
                assertThat(summary.getStage()).isEqualTo(Stage.IN_IMPLEMENTATION);
                assertThat(summary.getOffices()).contains(Api.OWN_OFFICE);
                assertThat(seen.add(summary.getId())).as("each application once").isTrue();
            }
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(seen).containsAll(started);
        assertThat(pages).isGreaterThanOrEqualTo(2);

        // one application, found again by its registration number
        Application application = applications.getApplication(one);
        assertThat(application.getStage()).isEqualTo(Stage.IN_IMPLEMENTATION);
        assertThat(application.getVersion()).isPositive();
        assertThat(application.getBoardDecision().getGrantedAmount().getAmount()).isEqualTo(Steps.GRANT_AMOUNT);
        assertThat(application.getBoardDecision().getGrantedAmount().getCurrency()).isEqualTo(Currency.SEK);
        assertThat(application.getProject().getStartDate()).isNotNull();
        assertThat(application.getAllowedActions()).as("an auditor takes no step").isEmpty();
        assertThat(applications.listApplications(null, null, null, application.getRegistrationNumber(), null, null)
                .getItems()).extracting(ApplicationSummary::getId).containsExactly(one);

        // its history, oldest first
        List<HistoryEvent> history = applications.getApplicationHistory(one).getItems();
        assertThat(history).extracting(HistoryEvent::getType).startsWith(EventType.RECEIVED);
        assertThat(history.get(history.size() - 1).getStageAfter()).isEqualTo(Stage.IN_IMPLEMENTATION);
        assertThat(history).extracting(HistoryEvent::getVersion).isSorted();

        // the audit trail about these applications since the test began, one event a page
        AuditApi audit = new AuditApi(client);
        List<AuditEvent> events = new ArrayList<>();
        cursor = null;
        do {
            AuditEventPage page = audit.listAuditEvents(before, null, null, one, null, 1, cursor);
            events.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null && events.size() < 1000);
        assertThat(events).extracting(AuditEvent::getAction).startsWith("submitApplication").contains("startProject");
        assertThat(events).extracting(AuditEvent::getOutcome).containsOnly(AuditOutcome.SUCCEEDED);
        assertThat(events).extracting(AuditEvent::getSequence).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(0).getActorRoles()).contains(Role.APPLICANT);
        assertThat(events.get(0).getOccurredAt()).isAfterOrEqualTo(before);
        Verification verification = audit.verifyAuditChain();
        assertThat(verification.getCheckedEvents()).isGreaterThanOrEqualTo(events.size());
        assertThat(verification.getLastHash()).matches("[0-9a-f]{64}");

        // the same events as CSV, through the generated client's own configuration
        HttpRequest.Builder csvRequest = HttpRequest.newBuilder(URI.create(client.getBaseUri()
                + "/api/v1/audit-events?applicationId=" + one)).header("Accept", "text/csv");
        client.getRequestInterceptor().accept(csvRequest);
        HttpResponse<String> csv = client.getHttpClient().send(csvRequest.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] rows = csv.body().split("\r\n");
        assertThat(rows[0]).startsWith("sequence,occurredAt,requestId,");
        assertThat(rows).hasSize(events.size() + 1);
        assertThat(rows[1]).startsWith(events.get(0).getSequence() + ",");

        // the fund and the commitments of these grants in its ledger
        FundApi fund = new FundApi(client);
        var position = fund.getFund(null);
        assertThat(new BigDecimal(position.getAvailable().getAmount())).isEqualByComparingTo(
                new BigDecimal(position.getCapital().getAmount()).add(new BigDecimal(position.getReturned()
                        .getAmount())).subtract(new BigDecimal(position.getCommitted().getAmount())));
        LedgerEntryPage ledger = fund.listLedgerEntries(LedgerEntryKind.COMMITMENT, one, null, null, 50, null);
        assertThat(ledger.getItems()).singleElement().satisfies(entry -> {
            assertThat(entry.getAmount().getAmount()).isEqualTo(Steps.GRANT_AMOUNT);
            assertThat(entry.getRegistrationNumber()).isEqualTo(application.getRegistrationNumber());
        });
        List<LedgerEntry> all = new ArrayList<>();
        cursor = null;
        do {
            LedgerEntryPage page = fund.listLedgerEntries(null, null, null, null, 200, cursor);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null && all.size() < 100_000);
        assertThat(all).extracting(LedgerEntry::getPosition).isSorted().doesNotHaveDuplicates();

        // a refusal is a problem the generated model reads
        ApiException missing = (ApiException) catchThrowable(
                () -> applications.getApplication(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("urn:socialfund:problem:not-found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThatThrownBy(() -> new ApplicationsApi(client(Tokens.token("applicant", Api.OWN_OFFICE)))
                .listApplications(null, null, null, null, 500, null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }
}

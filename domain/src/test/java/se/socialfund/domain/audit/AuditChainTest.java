package se.socialfund.domain.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import se.socialfund.domain.audit.AuditRecord.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class AuditChainTest {

    private static AuditRecord record(int n) {
        return new AuditRecord(Instant.parse("2026-03-02T09:00:00.123456Z").plusSeconds(n), "req-" + n,
                "officer", "Fund Officer", List.of("fund-officer"), "KSK", "frontend", "assessCriteria",
                Outcome.SUCCEEDED, "application", "a1b2", "KS 2026/0001", (long) n, (long) n + 1);
    }

    private static List<AuditEvent> chain(int length) {
        List<AuditEvent> events = new ArrayList<>();
        String previous = AuditEvent.GENESIS;
        for (int n = 1; n <= length; n++) {
            AuditEvent event = AuditEvent.seal(n, record(n), previous);
            events.add(event);
            previous = event.hash();
        }
        return events;
    }

    private static ChainVerification walk(List<AuditEvent> events) {
        ChainVerification.Walker walker = new ChainVerification.Walker();
        events.forEach(walker::accept);
        return walker.result();
    }

    @Test
    void a_sealed_chain_verifies_as_intact_and_ends_with_its_last_hash() {
        List<AuditEvent> events = chain(5);

        ChainVerification result = walk(events);

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(5);
        assertThat(result.firstBrokenAt()).isNull();
        assertThat(result.lastHash()).isEqualTo(events.get(4).hash());
        assertThat(events.get(0).previousHash()).isEqualTo(AuditEvent.GENESIS);
        assertThat(events).allSatisfy(e -> assertThat(e.hash()).hasSize(64).isHexadecimal());
    }

    @Test
    void an_empty_chain_is_intact_and_ends_at_the_genesis_hash() {
        ChainVerification result = walk(List.of());

        assertThat(result.intact()).isTrue();
        assertThat(result.lastHash()).isEqualTo(AuditEvent.GENESIS);
    }

    static Stream<Arguments> alterations() {
        return Stream.of(
                altered("occurredAt", r -> new AuditRecord(r.occurredAt().plusMillis(1), r.requestId(),
                        r.actorSubject(), r.actorName(), r.actorRoles(), r.actorOffice(), r.clientId(), r.action(),
                        r.outcome(), r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(),
                        r.versionAfter())),
                altered("requestId", r -> with(r, 1, "req-forged")),
                altered("actorSubject", r -> with(r, 2, "someone-else")),
                altered("actorName", r -> with(r, 3, "Someone Else")),
                altered("actorRoles", r -> new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(),
                        r.actorName(), List.of("auditor"), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                        r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter())),
                altered("actorOffice", r -> with(r, 5, null)),
                altered("clientId", r -> with(r, 6, "other-client")),
                altered("action", r -> with(r, 7, "recordBoardDecision")),
                altered("outcome", r -> new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(),
                        r.actorName(), r.actorRoles(), r.actorOffice(), r.clientId(), r.action(), Outcome.DENIED,
                        r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter())),
                altered("objectType", r -> with(r, 9, "fund")),
                altered("objectId", r -> with(r, 10, "c3d4")),
                altered("registrationNumber", r -> with(r, 11, "KS 2026/0002")),
                altered("versionBefore", r -> new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(),
                        r.actorName(), r.actorRoles(), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                        r.objectType(), r.objectId(), r.registrationNumber(), null, r.versionAfter())),
                altered("versionAfter", r -> new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(),
                        r.actorName(), r.actorRoles(), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                        r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), 99L)));
    }

    private static Arguments altered(String field, UnaryOperator<AuditRecord> change) {
        return arguments(field, change);
    }

    /** The record with one of its text fields (by position among the text fields) replaced. */
    private static AuditRecord with(AuditRecord r, int field, String value) {
        String[] t = {null, r.requestId(), r.actorSubject(), r.actorName(), null, r.actorOffice(), r.clientId(),
                r.action(), null, r.objectType(), r.objectId(), r.registrationNumber()};
        t[field] = value;
        return new AuditRecord(r.occurredAt(), t[1], t[2], t[3], r.actorRoles(), t[5], t[6], t[7], r.outcome(),
                t[9], t[10], t[11], r.versionBefore(), r.versionAfter());
    }

    @ParameterizedTest(name = "altering {0}")
    @MethodSource("alterations")
    void altering_any_field_of_a_stored_record_is_found_at_that_records_sequence(String field,
                                                                                 UnaryOperator<AuditRecord> change) {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        AuditEvent third = events.get(2);
        events.set(2, new AuditEvent(3, change.apply(third.record()), third.previousHash(), third.hash()));

        ChainVerification result = walk(events);

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenAt()).isEqualTo(3L);
        assertThat(result.problem()).contains("altered");
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void a_removed_event_is_named_by_its_missing_sequence() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        events.remove(2);

        ChainVerification result = walk(events);

        assertThat(result.firstBrokenAt()).isEqualTo(3L);
        assertThat(result.problem()).contains("event 3 is missing").contains("next found: 4");
    }

    private static ChainVerification walkAgainstHead(List<AuditEvent> events, long headSequence, String headHash) {
        ChainVerification.Walker walker = new ChainVerification.Walker();
        events.forEach(walker::accept);
        return walker.resultAgainstHead(headSequence, headHash);
    }

    @Test
    void a_chain_that_ends_where_its_head_says_is_intact() {
        List<AuditEvent> events = chain(5);
        assertThat(walkAgainstHead(events, 5, events.get(4).hash()).intact()).isTrue();
        assertThat(walkAgainstHead(List.of(), 0, AuditEvent.GENESIS).intact()).isTrue();
    }

    @Test
    void events_removed_from_the_end_are_named_by_the_head() {
        List<AuditEvent> events = chain(5);

        ChainVerification lastOne = walkAgainstHead(events.subList(0, 4), 5, events.get(4).hash());
        ChainVerification lastTwo = walkAgainstHead(events.subList(0, 3), 5, events.get(4).hash());
        ChainVerification all = walkAgainstHead(List.of(), 5, events.get(4).hash());

        assertThat(walk(events.subList(0, 3)).intact()).as("without the head nothing shows").isTrue();
        assertThat(lastOne.firstBrokenAt()).isEqualTo(5L);
        assertThat(lastOne.problem()).startsWith("event 5 is missing at the end of the chain");
        assertThat(lastTwo.firstBrokenAt()).isEqualTo(4L);
        assertThat(lastTwo.problem()).startsWith("events 4 to 5 are missing");
        assertThat(all.firstBrokenAt()).isEqualTo(1L);
        assertThat(all.checked()).isZero();
    }

    @Test
    void a_last_event_that_differs_from_the_heads_record_of_it_breaks_the_chain() {
        List<AuditEvent> events = chain(5);
        List<AuditEvent> other = chain(5).subList(0, 4);

        ChainVerification result = walkAgainstHead(events, 5, "f".repeat(64));

        assertThat(result.firstBrokenAt()).isEqualTo(5L);
        assertThat(result.problem()).contains("head recorded");
        assertThat(walkAgainstHead(other, 4, events.get(3).hash()).intact()).isTrue();
    }

    @Test
    void a_break_inside_the_chain_is_reported_before_the_head_is_looked_at() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        events.remove(1);

        ChainVerification result = walkAgainstHead(events, 5, events.get(3).hash());

        assertThat(result.firstBrokenAt()).isEqualTo(2L);
        assertThat(result.problem()).contains("event 2 is missing");
    }

    @Test
    void an_event_resealed_onto_a_forged_previous_hash_breaks_the_link() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        AuditEvent fourth = events.get(3);
        // whoever forges it recomputes its own hash, so only the link to event 3 can tell
        events.set(3, AuditEvent.seal(4, fourth.record(), "f".repeat(64)));

        ChainVerification result = walk(events);

        assertThat(events.get(3).isIntact()).isTrue();
        assertThat(result.firstBrokenAt()).isEqualTo(4L);
        assertThat(result.problem()).contains("link");
    }

    @Test
    void a_rewritten_event_with_a_recomputed_hash_is_found_at_the_next_event() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        AuditEvent second = events.get(1);
        events.set(1, AuditEvent.seal(2, with(second.record(), 7, "withdrawApplication"), second.previousHash()));

        ChainVerification result = walk(events);

        assertThat(result.firstBrokenAt()).isEqualTo(3L);
        assertThat(result.problem()).contains("link");
    }

    @Test
    void events_out_of_order_break_the_chain() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        events.set(1, chain(5).get(2));
        events.set(2, chain(5).get(1));

        assertThat(walk(events).firstBrokenAt()).isEqualTo(2L);
    }

    @Test
    void the_walker_stops_at_the_first_break() {
        List<AuditEvent> events = new ArrayList<>(chain(5));
        events.remove(1);
        ChainVerification.Walker walker = new ChainVerification.Walker();

        assertThat(walker.accept(events.get(0))).isTrue();
        assertThat(walker.accept(events.get(1))).isFalse();
        assertThat(walker.accept(events.get(2))).isFalse();
        assertThat(walker.result().checked()).isEqualTo(2);
        assertThat(walker.result().firstBrokenAt()).isEqualTo(2L);
    }

    @Test
    void the_time_is_kept_to_the_microsecond_as_the_database_stores_it() {
        AuditRecord withNanos = new AuditRecord(Instant.parse("2026-03-02T09:00:00.123456789Z"), "r", "s", "n",
                List.of(), null, null, "a", Outcome.SUCCEEDED, null, null, null, null, null);

        assertThat(withNanos.occurredAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123456Z"));
    }

    @Test
    void an_absent_field_and_the_text_of_its_encoding_do_not_hash_alike() {
        AuditRecord absent = with(record(1), 5, null);
        AuditRecord lookalike = with(record(1), 5, "-1:");

        assertThat(AuditEvent.seal(1, absent, AuditEvent.GENESIS).hash())
                .isNotEqualTo(AuditEvent.seal(1, lookalike, AuditEvent.GENESIS).hash());
    }
    @Test
    void two_different_role_lists_never_hash_alike() {
        AuditRecord r = record(1);
        AuditRecord twoRoles = new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(), r.actorName(),
                List.of("fund-officer", "auditor"), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter());
        AuditRecord oneRole = new AuditRecord(r.occurredAt(), r.requestId(), r.actorSubject(), r.actorName(),
                List.of("fund-officer,auditor"), r.actorOffice(), r.clientId(), r.action(), r.outcome(),
                r.objectType(), r.objectId(), r.registrationNumber(), r.versionBefore(), r.versionAfter());

        assertThat(AuditEvent.seal(1, twoRoles, AuditEvent.GENESIS).hash())
                .isNotEqualTo(AuditEvent.seal(1, oneRole, AuditEvent.GENESIS).hash());
    }
}

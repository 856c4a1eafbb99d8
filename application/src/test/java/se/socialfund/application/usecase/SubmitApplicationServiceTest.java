package se.socialfund.application.usecase;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.SubmitApplicationUseCase.Command;
import se.socialfund.application.port.in.SubmitApplicationUseCase.Receipt;
import se.socialfund.application.port.in.SubmitApplicationUseCase.Result;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.application.usecase.World.*;

class SubmitApplicationServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private final World world = World.on(DAY).withPeriodAround(DAY);

    private Command command(String key, String fingerprint) {
        return new Command(content(DAY, LEAD, PARTNER), key, fingerprint);
    }

    @Test
    void registration_numbers_run_one_two_three_within_the_year() {
        world.as(applicant(LEAD));

        Receipt first = world.submit.submit(command(null, null)).receipt();
        Receipt second = world.submit.submit(command(null, null)).receipt();
        Receipt third = world.submit.submit(command(null, null)).receipt();

        assertThat(first.registrationNumber()).isEqualTo("KS 2026/0001");
        assertThat(second.registrationNumber()).isEqualTo("KS 2026/0002");
        assertThat(third.registrationNumber()).isEqualTo("KS 2026/0003");
        assertThat(world.applications.size()).isEqualTo(3);
    }

    @Test
    void a_submission_is_received_in_the_open_period_at_version_one_and_audited() {
        world.as(applicant(LEAD));

        Result result = world.submit.submit(command(null, null));

        Receipt receipt = result.receipt();
        assertThat(result.replayed()).isFalse();
        assertThat(receipt.stage()).isEqualTo("RECEIVED");
        assertThat(receipt.version()).isEqualTo(1);
        assertThat(receipt.periodId()).isEqualTo(world.periods.all().get(0).id());
        assertThat(receipt.receivedAt()).isEqualTo(World.noon(DAY));
        assertThat(world.applications.stored(receipt.applicationId()).stage()).isEqualTo(Stage.RECEIVED);
        assertThat(world.applications.history(receipt.applicationId())).hasSize(1);
        assertThat(world.applications.revisions(receipt.applicationId())).hasSize(1);
        assertThat(world.audit.records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("submitApplication");
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.SUCCEEDED);
            assertThat(r.objectId()).isEqualTo(receipt.applicationId().toString());
            assertThat(r.registrationNumber()).isEqualTo("KS 2026/0001");
            assertThat(r.versionBefore()).isNull();
            assertThat(r.versionAfter()).isEqualTo(1L);
            assertThat(r.actorSubject()).isEqualTo(applicant(LEAD).subject());
            assertThat(r.actorRoles()).containsExactly("applicant");
            assertThat(r.actorOffice()).isEqualTo(LEAD);
        });
    }

    @Test
    void the_year_and_the_period_are_the_municipalitys_not_utcs() {
        // 23:30 UTC on New Year's Eve is already 00:30 on 1 January in Stockholm
        World newYear = World.on(DAY);
        newYear.clock.set(Instant.parse("2026-12-31T23:30:00Z"));
        newYear.periods.add(new se.socialfund.domain.period.ApplicationPeriod(java.util.UUID.randomUUID(),
                "January 2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31), Instant.EPOCH, "officer"));
        newYear.as(applicant(LEAD));

        Receipt receipt = newYear.submit.submit(new Command(content(LocalDate.of(2026, 12, 20), LEAD), null, null))
                .receipt();

        assertThat(receipt.registrationNumber()).isEqualTo("KS 2027/0001");
    }

    @Test
    void a_retry_with_the_same_key_gets_the_first_receipt_and_makes_nothing_new() {
        world.as(form());
        Result first = world.submit.submit(command("key-1", "sha256:aaaa"));

        Result retry = world.submit.submit(command("key-1", "sha256:aaaa"));

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.receipt()).isEqualTo(first.receipt());
        assertThat(world.applications.size()).isEqualTo(1);
        assertThat(world.audit.size()).isEqualTo(1);
        // and no registration number was used up by the retry
        assertThat(world.submit.submit(command("key-2", "sha256:bbbb")).receipt().registrationNumber())
                .isEqualTo("KS 2026/0002");
    }

    @Test
    void the_same_key_with_a_different_request_is_refused_and_changes_nothing() {
        world.as(form());
        world.submit.submit(command("key-1", "sha256:aaaa"));

        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> world.submit.submit(command("key-1", "sha256:other")));

        assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("Idempotency-Key");
        assertThat(world.applications.size()).isEqualTo(1);
        assertThat(world.audit.size()).isEqualTo(1);
    }

    @Test
    void keys_belong_to_their_caller() {
        world.as(applicant(LEAD));
        Receipt mine = world.submit.submit(command("key-1", "sha256:aaaa")).receipt();
        world.as(officeHead(LEAD));

        Result theirs = world.submit.submit(command("key-1", "sha256:aaaa"));

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.receipt().applicationId()).isNotEqualTo(mine.applicationId());
        assertThat(world.applications.size()).isEqualTo(2);
    }

    @Test
    void without_an_open_period_nothing_is_received() {
        World closed = World.on(DAY.plusMonths(2)).withPeriodAround(DAY);
        closed.as(applicant(LEAD));

        Conflict conflict = catchThrowableOfType(Conflict.class, () -> closed.submit.submit(
                new Command(content(DAY.plusMonths(2), LEAD), null, null)));

        assertThat(conflict.kind()).isEqualTo("no-open-period");
        assertThat(conflict).hasMessageContaining(DAY.plusMonths(2).toString());
        assertThat(closed.applications.size()).isZero();
        assertThat(closed.audit.size()).isZero();
    }

    @Test
    void an_auditor_cannot_submit_and_the_attempt_is_audited_as_denied() {
        world.as(auditor());

        assertThatThrownBy(() -> world.submit.submit(command(null, null))).isInstanceOf(AccessDenied.class);

        assertThat(world.applications.size()).isZero();
        assertThat(world.audit.records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("submitApplication");
            assertThat(r.outcome()).isEqualTo(AuditRecord.Outcome.DENIED);
            assertThat(r.actorSubject()).isEqualTo(auditor().subject());
            assertThat(r.versionAfter()).isNull();
        });
        assertThat(world.audit.verify().intact()).isTrue();
    }

    @Test
    void an_office_cannot_submit_for_offices_it_is_not_part_of_but_the_form_can() {
        world.as(applicant(OTHER));
        assertThatThrownBy(() -> world.submit.submit(command(null, null))).isInstanceOf(RuleViolation.class);
        assertThat(world.applications.size()).isZero();

        world.as(form());
        Receipt receipt = world.submit.submit(command(null, null)).receipt();
        assertThat(world.applications.stored(receipt.applicationId()).submittedBy()).isEqualTo(form().subject());
    }
}

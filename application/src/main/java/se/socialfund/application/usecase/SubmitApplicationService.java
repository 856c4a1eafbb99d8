package se.socialfund.application.usecase;

import java.util.Optional;
import java.util.UUID;

import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.IdempotencyKeys;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;

/**
 * Receives an application: in an open period, with a registration number taken in the same transaction, and at
 * most once per idempotency key.
 */
public final class SubmitApplicationService implements SubmitApplicationUseCase, SubmissionWithinChange {
    private final AuditedChanges changes;
    private final ApplicationRepository applications;
    private final ApplicationPeriods periods;
    private final RegistrationNumbers numbers;
    private final IdempotencyKeys idempotencyKeys;

    public SubmitApplicationService(AuditedChanges changes, ApplicationRepository applications,
                                    ApplicationPeriods periods, RegistrationNumbers numbers,
                                    IdempotencyKeys idempotencyKeys) {
        this.changes = changes;
        this.applications = applications;
        this.periods = periods;
        this.numbers = numbers;
        this.idempotencyKeys = idempotencyKeys;
    }

    @Override
    public Result submit(Command command) {
        return changes.run("submitApplication", (caller, subject) -> receive(command, caller, subject));
    }

    /**
     * The same submission as a part of the enclosing change (an idea's conversion): in its transaction, with its own
     * audit event {@code submitApplication} and feed event, so that the application exists exactly when the
     * enclosing change commits. Its write path is the ordinary one (the rows travel with the audit head's lock).
     */
    @Override
    public Receipt submitWithin(AuditedChanges.Subject enclosing, Command command) {
        return changes.runWithin(enclosing, "submitApplication", (caller, subject) -> receive(command, caller,
                subject)).receipt();
    }

    private Result receive(Command command, Caller caller,
                           AuditedChanges.Subject subject) {
        Authorization.requireAny(caller.actor(), "submitting an application", Role.APPLICANT, Role.OFFICE_HEAD,
                Role.FORM_INTEGRATION);
        String key = command.idempotencyKey();
        if (key != null) {
            Optional<IdempotencyKeys.Earlier> earlier =
                    idempotencyKeys.claim(caller.actor().subject(), key, command.fingerprint());
            if (earlier.isPresent()) {
                if (!earlier.get().fingerprint().equals(command.fingerprint())) {
                    throw new RuleViolation("Idempotency-Key", "this key was used for a different request; "
                            + "a new submission needs a new key");
                }
                subject.changedNothing();
                return new Result(earlier.get().receipt(), true);
            }
        }
        ApplicationPeriod period = periods.openOn(subject.today()).orElseThrow(() -> new Conflict(
                "no-open-period", "no application period is open on " + subject.today()
                + "; applications are received only during the year's application periods"));
        UUID id = UUID.randomUUID();
        subject.object("application", id, null, null);
        // a refusal after this rolls the number back with everything else: numbers have no gaps
        RegistrationNumber number = numbers.next(subject.today().getYear());
        Application application = Application.submit(id, number, period, command.content(),
                subject.step(caller.actor(), 0));
        applications.add(application);
        subject.object("application", id, number.toString(), null).versionAfter(application.version());
        Receipt receipt = new Receipt(id, number.toString(), period.id(), application.stage().name(),
                application.version(), application.snapshot().receivedAt());
        if (key != null) {
            idempotencyKeys.complete(caller.actor().subject(), key, receipt);
        }
        return new Result(receipt, false);
    }
}

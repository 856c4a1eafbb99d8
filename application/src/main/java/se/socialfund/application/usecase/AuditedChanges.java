package se.socialfund.application.usecase;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.CurrentCaller;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

/**
 * Runs a state-changing use case in one transaction together with its one audit event. When the caller is refused
 * (a role without the right, or another office's data answered as not found), the refusal is audited in a
 * transaction of its own, since the change itself rolls back.
 */
public final class AuditedChanges {
    private final UnitOfWork unitOfWork;
    private final AuditTrail auditTrail;
    private final CurrentCaller currentCaller;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param zone the municipality's time zone (configuration): what "today" means for periods, approvals,
     *             deadlines, registration years and the fund's booking dates
     */
    public AuditedChanges(UnitOfWork unitOfWork, AuditTrail auditTrail, CurrentCaller currentCaller, Clock clock,
                          ZoneId zone) {
        this.unitOfWork = unitOfWork;
        this.auditTrail = auditTrail;
        this.currentCaller = currentCaller;
        this.clock = clock;
        this.zone = zone;
    }

    /** What a change is about, filled in by the use case as it learns it. */
    public static final class Subject {
        private final Instant at;
        private final ZoneId zone;
        private String objectType;
        private String objectId;
        private String registrationNumber;
        private Long versionBefore;
        private Long versionAfter;
        private boolean concealed;
        private boolean changedNothing;
        private String contentSha256;
        private final java.util.List<Subject> others = new java.util.ArrayList<>();

        Subject(Instant at, ZoneId zone) {
            this.at = at;
            this.zone = zone;
        }

        /** The moment of the change, the same for every part of it. */
        public Instant at() {
            return at;
        }

        /** The municipality's date at that moment. */
        public LocalDate today() {
            return LocalDate.ofInstant(at, zone);
        }

        /** The municipality's time zone. */
        public ZoneId zone() {
            return zone;
        }

        /** A lifecycle step by this actor on the version they saw, at this moment. */
        public Step step(Actor actor, long expectedVersion) {
            return new Step(actor, expectedVersion, at, zone);
        }

        public Subject object(String type, Object id, String registrationNumber, Long versionBefore) {
            this.objectType = type;
            this.objectId = id == null ? null : id.toString();
            this.registrationNumber = registrationNumber;
            this.versionBefore = versionBefore;
            return this;
        }

        public Subject versionAfter(long version) {
            this.versionAfter = version;
            return this;
        }

        /** The SHA-256 of the file the change concerns (documents), recorded with the event. */
        public Subject contentSha256(String sha256) {
            this.contentSha256 = sha256;
            return this;
        }

        /** The object exists but belongs to another office: the caller is told "not found", the audit "denied". */
        public NotFound conceal(String what) {
            this.concealed = true;
            return new NotFound(what);
        }

        /**
         * Another object the same change changed (the board's decisions of a period change many applications): it
         * gets an audit event of its own, with the same action, in the same transaction.
         */
        public Subject alsoChanged(String type, Object id, String registrationNumber, Long versionBefore,
                                   Long versionAfter) {
            Subject other = new Subject(at, zone).object(type, id, registrationNumber, versionBefore);
            other.versionAfter = versionAfter;
            others.add(other);
            return this;
        }

        /** The request changed nothing (an idempotent replay): no audit event is due. */
        public void changedNothing() {
            this.changedNothing = true;
        }
    }

    public <T> T run(String action, BiFunction<Caller, Subject, T> work) {
        return execute(action, work, true);
    }

    /**
     * Runs a change as a <em>part</em> of the enclosing change, from inside that change's {@link #run}: in its
     * transaction (so both commit together or not at all), at its moment, with an audit event of its own (its own
     * action and object) appended there before the enclosing change's. A refusal inside the part is audited as in
     * {@link #run}, and the enclosing change rolls back with it.
     */
    public <T> T runWithin(Subject enclosing, String action, BiFunction<Caller, Subject, T> work) {
        Caller caller = currentCaller.current();
        Subject subject = new Subject(enclosing.at, zone);
        return audited(caller, action, subject, true, unitOfWork::joining, work);
    }

    /**
     * Runs a read: nothing is audited when it succeeds, but a refused attempt on another office's data is, as for
     * changes.
     */
    public <T> T read(String action, BiFunction<Caller, Subject, T> work) {
        return execute(action, work, false);
    }

    /**
     * Runs a read outside any transaction ({@link UnitOfWork#readingCommitted}): for reads that one statement
     * answers, or whose statements cannot contradict one another if a change commits between them. Refusals are
     * audited as for {@link #read}.
     */
    public <T> T lookup(String action, BiFunction<Caller, Subject, T> work) {
        return execute(action, work, false, true);
    }

    private <T> T execute(String action, BiFunction<Caller, Subject, T> work, boolean changes) {
        return execute(action, work, changes, false);
    }

    private <T> T execute(String action, BiFunction<Caller, Subject, T> work, boolean changes,
                          boolean outsideTransaction) {
        Caller caller = currentCaller.current();
        // PostgreSQL keeps microseconds: what is answered now is what is read back later
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Subject subject = new Subject(at, zone);
        if (outsideTransaction) {
            return audited(caller, action, subject, false, unitOfWork::readingCommitted, work);
        }
        return audited(caller, action, subject, changes, unitOfWork::inTransaction, work);
    }

    /**
     * The work in the given kind of transaction, with its audit event(s) appended there when it changed something
     * (and {@code changes}), and a refusal audited in a transaction of its own.
     */
    private <T> T audited(Caller caller, String action, Subject subject, boolean changes,
                          Function<Supplier<T>, T> transaction, BiFunction<Caller, Subject, T> work) {
        try {
            return transaction.apply(() -> {
                T result = work.apply(caller, subject);
                if (changes && !subject.changedNothing) {
                    auditTrail.append(record(caller, action, AuditRecord.Outcome.SUCCEEDED, subject));
                    for (Subject other : subject.others) {
                        auditTrail.append(record(caller, action, AuditRecord.Outcome.SUCCEEDED, other));
                    }
                }
                return result;
            });
        } catch (AccessDenied e) {
            auditRefusal(caller, action, subject);
            throw e;
        } catch (NotFound e) {
            if (subject.concealed) {
                auditRefusal(caller, action, subject);
            }
            throw e;
        }
    }

    private void auditRefusal(Caller caller, String action, Subject subject) {
        unitOfWork.inTransaction(() -> auditTrail.append(record(caller, action, AuditRecord.Outcome.DENIED, subject)));
    }

    private static AuditRecord record(Caller caller, String action, AuditRecord.Outcome outcome, Subject s) {
        Actor actor = caller.actor();
        return new AuditRecord(s.at, caller.requestId(), actor.subject(), actor.name(),
                actor.roles().stream().map(Role::claim).sorted().toList(), actor.office().orElse(null),
                actor.clientId().orElse(null), action, outcome, s.objectType, s.objectId, s.registrationNumber,
                s.versionBefore, outcome == AuditRecord.Outcome.SUCCEEDED ? s.versionAfter : null, s.contentSha256);
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public Caller caller() {
        return currentCaller.current();
    }
}

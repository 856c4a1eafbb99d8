package se.socialfund.domain.outcomes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

/**
 * A social outcomes contract (socialt utfallskontrakt): an investor finances an intervention and the municipality
 * pays according to measured outcomes. Its steps refuse, in this order: a role without the right (403), a stale
 * version (412), a wrong state (409), broken content (422). Payments are computed by {@link PaymentFormulas} from
 * validated measurements; nothing is ever typed in as a payment.
 */
public final class OutcomesContract {
    private static final int LARGEST_VALUE_DIGITS = 13;

    private final UUID id;
    private long version;
    private ContractState state;
    private ContractTerms terms;
    private OutcomesContractSnapshot.Signature signature;
    private final List<PeriodRecord> periods;
    private final List<Amendment> amendments;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;

    private OutcomesContract(OutcomesContractSnapshot s) {
        this.id = s.id();
        this.version = s.version();
        this.state = s.state();
        this.terms = s.terms();
        this.signature = s.signature();
        this.periods = new ArrayList<>(s.periods());
        this.amendments = new ArrayList<>(s.amendments());
        this.createdAt = s.createdAt();
        this.createdBy = s.createdBy();
        this.updatedAt = s.updatedAt();
    }

    /** Restores a stored contract without the drafting rules. */
    public static OutcomesContract restore(OutcomesContractSnapshot snapshot) {
        return new OutcomesContract(snapshot);
    }

    /** Drafts a contract from its terms; a fund officer's step. */
    public static OutcomesContract draft(UUID id, ContractTerms terms, Actor by, Instant at) {
        if (!by.has(Role.FUND_OFFICER)) {
            throw new AccessDenied("drafting an outcomes contract is for fund-officer");
        }
        Violations v = new Violations();
        terms.problems(v);
        v.throwIfAny("the contract's terms are incomplete or inconsistent");
        List<PeriodRecord> records = terms.periods().stream().map(p -> PeriodRecord.open(p.number())).toList();
        return new OutcomesContract(new OutcomesContractSnapshot(id, 1, ContractState.DRAFTED, terms, null, records,
                List.of(), at, by.name(), at));
    }

    // ---- who sees it ------------------------------------------------------------------------------------------

    /** Roles that read outcomes contracts at all: the office roles only their own office's. */
    public static boolean mayReadAny(Actor actor) {
        return actor.hasAny(Set.of(Role.FUND_OFFICER, Role.AUDITOR, Role.EVALUATOR, Role.APPLICANT, Role.OFFICE_HEAD));
    }

    /** Fund officers, auditors and evaluators read every contract; the providing office's staff read its own. */
    public boolean isVisibleTo(Actor actor) {
        return actor.hasAny(Set.of(Role.FUND_OFFICER, Role.AUDITOR, Role.EVALUATOR))
                || (actor.hasAny(Set.of(Role.APPLICANT, Role.OFFICE_HEAD)) && actor.belongsTo(terms.providerOffice()));
    }

    /** The steps this caller may take now. */
    public List<String> allowedActions(Actor actor) {
        return Arrays.stream(ContractAction.values()).filter(a -> a.allowedIn(state) && actor.hasAny(a.roles()))
                .map(Enum::name).toList();
    }

    // ---- the steps -------------------------------------------------------------------------------------------

    public void sign(long expectedVersion, LocalDate signedOn, String decisionReference, Actor by, Instant at) {
        check(ContractAction.SIGN, expectedVersion, by);
        Violations v = new Violations();
        v.requirePresent(signedOn, "signedOn");
        v.requireText(decisionReference, "decisionReference", Limits.NAME);
        v.throwIfAny("the signing is incomplete");
        if (signedOn.isAfter(LocalDate.ofInstant(at, java.time.ZoneOffset.UTC).plusDays(1))) {
            throw new RuleViolation("signedOn", "a contract is recorded as signed once it has been: not a future date");
        }
        signature = new OutcomesContractSnapshot.Signature(signedOn, decisionReference, at, by.name());
        moveTo(ContractState.SIGNED, at);
    }

    public void recordMeasurements(long expectedVersion, int period, List<MetricMeasurement> measurements, Actor by,
                                   Instant at) {
        check(ContractAction.RECORD_MEASUREMENTS, expectedVersion, by);
        PeriodRecord record = period(period);
        if (record.status() != PeriodRecord.Status.OPEN && record.status() != PeriodRecord.Status.MEASURED) {
            throw new Conflict("period-validated", "period " + period + " is " + record.status()
                    + ": its measurements can no longer change");
        }
        Violations v = new Violations();
        boolean items = v.requireList(measurements, 1, ContractTerms.MOST_METRICS, "measurements");
        Set<String> seen = new HashSet<>();
        for (int i = 0; items && i < measurements.size(); i++) {
            MetricMeasurement m = measurements.get(i);
            String at0 = "measurements." + i;
            v.require(terms.metric(m.metricCode()) != null, at0 + ".metricCode", "not a metric of this contract");
            v.require(seen.add(m.metricCode()), at0 + ".metricCode", "measured twice in one period");
            group(m.cohort(), at0 + ".cohort", v);
            group(m.comparison(), at0 + ".comparison", v);
        }
        v.throwIfAny("the measurements are invalid");
        periods.set(period - 1, new PeriodRecord(period, measurements, at, by.name(), null, null));
        moveTo(ContractState.IN_DELIVERY, at);
    }

    private static void group(GroupMeasurement g, String at, Violations v) {
        if (g == null) {
            v.require(false, at, "is required");
            return;
        }
        v.require(g.n() <= Limits.MAX_COUNT, at + ".n", "at most " + Limits.MAX_COUNT);
        v.require(g.n() >= Group.SMALLEST, at + ".n", "an aggregate of at least " + Group.SMALLEST
                + " participants: smaller groups could point out individuals");
        v.require(g.value() != null && g.value().abs().compareTo(java.math.BigDecimal.TEN.pow(LARGEST_VALUE_DIGITS)) < 0
                && g.value().stripTrailingZeros().scale() <= 6, at + ".value",
                "a number within ±10^13 with at most six decimals");
    }

    /** The evaluator's validation of a period's measurements; the evaluator is never of the providing office. */
    public void validate(long expectedVersion, int period, String statement, Actor by, Instant at) {
        check(ContractAction.VALIDATE, expectedVersion, by);
        if (by.belongsTo(terms.providerOffice())) {
            throw new AccessDenied("the evaluator must be independent of the provider: a validation cannot come "
                    + "from the providing office");
        }
        PeriodRecord r = period(period);
        if (r.status() != PeriodRecord.Status.MEASURED) {
            throw new Conflict("period-not-measured", "period " + period + " is " + r.status()
                    + ": only measured, not yet validated periods can be validated");
        }
        new Violations().requireText(statement, "statement", Limits.SHORT_TEXT)
                .throwIfAny("the validation needs a statement");
        periods.set(period - 1, new PeriodRecord(period, r.measurements(), r.measuredAt(), r.measuredBy(),
                new PeriodRecord.Validation(at, by.name(), statement), null));
        touch(at);
    }

    /** Approves the period's payments, computed from the validated measurements; answers them. */
    public List<Payment> approvePayment(long expectedVersion, int period, Actor by, Instant at) {
        check(ContractAction.APPROVE_PAYMENT, expectedVersion, by);
        PeriodRecord r = period(period);
        if (r.status() == PeriodRecord.Status.APPROVED) {
            throw new Conflict("payment-already-approved", "the payment of period " + period
                    + " was approved already");
        }
        if (r.status() != PeriodRecord.Status.VALIDATED) {
            throw new Conflict("period-not-validated", "period " + period + " is " + r.status()
                    + ": no payment before the evaluator has validated its measurements");
        }
        for (PeriodRecord earlier : periods.subList(0, period - 1)) {
            if (earlier.status() != PeriodRecord.Status.APPROVED) {
                throw new Conflict("earlier-period-unpaid", "period " + earlier.number() + " comes first: "
                        + "outcomes are cumulative, so periods are paid in order");
            }
        }
        List<Payment> payments = PaymentFormulas.forPeriod(terms, periods, period);
        periods.set(period - 1, new PeriodRecord(period, r.measurements(), r.measuredAt(), r.measuredBy(),
                r.validation(), new PeriodRecord.Approval(at, by.name(), payments)));
        touch(at);
        return payments;
    }

    /** Amends the terms from a date on; approved and validated periods stay as they are. */
    public void amend(long expectedVersion, String description, String reason, String decisionReference,
                      LocalDate effectiveFrom, List<MeasurementPeriod> newPeriods, Money newCap, Money newDrawn,
                      Actor by, Instant at) {
        check(ContractAction.AMEND, expectedVersion, by);
        Violations v = new Violations();
        v.requireText(description, "description", Limits.SHORT_TEXT);
        v.requireText(reason, "reason", Limits.SHORT_TEXT);
        v.requireText(decisionReference, "decisionReference", Limits.NAME);
        v.requirePresent(effectiveFrom, "effectiveFrom");
        v.require(newPeriods != null || newCap != null || newDrawn != null, "",
                "an amendment changes the periods, the payment cap or the investment drawn");
        Money paid = paidTotal();
        if (newCap != null) {
            v.require(!newCap.isZero(), "paymentCap", "must be more than zero");
            v.require(!newCap.isLessThan(paid), "paymentCap", "cannot be below what has been paid, "
                    + paid.format() + " SEK: an amendment never rewrites an approved payment");
        }
        if (newDrawn != null) {
            v.require(!newDrawn.isGreaterThan(terms.finance().committed()), "investmentDrawn",
                    "cannot be more than was committed");
        }
        if (newPeriods != null) {
            ContractTerms.periodProblems(newPeriods, "periods", v);
            for (PeriodRecord r : periods) {
                if (r.status() == PeriodRecord.Status.OPEN) {
                    continue;
                }
                MeasurementPeriod before = terms.periods().get(r.number() - 1);
                boolean kept = newPeriods.size() >= r.number() && before.equals(newPeriods.get(r.number() - 1));
                v.require(kept, "periods", "period " + r.number() + " is " + r.status()
                        + " and stays as it was");
            }
        }
        v.throwIfAny("the amendment is invalid");
        ContractTerms amended = terms;
        if (newPeriods != null) {
            amended = amended.withPeriods(newPeriods);
            List<PeriodRecord> records = new ArrayList<>();
            for (MeasurementPeriod p : newPeriods) {
                records.add(p.number() <= periods.size() ? periods.get(p.number() - 1) : PeriodRecord.open(p.number()));
            }
            periods.clear();
            periods.addAll(records);
        }
        if (newCap != null) {
            amended = amended.withPaymentCap(newCap);
        }
        if (newDrawn != null) {
            amended = amended.withDrawn(newDrawn);
        }
        terms = amended;
        amendments.add(new Amendment(amendments.size() + 1, description, reason, decisionReference, effectiveFrom,
                newPeriods, newCap, newDrawn, at, by.name()));
        touch(at);
    }

    public void enterFinalSettlement(long expectedVersion, Actor by, Instant at) {
        check(ContractAction.ENTER_FINAL_SETTLEMENT, expectedVersion, by);
        for (PeriodRecord r : periods) {
            if (r.status() != PeriodRecord.Status.APPROVED) {
                throw new Conflict("periods-unpaid", "period " + r.number() + " is " + r.status()
                        + ": the final settlement comes after every period's payment");
            }
        }
        moveTo(ContractState.FINAL_SETTLEMENT, at);
    }

    public void close(long expectedVersion, Actor by, Instant at) {
        check(ContractAction.CLOSE, expectedVersion, by);
        moveTo(ContractState.CLOSED, at);
    }

    // ---- state -----------------------------------------------------------------------------------------------

    private void check(ContractAction action, long expectedVersion, Actor by) {
        if (!by.hasAny(action.roles())) {
            throw new AccessDenied("'" + action.name() + "' is for " + String.join(", ",
                    action.roles().stream().map(Role::claim).sorted().toList()));
        }
        if (expectedVersion != version) {
            throw new StaleVersion(expectedVersion, version);
        }
        if (!action.allowedIn(state)) {
            throw new IllegalTransition(action.name(), state.name(), Arrays.stream(ContractAction.values())
                    .filter(a -> a.allowedIn(state)).map(Enum::name).toList());
        }
    }

    private PeriodRecord period(int number) {
        if (number < 1 || number > periods.size()) {
            throw new se.socialfund.domain.shared.NotFound("period " + number + " of the contract (it has periods 1 to "
                    + periods.size() + ")");
        }
        return periods.get(number - 1);
    }

    private void moveTo(ContractState next, Instant at) {
        state = next;
        touch(at);
    }

    private void touch(Instant at) {
        version++;
        updatedAt = at;
    }

    /** Everything paid so far, over all periods. */
    public Money paidTotal() {
        return snapshot().payments().stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
    }

    public UUID id() {
        return id;
    }

    public long version() {
        return version;
    }

    public ContractState state() {
        return state;
    }

    public ContractTerms terms() {
        return terms;
    }

    public OutcomesContractSnapshot snapshot() {
        return new OutcomesContractSnapshot(id, version, state, terms, signature, periods, amendments, createdAt,
                createdBy, updatedAt);
    }
}

package se.socialfund.application.usecase.outcomes;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import se.socialfund.application.port.in.outcomes.OutcomesContractQueries;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.AmendContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.ApprovePayment;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.CloseContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.CreateContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.EnterFinalSettlement;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.RecordMeasurements;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.SignContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.ValidatePeriod;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.application.port.out.outcomes.OutcomesContracts;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.outcomes.ContractState;
import se.socialfund.domain.outcomes.OutcomesContract;
import se.socialfund.domain.outcomes.OutcomesContractSnapshot;
import se.socialfund.domain.outcomes.Settlement;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.NotFound;

/**
 * Outcomes contracts: each step in one transaction with its audit event (the same chain as the fund's), on the
 * contract's row locked for the step, so that concurrent approvals are computed one after the other.
 */
public final class OutcomesContractService implements CreateContract, SignContract, AmendContract,
        RecordMeasurements, ValidatePeriod, ApprovePayment, EnterFinalSettlement, CloseContract,
        OutcomesContractQueries {
    static final String OBJECT_TYPE = "outcomes-contract";

    private final AuditedChanges changes;
    private final OutcomesContracts contracts;
    private final Supplier<UUID> ids;

    public OutcomesContractService(AuditedChanges changes, OutcomesContracts contracts, Supplier<UUID> ids) {
        this.changes = changes;
        this.contracts = contracts;
        this.ids = ids;
    }

    public OutcomesContractService(AuditedChanges changes, OutcomesContracts contracts) {
        this(changes, contracts, UUID::randomUUID);
    }

    @Override
    public OutcomesContractView create(CreateContract.Command c) {
        return changes.run("createOutcomesContract", (caller, subject) -> {
            UUID id = ids.get();
            subject.object(OBJECT_TYPE, id, null, null);
            OutcomesContract contract = OutcomesContract.draft(id, c.terms(), caller.actor(), subject.at());
            contracts.add(contract);
            subject.versionAfter(contract.version());
            return view(contract, caller.actor());
        });
    }

    @Override
    public OutcomesContractView sign(SignContract.Command c) {
        return step("signOutcomesContract", c.id(), (contract, actor, at) ->
                contract.sign(c.version(), c.signedOn(), c.decisionReference(), actor, at));
    }

    @Override
    public OutcomesContractView amend(AmendContract.Command c) {
        return step("amendOutcomesContract", c.id(), (contract, actor, at) ->
                contract.amend(c.version(), c.description(), c.reason(), c.decisionReference(), c.effectiveFrom(),
                        c.periods(), c.paymentCap(), c.investmentDrawn(), actor, at));
    }

    @Override
    public OutcomesContractView recordMeasurements(RecordMeasurements.Command c) {
        return step("recordOutcomesMeasurements", c.id(), (contract, actor, at) ->
                contract.recordMeasurements(c.version(), c.period(), c.measurements(), actor, at));
    }

    @Override
    public OutcomesContractView validate(ValidatePeriod.Command c) {
        return step("validateOutcomesPeriod", c.id(), (contract, actor, at) ->
                contract.validate(c.version(), c.period(), c.statement(), actor, at));
    }

    @Override
    public OutcomesContractView approvePayment(ApprovePayment.Command c) {
        return step("approveOutcomesPayment", c.id(), (contract, actor, at) ->
                contract.approvePayment(c.version(), c.period(), actor, at));
    }

    @Override
    public OutcomesContractView enterFinalSettlement(EnterFinalSettlement.Command c) {
        return step("enterOutcomesFinalSettlement", c.id(), (contract, actor, at) ->
                contract.enterFinalSettlement(c.version(), actor, at));
    }

    @Override
    public OutcomesContractView close(CloseContract.Command c) {
        return step("closeOutcomesContract", c.id(), (contract, actor, at) -> contract.close(c.version(), actor, at));
    }

    @Override
    public ContractPage list(ContractState state, int limit, Long after) {
        return changes.read("listOutcomesContracts", (caller, subject) -> {
            Actor actor = caller.actor();
            requireReader(actor);
            // the office roles see their own office's contracts; a caller without an office, none of those
            boolean all = actor.hasAny(java.util.Set.of(se.socialfund.domain.shared.Role.FUND_OFFICER,
                    se.socialfund.domain.shared.Role.AUDITOR, se.socialfund.domain.shared.Role.EVALUATOR));
            if (!all && actor.office().isEmpty()) {
                return new ContractPage(List.of(), null);
            }
            List<OutcomesContracts.Listed> rows = contracts.list(all ? null : actor.office().get(), state, limit + 1,
                    after);
            boolean more = rows.size() > limit;
            List<OutcomesContracts.Listed> page = more ? rows.subList(0, limit) : rows;
            return new ContractPage(page.stream().map(l -> new OutcomesContractView(l.contract(),
                    OutcomesContract.restore(l.contract()).allowedActions(actor))).toList(),
                    more ? page.get(page.size() - 1).position() : null);
        });
    }

    @Override
    public OutcomesContractView get(UUID id) {
        return changes.read("getOutcomesContract", (caller, subject) ->
                view(visible(contracts.find(id), id, caller.actor(), subject), caller.actor()));
    }

    @Override
    public Settlement settlement(UUID id) {
        return changes.read("getOutcomesSettlement", (caller, subject) ->
                Settlement.of(visible(contracts.find(id), id, caller.actor(), subject).snapshot()));
    }

    @Override
    public OutcomesContractSnapshot forIndigo(UUID id) {
        return changes.read("getOutcomesIndigo", (caller, subject) ->
                visible(contracts.find(id), id, caller.actor(), subject).snapshot());
    }

    @FunctionalInterface
    private interface Step {
        void take(OutcomesContract contract, Actor actor, java.time.Instant at);
    }

    private OutcomesContractView step(String action, UUID id, Step step) {
        return changes.run(action, (caller, subject) -> {
            OutcomesContract contract = visible(contracts.lockForUpdate(id), id, caller.actor(), subject);
            long before = contract.version();
            step.take(contract, caller.actor(), subject.at());
            contracts.update(contract, before);
            subject.versionAfter(contract.version());
            return view(contract, caller.actor());
        });
    }

    private static OutcomesContract visible(java.util.Optional<OutcomesContract> found, UUID id, Actor actor,
                                            AuditedChanges.Subject subject) {
        subject.object(OBJECT_TYPE, id, null, null);
        requireReader(actor);
        OutcomesContract contract = found.orElseThrow(() -> new NotFound("outcomes contract " + id));
        subject.object(OBJECT_TYPE, id, null, contract.version());
        if (!contract.isVisibleTo(actor)) {
            throw subject.conceal("outcomes contract " + id);
        }
        return contract;
    }

    private static void requireReader(Actor actor) {
        if (!OutcomesContract.mayReadAny(actor)) {
            throw new AccessDenied("outcomes contracts are for fund-officer, auditor, evaluator and the providing "
                    + "office's applicant and office-head");
        }
    }

    private static OutcomesContractView view(OutcomesContract contract, Actor actor) {
        return new OutcomesContractView(contract.snapshot(), contract.allowedActions(actor));
    }
}

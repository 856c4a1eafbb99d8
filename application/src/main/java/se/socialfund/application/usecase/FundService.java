package se.socialfund.application.usecase;

import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.application.port.in.FundUseCases.MarkCapital;
import se.socialfund.application.port.in.FundUseCases.RecordRepayment;
import se.socialfund.application.port.in.FundUseCases.ViewFund;
import se.socialfund.application.port.in.FundUseCases.WriteOffRepayment;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.in.LedgerFilter;
import se.socialfund.application.port.in.LedgerLine;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.Settlement;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

/** The fund's position and ledger, capital markings, and repayments under the repayment model. */
public final class FundService implements ViewFund, MarkCapital, RecordRepayment, WriteOffRepayment {
    private final AuditedChanges changes;
    private final FundRepository fund;
    private final ApplicationRepository applications;

    public FundService(AuditedChanges changes, FundRepository fund, ApplicationRepository applications) {
        this.changes = changes;
        this.fund = fund;
        this.applications = applications;
    }

    @Override
    public FundView view(LocalDate asOf) {
        return changes.read("getFund", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the fund", Role.FUND_OFFICER, Role.AUDITOR);
            return asOf == null ? new FundView(fund.balance(), subject.today())
                    : new FundView(fund.balanceAsOf(asOf), asOf);
        });
    }

    @Override
    public Page<LedgerLine> ledger(LedgerFilter filter, int limit, Long after) {
        return changes.read("listLedgerEntries", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the fund's ledger", Role.FUND_OFFICER, Role.AUDITOR);
            return fund.ledger(filter, limit, after);
        });
    }

    @Override
    public LedgerLine markCapital(MarkCapital.Command c) {
        return changes.run("markCapital", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "marking capital", Role.FUND_OFFICER);
            subject.object("fund", "fund", null, null);
            Fund locked = fund.lockForUpdate();
            locked.markCapital(c.amount(), c.closingYear(), c.reference(), caller.actor(), subject.at(),
                    subject.today());
            return fund.save(locked).get(0);
        });
    }

    @Override
    public LedgerLine recordRepayment(RecordRepayment.Command c) {
        return settle("recordRepayment", "recording a repayment", Settlement.repayment(c.applicationId(),
                c.committee(), c.year(), c.amount(), c.paidOn(), c.reference()));
    }

    @Override
    public LedgerLine writeOff(WriteOffRepayment.Command c) {
        return settle("writeOffRepayment", "writing off a repayment", Settlement.writeOff(c.applicationId(),
                c.committee(), c.year(), c.amount(), c.writtenOffOn(), c.reason(), c.reference()));
    }

    /** A repayment or a write-off: the fund officer's, checked before the investment is looked up. */
    private LedgerLine settle(String action, String what, Settlement settlement) {
        return changes.run(action, (caller, subject) -> {
            Authorization.requireAny(caller.actor(), what, Role.FUND_OFFICER);
            settlement.validate();
            Application app = investment(settlement.applicationId(), subject);
            Fund locked = fund.lockForUpdate();
            locked.settle(settlement, app.snapshot().repaymentPlan(), fund.settled(app.id(), settlement.committee(),
                    settlement.year()), app.registrationNumber().toString(), caller.actor(), subject.at());
            return fund.save(locked).get(0);
        });
    }

    private Application investment(UUID id, AuditedChanges.Subject subject) {
        Application app = applications.find(id).orElseThrow(() -> new NotFound("application " + id));
        subject.object("application", id, app.registrationNumber().toString(), app.version())
                .versionAfter(app.version());
        return app;
    }
}

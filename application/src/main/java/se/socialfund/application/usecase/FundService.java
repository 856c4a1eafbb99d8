package se.socialfund.application.usecase;

import java.time.LocalDate;
import java.util.UUID;

import se.socialfund.application.port.in.FundUseCases.MarkCapital;
import se.socialfund.application.port.in.FundUseCases.RecordRepayment;
import se.socialfund.application.port.in.FundUseCases.ViewFund;
import se.socialfund.application.port.in.FundUseCases.WriteOffRepayment;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.FundRepository.LedgerFilter;
import se.socialfund.application.port.out.FundRepository.StoredEntry;
import se.socialfund.application.port.out.Page;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.fund.Fund;
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
    public Page<StoredEntry> ledger(LedgerFilter filter, int limit, Long after) {
        return changes.read("listLedgerEntries", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the fund's ledger", Role.FUND_OFFICER, Role.AUDITOR);
            return fund.ledger(filter, limit, after);
        });
    }

    @Override
    public StoredEntry markCapital(MarkCapital.Command c) {
        return changes.run("markCapital", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "marking capital", Role.FUND_OFFICER);
            subject.object("fund", "fund", null, null);
            Fund locked = fund.lockForUpdate();
            locked.markCapital(c.amount(), c.closingYear(), c.reference(), caller.actor(), subject.at());
            return fund.save(locked).get(0);
        });
    }

    @Override
    public StoredEntry recordRepayment(RecordRepayment.Command c) {
        return changes.run("recordRepayment", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "recording a repayment", Role.FUND_OFFICER);
            Application app = investment(c.applicationId(), subject);
            Fund locked = fund.lockForUpdate();
            locked.repay(app.repaymentPlan(), c.committee(), c.year(), c.amount(),
                    fund.settled(app.id(), c.committee(), c.year()), app.id(), app.registrationNumber().toString(),
                    c.reference(), c.paidOn(), caller.actor(), subject.at());
            return fund.save(locked).get(0);
        });
    }

    @Override
    public StoredEntry writeOff(WriteOffRepayment.Command c) {
        return changes.run("writeOffRepayment", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "writing off a repayment", Role.FUND_OFFICER);
            Application app = investment(c.applicationId(), subject);
            Fund locked = fund.lockForUpdate();
            locked.writeOff(app.repaymentPlan(), c.committee(), c.year(), c.amount(),
                    fund.settled(app.id(), c.committee(), c.year()), c.reason(), app.id(),
                    app.registrationNumber().toString(), c.reference(), c.writtenOffOn(), caller.actor(),
                    subject.at());
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

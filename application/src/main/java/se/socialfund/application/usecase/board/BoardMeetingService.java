package se.socialfund.application.usecase.board;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import se.socialfund.application.port.in.board.BoardDecisionsUseCase;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.FundRepository;
import se.socialfund.application.port.out.board.BoardDecisionKeys;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.Authorization;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.board.BoardMeeting;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.RuleViolation;

/**
 * The board's decisions on a period as one act: one transaction in which the key is claimed, the applications are
 * loaded, the domain decides each of them (or refuses the act with every reason), and every decision, the fund's
 * commitments, the outbox events and one audit event per application are stored together.
 */
public final class BoardMeetingService implements BoardDecisionsUseCase {
    static final String ACTION = "recordBoardDecisions";

    private final AuditedChanges changes;
    private final ApplicationPeriods periods;
    private final ApplicationRepository applications;
    private final FundRepository fund;
    private final BoardDecisionKeys keys;

    public BoardMeetingService(AuditedChanges changes, ApplicationPeriods periods, ApplicationRepository applications,
                               FundRepository fund, BoardDecisionKeys keys) {
        this.changes = changes;
        this.periods = periods;
        this.applications = applications;
        this.fund = fund;
        this.keys = keys;
    }

    @Override
    public Result decide(Command c) {
        return changes.run(ACTION, (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "recording the board's decisions",
                    Action.RECORD_BOARD_DECISION.roles().toArray(new se.socialfund.domain.shared.Role[0]));
            periods.find(c.periodId()).orElseThrow(() -> new NotFound("application period " + c.periodId()));
            String key = c.idempotencyKey();
            if (key != null) {
                Optional<BoardDecisionKeys.Earlier> earlier = keys.claim(caller.actor().subject(), key,
                        c.fingerprint());
                if (earlier.isPresent()) {
                    if (!earlier.get().fingerprint().equals(c.fingerprint())) {
                        throw new RuleViolation("Idempotency-Key", "this key was used for a different request; "
                                + "a new act needs a new key");
                    }
                    subject.changedNothing();
                    return new Result(earlier.get().receipt(), true);
                }
            }
            Map<UUID, Application> loaded = new HashMap<>();
            if (c.draft().decisions() != null) {
                for (BoardMeeting.Item item : c.draft().decisions()) {
                    if (item != null && item.applicationId() != null) {
                        applications.find(item.applicationId()).ifPresent(a -> loaded.put(a.id(), a));
                    }
                }
            }
            BoardMeeting.Outcome outcome = BoardMeeting.decide(c.periodId(), c.draft(), loaded, caller.actor(),
                    subject.at(), subject.zone(), fund::lockForUpdate);
            outcome.fund().ifPresent(fund::save);
            List<Line> lines = new ArrayList<>();
            boolean first = true;
            for (BoardMeeting.Decided d : outcome.decisions()) {
                Application app = d.application();
                applications.update(app, d.versionBefore());
                String number = app.registrationNumber().toString();
                if (first) {
                    subject.object("application", app.id(), number, d.versionBefore()).versionAfter(app.version());
                    first = false;
                } else {
                    subject.alsoChanged("application", app.id(), number, d.versionBefore(), app.version());
                }
                lines.add(new Line(app.id(), number, d.decision().outcome().name(),
                        d.decision().granted() ? d.decision().grantedAmount().format() : null, app.version()));
            }
            Receipt receipt = new Receipt(c.periodId(), c.draft().meetingDate(), c.draft().minutesParagraph(),
                    subject.at(), caller.actor().name(), lines, outcome.granted().format(),
                    outcome.fund().map(f -> f.balance()).orElseGet(fund::balance).available().format());
            if (key != null) {
                keys.complete(caller.actor().subject(), key, receipt);
            }
            return new Result(receipt, false);
        });
    }
}

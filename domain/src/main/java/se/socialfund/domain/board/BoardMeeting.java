package se.socialfund.domain.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundingPolicy;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;
import se.socialfund.domain.shared.Violations;

/**
 * Kommunstyrelsens sammanträde: the board takes up all applications of a period together and decides them in one
 * act. Each application is decided by its own verb through {@link FundingPolicy#decide} (the fund's rule is written
 * once), and the act is all or nothing: every reason any decision cannot be taken is collected, one per application
 * and field, and the act is refused with all of them. The caller runs it in one transaction with the fund locked and
 * stores nothing when it is refused.
 */
public final class BoardMeeting {
    /** The most applications one meeting decides (a period's applications, with room). */
    public static final int MAX_DECISIONS = 200;

    private BoardMeeting() {
    }

    /** One application's decision in the act: the version the board saw, granted (amount, conditions) or declined. */
    public record Item(UUID applicationId, Long version, BoardDecision.Outcome outcome, Money grantedAmount,
                       List<String> conditions, List<String> reasons) {
    }

    /** The meeting (its date and the minutes paragraph) and its decisions. */
    public record Draft(LocalDate meetingDate, String minutesParagraph, List<Item> decisions) {
        /** What can be judged without the applications: the meeting's own fields, the list, no application twice. */
        public void validate(Violations v) {
            v.requirePresent(meetingDate, "meetingDate");
            v.requireMatch(minutesParagraph, Limits.MINUTES_PARAGRAPH, "minutesParagraph", Limits.MINUTES_MESSAGE);
            if (v.requireList(decisions, 1, MAX_DECISIONS, "decisions")) {
                Set<UUID> seen = new HashSet<>();
                for (int i = 0; i < decisions.size(); i++) {
                    Item item = decisions.get(i);
                    v.require(item != null, "decisions." + i, "is required");
                    if (item == null) {
                        continue;
                    }
                    v.requirePresent(item.applicationId(), "decisions." + i + ".applicationId");
                    v.require(item.applicationId() == null || seen.add(item.applicationId()),
                            "decisions." + i + ".applicationId", "this application is decided twice in the act");
                    v.require(item.version() != null && item.version() >= 1, "decisions." + i + ".version",
                            "the version of the application the board decided on (its ETag), 1 or more");
                }
            }
        }
    }

    /** One decision taken: the application after it and what the board decided. */
    public record Decided(Application application, long versionBefore, BoardDecision decision) {
    }

    /** The act taken: every decision, and the fund if any grant moved money. */
    public record Outcome(List<Decided> decisions, Optional<Fund> fund, Money granted) {
    }

    /**
     * Decides every application of the act, or none.
     *
     * @param loaded the applications named by the act that exist and belong to the period (absent ones are refused)
     * @param fund   the fund, locked; asked once, and only when the act grants money
     */
    public static Outcome decide(UUID periodId, Draft draft, Map<UUID, Application> loaded, Actor by, Instant at,
                                 ZoneId zone, Supplier<Fund> fund) {
        Violations v = new Violations();
        draft.validate(v);
        v.throwIfAny("the board's decisions are invalid");
        List<RuleViolation.Violation> reasons = new ArrayList<>();
        Fund[] locked = new Fund[1];
        Supplier<Fund> once = () -> {
            if (locked[0] == null) {
                locked[0] = fund.get();
            }
            return locked[0];
        };
        Money granted = Money.ZERO;
        for (Item item : draft.decisions()) {
            if (item.outcome() == BoardDecision.Outcome.GRANTED && item.grantedAmount() != null) {
                granted = granted.plus(item.grantedAmount());
            }
        }
        if (!granted.isZero()) {
            Money available = once.get().balance().available();
            if (granted.isGreaterThan(available)) {
                reasons.add(new RuleViolation.Violation("decisions", "the grants sum to " + granted.format()
                        + " SEK but the fund has " + available.format() + " SEK available"));
            }
        }
        List<Decided> decided = new ArrayList<>();
        for (int i = 0; i < draft.decisions().size(); i++) {
            Item item = draft.decisions().get(i);
            String at_ = "decisions." + i + ".";
            Application app = loaded.get(item.applicationId());
            if (app == null || !periodId.equals(app.snapshot().periodId())) {
                reasons.add(new RuleViolation.Violation(at_ + "applicationId",
                        "not an application of this period"));
                continue;
            }
            long before = app.version();
            BoardDecision.Draft one = new BoardDecision.Draft(item.outcome(), item.grantedAmount(),
                    item.conditions(), item.reasons(), draft.meetingDate(), draft.minutesParagraph());
            try {
                FundingPolicy.decide(app, one, new Step(by, item.version(), at, zone), once);
                decided.add(new Decided(app, before, app.snapshot().boardDecision()));
            } catch (StaleVersion e) {
                reasons.add(new RuleViolation.Violation(at_ + "version", app.registrationNumber()
                        + " has changed since version " + item.version() + ": it is at version " + before + " now"));
            } catch (IllegalTransition e) {
                reasons.add(new RuleViolation.Violation(at_ + "applicationId", app.registrationNumber() + " is "
                        + app.stage() + ", not ready for decision"));
            } catch (FundExhausted e) {
                reasons.add(new RuleViolation.Violation(at_ + "grantedAmount", app.registrationNumber() + ": "
                        + e.getMessage()));
            } catch (RuleViolation e) {
                for (RuleViolation.Violation broken : e.violations()) {
                    String field = broken.field();
                    reasons.add(new RuleViolation.Violation(
                            field.equals("meetingDate") || field.equals("minutesParagraph") ? field : at_ + field,
                            app.registrationNumber() + ": " + broken.message()));
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new RuleViolation("the board's decisions were not recorded: " + reasons.size()
                    + (reasons.size() == 1 ? " reason" : " reasons") + " (nothing was decided)", reasons);
        }
        return new Outcome(decided, Optional.ofNullable(locked[0]), granted);
    }
}

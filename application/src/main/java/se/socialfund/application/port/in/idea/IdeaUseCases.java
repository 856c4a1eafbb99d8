package se.socialfund.application.port.in.idea;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaContent;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaStage;

/**
 * Ideas (idéprövning): sending one, reading them, and the steps of their lifecycle, one use case each. A step's
 * command names the idea, the version the caller saw (If-Match) and the step's draft; each answers the idea after
 * the step as the caller sees it.
 */
public final class IdeaUseCases {
    private IdeaUseCases() {
    }

    /** A step on one idea, on the version the caller saw, with what the step states. */
    public record StepCommand<D>(UUID ideaId, long expectedVersion, D draft) {
    }

    /** Sending an idea: the form (with an idempotency key) or a fund officer registering a mailed one. */
    public interface SubmitIdea {
        /** @param fingerprint a digest of the body, to tell a retry from a different request with the same key */
        record Command(IdeaContent content, String idempotencyKey, String fingerprint) {
        }

        record Receipt(UUID ideaId, String registrationNumber, String stage, long version, Instant receivedAt) {
        }

        record Result(Receipt receipt, boolean replayed) {
        }

        Result submit(Command command);
    }

    /** The caller's filters; what the caller may see is added by the use case. */
    public record IdeaSearch(IdeaStage stage, String office) {
    }

    public interface IdeaQueries {
        IdeaView get(UUID id);

        Page<IdeaSummary> list(IdeaSearch search, int limit, Long after);

        List<IdeaEvent> history(UUID id);
    }

    public interface StartScreening {
        IdeaView startScreening(StepCommand<Void> command);
    }

    public interface AskQuestion {
        IdeaView askQuestion(StepCommand<String> command);
    }

    public interface AnswerQuestion {
        IdeaView answerQuestion(StepCommand<String> command);
    }

    public interface SponsorIdea {
        IdeaView sponsor(StepCommand<String> command);
    }

    public interface DeclineIdea {
        IdeaView decline(StepCommand<List<String>> command);
    }

    public interface WithdrawIdea {
        IdeaView withdraw(StepCommand<String> command);
    }

    /**
     * Conversion: the sponsoring office's application, with its full content, and the external partners it names
     * besides the submitting organisation.
     */
    public record Conversion(ApplicationContent application, List<Organisation> externalPartners) {
    }

    public interface ConvertIdea {
        IdeaView convert(StepCommand<Conversion> command);
    }

    /**
     * What the work queue needs of ideas: those on which the caller can take a step now, with the steps, and the
     * screening deadline where one runs.
     */
    public interface IdeaWork {
        record IdeaTask(UUID ideaId, String registrationNumber, IdeaStage stage, long version,
                        List<IdeaAction> actions, LocalDate screeningDueOn, Instant waitingSince) {
            public IdeaTask {
                actions = List.copyOf(actions);
            }
        }

        List<IdeaTask> actionable();
    }

    /** Ideas left in screening longer than the configured days (default 60), for the deadline list. */
    public interface IdeaDeadlines {
        record ScreeningDeadline(UUID ideaId, String registrationNumber, String title, List<String> offices,
                                 LocalDate dueOn, long daysOverdue) {
            public ScreeningDeadline {
                offices = List.copyOf(offices);
            }
        }

        /** Overdue screenings visible to the caller, for an office (null: all the caller may see). */
        List<ScreeningDeadline> overdueScreenings(String office);
    }
}

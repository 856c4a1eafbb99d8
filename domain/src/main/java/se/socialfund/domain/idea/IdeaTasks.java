package se.socialfund.domain.idea;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.socialfund.domain.application.TaskScope.Where;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/**
 * Ideas in the work queue (arbetskö): an idea is someone's task when a step <em>waits</em> for them, not merely when
 * they may take one. Who is waited for, by the idea's stage:
 * <ul>
 *     <li>received, or in screening without an open question: the fund officers (start the screening, ask, or
 *     decline);</li>
 *     <li>in screening with an open question: the submitter, through the form that sent it (its answer);</li>
 *     <li>in screening: also the office heads of the offices it concerns (whether to sponsor it);</li>
 *     <li>sponsored: the sponsoring office's applicants and office heads (its conversion).</li>
 * </ul>
 * Withdrawal is never a task (the submitter's option, awaited by nobody), nor a fund officer's registering of a
 * mailed answer (the submitter is awaited). The rule is the domain's {@link Idea#allowedActions} narrowed to these
 * steps, so a task's steps are always steps the caller may take now.
 */
public final class IdeaTasks {
    /** The steps each role is waited for. */
    private static final Map<Role, Set<IdeaAction>> AWAITED = new EnumMap<>(Map.of(
            Role.FUND_OFFICER, EnumSet.of(IdeaAction.START_SCREENING, IdeaAction.ASK_QUESTION, IdeaAction.DECLINE),
            Role.FORM_INTEGRATION, EnumSet.of(IdeaAction.ANSWER_QUESTION),
            Role.OFFICE_HEAD, EnumSet.of(IdeaAction.SPONSOR, IdeaAction.CONVERT),
            Role.APPLICANT, EnumSet.of(IdeaAction.CONVERT)));
    /** The steps waited for at the office the step names (the sponsorship's offices, the sponsor's conversion). */
    private static final Set<IdeaAction> AT_OFFICE = EnumSet.of(IdeaAction.SPONSOR, IdeaAction.CONVERT);
    /** The scope of the rows every office may not read (fund officers, the form's own). */
    public static final String EVERY = "*";

    private IdeaTasks() {
    }

    /** What a place in the queue asks for: where to look and for which steps. */
    public record Scope(Where where, Set<IdeaAction> actions) {
        public Scope {
            actions = Set.copyOf(actions);
        }
    }

    /** The steps waited for from this actor (by their roles), whatever the idea. */
    public static Set<IdeaAction> awaitedFrom(Actor actor) {
        Set<IdeaAction> awaited = EnumSet.noneOf(IdeaAction.class);
        AWAITED.forEach((role, actions) -> {
            if (actor.has(role)) {
                awaited.addAll(actions);
            }
        });
        return awaited;
    }

    /** The idea's steps that wait for this actor now: its allowed actions that are awaited from them. */
    public static List<IdeaAction> waitingFor(IdeaSnapshot s, Actor actor) {
        Set<IdeaAction> awaited = awaitedFrom(actor);
        if (awaited.isEmpty() || !Idea.restore(s).isVisibleTo(actor)) {
            return List.of();
        }
        return Idea.allowedActions(s, actor).stream().filter(a -> awaited.contains(a) && awaitedNow(a, s)).toList();
    }

    /** While a question is open the submitter is awaited, not the fund officer (who may still decline). */
    private static boolean awaitedNow(IdeaAction action, IdeaSnapshot s) {
        return action != IdeaAction.DECLINE || s.openQuestion().isEmpty();
    }

    /**
     * Where the idea can be someone's task and with which steps (stored with every change of the idea): scope
     * {@link #EVERY} for the fund officers' and the form's steps, and an office's code for the steps that wait for
     * that office. Empty when no step waits (declined, withdrawn, converted).
     */
    public static Map<String, Set<IdeaAction>> places(IdeaSnapshot s) {
        Map<String, Set<IdeaAction>> places = new LinkedHashMap<>();
        for (IdeaAction action : IdeaAction.values()) {
            if (!Idea.isPossible(action, s) || !awaitedNow(action, s)
                    || AWAITED.values().stream().noneMatch(a -> a.contains(action))) {
                continue;
            }
            if (!AT_OFFICE.contains(action)) {
                places.computeIfAbsent(EVERY, k -> EnumSet.noneOf(IdeaAction.class)).add(action);
            } else if (action == IdeaAction.SPONSOR) {
                s.offices().forEach(o -> places.computeIfAbsent(o, k -> EnumSet.noneOf(IdeaAction.class)).add(action));
            } else {
                s.sponsoringOffice().ifPresent(o -> places.computeIfAbsent(o, k -> EnumSet.noneOf(IdeaAction.class))
                        .add(action));
            }
        }
        return places;
    }

    /** Where the actor's idea tasks can lie, and which steps to look for there. */
    public static List<Scope> scopes(Actor actor) {
        Set<IdeaAction> awaited = awaitedFrom(actor);
        List<Scope> scopes = new ArrayList<>();
        Set<IdeaAction> every = EnumSet.noneOf(IdeaAction.class);
        Set<IdeaAction> own = EnumSet.noneOf(IdeaAction.class);
        for (IdeaAction a : awaited) {
            (AT_OFFICE.contains(a) ? own : every).add(a);
        }
        if (!every.isEmpty()) {
            // the fund officers' steps wait on every idea; the form's answer only on what it sent
            scopes.add(new Scope(actor.has(Role.FUND_OFFICER) ? Where.EVERY_APPLICATION : Where.OWN_SUBMISSIONS,
                    every));
        }
        if (!own.isEmpty() && actor.office().isPresent()) {
            scopes.add(new Scope(Where.OWN_OFFICE, own));
        }
        return List.copyOf(scopes);
    }

    /** The screening's deadline: the given days after it began, in the municipality's zone (null if not screening). */
    public static LocalDate screeningDue(IdeaSnapshot s, int screeningDays, ZoneId zone) {
        return s.screeningSince() == null || s.stage() != IdeaStage.SCREENING ? null
                : LocalDate.ofInstant(s.screeningSince(), zone).plusDays(screeningDays);
    }
}

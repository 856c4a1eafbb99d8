package se.socialfund.domain.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * What an office applies with: the required content of the guideline (KS 2021/0648). One revision of an
 * application holds one of these; a completion (komplettering) adds a new one and keeps the old.
 *
 * @param title               a short name for the investment
 * @param currentSituation    nulägesbeskrivning
 * @param intervention        insatsen
 * @param targetGroup         målgrupp, with its size (a count, never a list of people)
 * @param goals               mål och indikatorer
 * @param activityPlan        tids- och aktivitetsplan
 * @param budget              amounts per year and cost category, and the sum requested from the fund
 * @param plans               plan för uppföljning, utvärdering och implementering
 * @param offices             the applying offices (kontor), exactly one of them the lead
 * @param officeHeadApproval  who approved it for the office (kontorschef), and when
 * @param committeesInformed  the committees (nämnder) informed, and when
 */
public record ApplicationContent(
        String title,
        String currentSituation,
        String intervention,
        TargetGroup targetGroup,
        List<Goal> goals,
        List<Activity> activityPlan,
        Budget budget,
        Plans plans,
        List<ParticipatingOffice> offices,
        Approval officeHeadApproval,
        List<CommitteeInformation> committeesInformed) {

    /**
     * The smallest target or control group an application may describe: its size and baselines are read by the
     * auditors and the scientific advisors too, and a smaller group's figures would identify its members.
     */
    public static final int MIN_GROUP = se.socialfund.domain.followup.Measurement.MIN_PUBLISHED_GROUP;
    /** Why a smaller group is refused: the same words at the API's edge and in the domain. */
    public static final String SMALL_GROUP = "must be at least " + MIN_GROUP
            + " people: a smaller group's figures would identify its members";

    public ApplicationContent {
        goals = copy(goals);
        activityPlan = copy(activityPlan);
        offices = copy(offices);
        committeesInformed = copy(committeesInformed);
    }

    /**
     * An unmodifiable copy that keeps what was sent, nulls included: content is checked by {@link #validate}, which
     * names a missing item by its place, so building it never refuses anything.
     */
    private static <T> List<T> copy(List<T> items) {
        return items == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** Målgrupp: who the intervention is for, described in aggregate, and how many. */
    public record TargetGroup(String description, Integer size) {
    }

    public record Goal(String description, List<Indicator> indicators) {
        public Goal {
            indicators = copy(indicators);
        }
    }

    /** Whether a rising or a falling value is the improvement (school attendance up, placements down). */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /**
     * A measurable indicator. Baseline (basmätning) and control group (kontrollgrupp) are an ambition of the
     * guideline, not a requirement: their absence is a remark at the criteria check.
     *
     * @param code a short key, unique within the application, that measurements refer to
     */
    public record Indicator(String code, String name, String unit, Direction direction, Baseline baseline,
                            BigDecimal target, ControlGroup controlGroup) {
    }

    /** A measured value at a date (an aggregate for the group, e.g. a share or a count). */
    public record Baseline(BigDecimal value, LocalDate measuredOn) {
    }

    /** A comparison group, described in aggregate, with its own baseline. */
    public record ControlGroup(String description, Integer size, Baseline baseline) {
    }

    public record Activity(String description, LocalDate startsOn, LocalDate endsOn) {
    }

    /** Kostnadsslag: the categories a budget and cost reports are kept in. */
    public enum CostCategory { PERSONNEL, PURCHASED_SERVICES, MATERIALS, PREMISES, TRAINING, EVALUATION, OTHER }

    public record BudgetLine(Integer year, CostCategory category, Money amount) {
    }

    /** The budget by year and category, and the part of it requested from the fund. */
    public record Budget(List<BudgetLine> lines, Money requestedAmount) {
        public Budget {
            lines = copy(lines);
        }

        public Money total() {
            return lines.stream().map(BudgetLine::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    public record Plans(String followUp, String evaluation, String implementation) {
    }

    public record ParticipatingOffice(String office, boolean lead) {
    }

    /** The office head's approval (kontorschefens godkännande): a member of staff, by name or title. */
    public record Approval(String approvedBy, LocalDate approvedOn) {
    }

    /** A committee (nämnd) informed of the application, and on which date. */
    public record CommitteeInformation(String committee, LocalDate informedOn) {
    }

    public String leadOffice() {
        return offices.stream().filter(ParticipatingOffice::lead).map(ParticipatingOffice::office).findFirst()
                .orElseThrow();
    }

    public List<String> officeCodes() {
        return offices.stream().map(ParticipatingOffice::office).toList();
    }

    public List<Indicator> indicators() {
        return goals.stream().flatMap(g -> g.indicators().stream()).toList();
    }

    /**
     * Checks that every required section is present and coherent. The REST adapter refuses missing fields too;
     * this is the rule itself, whichever way the content arrives.
     *
     * @param today the date of receipt: approvals and information cannot lie after it
     */
    public void validate(LocalDate today) {
        Violations v = new Violations();
        v.requireText(title, "title", Limits.TITLE);
        v.requireText(currentSituation, "currentSituation");
        v.requireText(intervention, "intervention");
        if (targetGroup == null) {
            v.requirePresent(targetGroup, "targetGroup");
        } else {
            v.requireText(targetGroup.description(), "targetGroup.description");
            v.require(targetGroup.size() != null && targetGroup.size() >= MIN_GROUP, "targetGroup.size",
                    SMALL_GROUP);
            v.require(targetGroup.size() == null || targetGroup.size() <= Limits.MAX_COUNT, "targetGroup.size",
                    "at most " + Limits.MAX_COUNT);
        }
        validateGoals(v);
        validateActivities(v);
        validateBudget(v);
        if (plans == null) {
            v.requirePresent(plans, "plans");
        } else {
            v.requireText(plans.followUp(), "plans.followUp", Limits.TEXT);
            v.requireText(plans.evaluation(), "plans.evaluation");
            v.requireText(plans.implementation(), "plans.implementation");
        }
        validateOffices(v);
        if (officeHeadApproval == null) {
            v.requirePresent(officeHeadApproval, "officeHeadApproval");
        } else {
            v.requireText(officeHeadApproval.approvedBy(), "officeHeadApproval.approvedBy", Limits.NAME);
            v.require(officeHeadApproval.approvedOn() != null && !officeHeadApproval.approvedOn().isAfter(today),
                    "officeHeadApproval.approvedOn", "is required and cannot be a future date");
        }
        if (committeesInformed == null || committeesInformed.isEmpty()) {
            v.require(false, "committeesInformed", "at least one committee (nämnd) must have been informed");
        } else if (v.requireList(committeesInformed, 1, 20, "committeesInformed")) {
            for (int i = 0; i < committeesInformed.size(); i++) {
                CommitteeInformation c = committeesInformed.get(i);
                if (c == null) {
                    v.requirePresent(null, "committeesInformed." + i);
                    continue;
                }
                v.requireText(c.committee(), "committeesInformed." + i + ".committee", Limits.NAME);
                v.require(c.informedOn() != null && !c.informedOn().isAfter(today),
                        "committeesInformed." + i + ".informedOn", "is required and cannot be a future date");
            }
        }
        v.throwIfAny("the application is incomplete or inconsistent");
    }

    private void validateGoals(Violations v) {
        if (goals == null || goals.isEmpty()) {
            v.require(false, "goals", "at least one goal with an indicator is required");
            return;
        }
        if (!v.requireList(goals, 1, 20, "goals")) {
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int g = 0; g < goals.size(); g++) {
            Goal goal = goals.get(g);
            String at = "goals." + g;
            if (goal == null) {
                v.requirePresent(null, at);
                continue;
            }
            v.requireText(goal.description(), at + ".description", Limits.SHORT_TEXT);
            if (goal.indicators() == null || goal.indicators().isEmpty()) {
                v.require(false, at + ".indicators", "each goal needs at least one indicator");
                continue;
            }
            if (!v.requireList(goal.indicators(), 1, 20, at + ".indicators")) {
                continue;
            }
            for (int i = 0; i < goal.indicators().size(); i++) {
                Indicator ind = goal.indicators().get(i);
                String ip = at + ".indicators." + i;
                if (ind == null) {
                    v.requirePresent(null, ip);
                    continue;
                }
                v.requireMatch(ind.code(), Limits.CODE, ip + ".code", Limits.CODE_MESSAGE);
                v.require(ind.code() == null || codes.add(ind.code()), ip + ".code",
                        "indicator codes must be unique within the application");
                v.requireText(ind.name(), ip + ".name", Limits.NAME);
                v.requireText(ind.unit(), ip + ".unit", Limits.NAME);
                v.requirePresent(ind.direction(), ip + ".direction");
                v.requireMeasure(ind.target(), ip + ".target");
                validateBaseline(ind.baseline(), ip + ".baseline", v);
                if (ind.controlGroup() != null) {
                    v.requireText(ind.controlGroup().description(), ip + ".controlGroup.description", Limits.TEXT);
                    v.require(ind.controlGroup().size() != null && ind.controlGroup().size() >= MIN_GROUP,
                            ip + ".controlGroup.size", SMALL_GROUP);
                    v.require(ind.controlGroup().size() == null || ind.controlGroup().size() <= Limits.MAX_COUNT,
                            ip + ".controlGroup.size", "at most " + Limits.MAX_COUNT);
                    validateBaseline(ind.controlGroup().baseline(), ip + ".controlGroup.baseline", v);
                }
            }
        }
    }

    private void validateActivities(Violations v) {
        if (activityPlan == null || activityPlan.isEmpty()) {
            v.require(false, "activityPlan", "a time and activity plan with at least one activity is required");
            return;
        }
        if (!v.requireList(activityPlan, 1, 100, "activityPlan")) {
            return;
        }
        for (int i = 0; i < activityPlan.size(); i++) {
            Activity a = activityPlan.get(i);
            if (a == null) {
                v.requirePresent(null, "activityPlan." + i);
                continue;
            }
            v.requireText(a.description(), "activityPlan." + i + ".description", Limits.SHORT_TEXT);
            v.require(a.startsOn() != null && a.endsOn() != null && !a.endsOn().isBefore(a.startsOn()),
                    "activityPlan." + i, "needs a start and an end date, the end not before the start");
        }
    }

    private void validateBudget(Violations v) {
        if (budget == null) {
            v.requirePresent(budget, "budget");
            return;
        }
        boolean linesComplete = budget.lines() != null && !budget.lines().isEmpty();
        if (!linesComplete) {
            v.require(false, "budget.lines", "at least one budget line is required");
        } else if (!v.requireList(budget.lines(), 1, 200, "budget.lines")) {
            linesComplete = false;
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < budget.lines().size(); i++) {
                BudgetLine line = budget.lines().get(i);
                String at = "budget.lines." + i;
                if (line == null) {
                    v.requirePresent(null, at);
                    linesComplete = false;
                    continue;
                }
                v.requireYear(line.year(), at + ".year");
                v.requirePresent(line.category(), at + ".category");
                v.requirePresent(line.amount(), at + ".amount");
                linesComplete &= line.amount() != null;
                v.require(seen.add(line.year() + "/" + line.category()), at,
                        "one line per year and category");
            }
        }
        boolean requested = budget.requestedAmount() != null && !budget.requestedAmount().isZero();
        v.require(requested, "budget.requestedAmount", "the sum requested from the fund must be more than zero");
        // judged on the budget alone, whatever else in the application is wrong
        if (requested && linesComplete && budget.requestedAmount().isGreaterThan(budget.total())) {
            v.require(false, "budget.requestedAmount",
                    "cannot exceed the budget's total of " + budget.total().format() + " SEK");
        }
    }

    private void validateOffices(Violations v) {
        if (offices == null || offices.isEmpty()) {
            v.require(false, "offices", "at least the lead office is required");
            return;
        }
        if (!v.requireList(offices, 1, 20, "offices")) {
            return;
        }
        long leads = offices.stream().filter(o -> o != null && o.lead()).count();
        v.require(leads == 1, "offices", "exactly one office must be the lead office");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < offices.size(); i++) {
            String office = offices.get(i) == null ? null : offices.get(i).office();
            v.requireMatch(office, Limits.OFFICE, "offices." + i + ".office", Limits.OFFICE_MESSAGE);
            v.require(office == null || seen.add(office), "offices." + i + ".office", "each office once");
        }
    }

    private static void validateBaseline(Baseline baseline, String at, Violations v) {
        if (baseline != null) {
            v.require(baseline.value() != null && baseline.measuredOn() != null, at,
                    "a baseline needs both a value and the date it was measured");
            if (baseline.value() != null) {
                v.requireMeasure(baseline.value(), at + ".value");
            }
        }
    }

    /**
     * What the guideline asks for as an ambition but does not require: a baseline and a control group for each
     * indicator. The criteria check records these as remarks, not failures.
     */
    public List<String> ambitionRemarks() {
        List<String> remarks = new ArrayList<>();
        for (Indicator ind : indicators()) {
            if (ind.baseline() == null) {
                remarks.add("indicator '" + ind.code() + "' has no baseline measurement (basmätning)");
            }
            if (ind.controlGroup() == null) {
                remarks.add("indicator '" + ind.code() + "' has no control group (kontrollgrupp)");
            }
        }
        return remarks;
    }
}

package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * Costs so far against the budget, per year and category, as of a date. Each report states the running total;
 * the latest one is what the project has spent.
 */
public record CostReport(int number, LocalDate asOf, List<CostLine> lines, String comment, Instant reportedAt,
                         String reportedBy) {
    public CostReport {
        lines = List.copyOf(lines);
    }

    public record CostLine(Integer year, CostCategory category, Money amount) {
    }

    /** The running totals as of a date, one line per year and category (a zero amount is allowed). */
    public record Draft(LocalDate asOf, List<CostLine> lines, String comment) {
        void validate(LocalDate startDate, Violations v) {
            v.require(asOf != null && !asOf.isBefore(startDate), "asOf",
                    "the date the costs run to, not before the project's start");
            if (v.requireList(lines, 1, 200, "lines")) {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < lines.size(); i++) {
                    CostLine line = lines.get(i);
                    if (line == null) {
                        v.requirePresent(null, "lines." + i);
                        continue;
                    }
                    v.requireYear(line.year(), "lines." + i + ".year");
                    v.requirePresent(line.category(), "lines." + i + ".category");
                    v.requirePresent(line.amount(), "lines." + i + ".amount");
                    v.require(seen.add(line.year() + "/" + line.category()), "lines." + i,
                            "one line per year and category");
                }
            }
            v.maxLength(comment, "comment", Limits.SHORT_TEXT);
        }

        CostReport record(int number, Instant at, String by) {
            return new CostReport(number, asOf, lines, comment, at, by);
        }
    }

    public Money total() {
        return lines.stream().map(CostLine::amount).reduce(Money.ZERO, Money::plus);
    }
}

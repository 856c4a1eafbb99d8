package se.socialfund.domain.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import se.socialfund.domain.application.ApplicationContent.CostCategory;
import se.socialfund.domain.shared.Money;

/**
 * Costs so far against the budget, per year and category, as of a date. Each report states the running total;
 * the latest one is what the project has spent.
 */
public record CostReport(int number, LocalDate asOf, List<CostLine> lines, String comment, Instant reportedAt,
                         String reportedBy) {
    public CostReport {
        lines = List.copyOf(lines);
    }

    public record CostLine(int year, CostCategory category, Money amount) {
    }

    public Money total() {
        return lines.stream().map(CostLine::amount).reduce(Money.ZERO, Money::plus);
    }
}

package se.socialfund.domain.application;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import se.socialfund.domain.shared.Limits;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Violations;

/**
 * Återföringsmodellen: for an investment started before 2021, how much each committee's budget frame is reduced,
 * year by year, so that the savings flow back into the fund (e.g. 10 MSEK over five years, 2 MSEK a year).
 */
public record RepaymentPlan(List<Installment> installments, Instant setAt, String setBy) {
    /** The model was abolished for investments started from this year. */
    public static final int ABOLISHED_FROM_YEAR = 2021;

    public RepaymentPlan {
        installments = List.copyOf(installments);
    }

    public record Installment(String committee, Integer year, Money amount) {
    }

    public Money total() {
        return installments.stream().map(Installment::amount).reduce(Money.ZERO, Money::plus);
    }

    static void validate(List<Installment> installments, Violations v) {
        if (!v.requireList(installments, 1, 100, "installments")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < installments.size(); i++) {
            Installment in = installments.get(i);
            String at = "installments." + i;
            if (in == null) {
                v.requirePresent(null, at);
                continue;
            }
            v.requireText(in.committee(), at + ".committee", Limits.NAME);
            v.requireYear(in.year(), at + ".year");
            v.require(in.amount() != null && !in.amount().isZero(), at + ".amount", "more than zero");
            v.require(seen.add(in.committee() + "/" + in.year()), at, "one installment per committee and year");
        }
    }
}

package se.socialfund.domain.application;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    public record Installment(String committee, int year, Money amount) {
    }

    public Money total() {
        return installments.stream().map(Installment::amount).reduce(Money.ZERO, Money::plus);
    }

    public static void validate(List<Installment> installments) {
        Violations v = new Violations();
        v.require(!installments.isEmpty(), "/installments", "at least one installment");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < installments.size(); i++) {
            Installment in = installments.get(i);
            v.requireText(in.committee(), "/installments/" + i + "/committee");
            v.require(in.year() >= 2000 && in.year() <= 2100, "/installments/" + i + "/year",
                    "a year between 2000 and 2100");
            v.require(in.amount() != null && !in.amount().isZero(), "/installments/" + i + "/amount",
                    "more than zero");
            v.require(seen.add(in.committee() + "/" + in.year()), "/installments/" + i,
                    "one installment per committee and year");
        }
        v.throwIfAny("the repayment plan is invalid");
    }
}

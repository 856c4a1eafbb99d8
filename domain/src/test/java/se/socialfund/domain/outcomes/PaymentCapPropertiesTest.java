package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import se.socialfund.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static se.socialfund.domain.outcomes.Contracts.*;

/**
 * No sequence of valid approvals ever pays a negative amount or passes a cap: the contract's payment cap, the
 * investor's drawn × (1 + return cap), and (with a price per unit) what the cumulative outcome is worth.
 */
class PaymentCapPropertiesTest {

    record Case(String drawn, String activity, String savingsShare, String returnCap, String cap, String price,
                String diffShare, List<long[]> periods) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> shares = Arbitraries.integers().between(0, 100).map(n -> BigDecimal.valueOf(n, 2)
                .toPlainString());
        Arbitrary<String> money = Arbitraries.longs().between(1, 2_000_000_000L).map(o -> Money.ofOre(o).format());
        Arbitrary<long[]> period = Arbitraries.longs().between(-5_000_000, 5_000_000).array(long[].class).ofSize(3);
        return Combinators.combine(money, shares, shares, shares, money,
                Arbitraries.longs().between(1, 500_000).map(o -> Money.ofOre(o).format()),
                Arbitraries.integers().between(1, 100).map(n -> BigDecimal.valueOf(n, 2).toPlainString()),
                period.list().ofMinSize(1).ofMaxSize(8)).as(Case::new);
    }

    @Property(tries = 300)
    void approvals_never_pay_a_negative_amount_nor_pass_a_cap(@ForAll("cases") Case c) {
        ContractTerms terms = terms(finance(c.drawn(), c.activity(), c.savingsShare(), c.returnCap(), null), List.of(
                new OutcomeMetric("DAYS", "d", "dygn", Direction.LOWER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.pricePerUnit(Money.of(c.price()))),
                new OutcomeMetric("SAVINGS", "s", "SEK", Direction.LOWER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.shareOfSavings()),
                new OutcomeMetric("COST", "c", "SEK per barn", Direction.LOWER_IS_BETTER,
                        Aggregate.MEAN_PER_PARTICIPANT, PaymentRule.shareOfDifference(new BigDecimal(c.diffShare())))),
                c.periods().size(), c.cap());
        OutcomesContract contract = signed(terms);
        Money paid = Money.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        Money paidForDays = Money.ZERO;
        BigDecimal best = BigDecimal.ZERO;
        for (int k = 0; k < c.periods().size(); k++) {
            long[] p = c.periods().get(k);
            List<Payment> payments = pay(contract, k + 1,
                    measured("DAYS", 10, "0", 10, String.valueOf(p[0] / 100)),
                    measured("SAVINGS", 10, "0", 10, Money.ofOre(Math.abs(p[1])).format()),
                    measured("COST", 10, "0", 10, BigDecimal.valueOf(p[2], 2).toPlainString()));
            days = days.add(BigDecimal.valueOf(p[0] / 100));
            for (Payment pay : payments) {
                assertThat(pay.amount().amount().signum()).isGreaterThanOrEqualTo(0);
                assertThat(pay.amount().amount().scale()).isEqualTo(2);
                assertThat(pay.amount().plus(pay.heldBack())).isEqualTo(pay.due());
                paid = paid.plus(pay.amount());
                if ("DAYS".equals(pay.metricCode())) {
                    paidForDays = paidForDays.plus(pay.amount());
                }
            }
            assertThat(paid).isLessThanOrEqualTo(terms.paymentCap());
            assertThat(paid).isLessThanOrEqualTo(terms.finance().investorCap());
            // never more for the days than the cumulative days were worth at their best so far (no clawback)
            best = best.max(days.max(BigDecimal.ZERO).multiply(new BigDecimal(c.price()))
                    .setScale(2, java.math.RoundingMode.HALF_EVEN));
            assertThat(paidForDays.amount()).isLessThanOrEqualTo(best);
        }
        assertThat(Settlement.of(contract.snapshot()).totals().paidTotal()).isEqualTo(paid);
    }
}

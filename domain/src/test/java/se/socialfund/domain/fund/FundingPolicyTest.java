package se.socialfund.domain.fund;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.BoardDecision;
import se.socialfund.domain.application.ImplementationDecision;
import se.socialfund.domain.application.Journey;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.application.Termination;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.Money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.domain.application.Fixtures.fundOfficer;
import static se.socialfund.domain.application.Fixtures.officeHead;
import static se.socialfund.domain.application.Fixtures.LEAD;

/** The rule between an investment and the fund: a grant commits, an ending releases what was not spent, once. */
class FundingPolicyTest {
    private static final Money GRANT = Money.of("1000000.00");

    private static Fund fundWith(String capital, String committed, String returned) {
        return Fund.restore(new FundBalance(Money.of(capital), Money.of(committed), Money.of(returned)));
    }

    /** Hands out the fund and counts how often it was asked for (each ask is a lock in the caller). */
    private static final class Locks implements Supplier<Fund> {
        private final Fund fund;
        private final AtomicInteger asked = new AtomicInteger();

        Locks(Fund fund) {
            this.fund = fund;
        }

        @Override
        public Fund get() {
            asked.incrementAndGet();
            return fund;
        }

        int asked() {
            return asked.get();
        }
    }

    /** A fund that must not be asked for: no money moves. */
    private static Supplier<Fund> noLock() {
        return () -> {
            throw new AssertionError("the fund was locked although no money moves");
        };
    }

    private static BoardDecision.Draft grant(Money amount, Journey j) {
        return new BoardDecision.Draft(BoardDecision.Outcome.GRANTED, amount, List.of("Report yearly"), List.of(),
                j.today(), "§ 123");
    }

    private static Journey ready() {
        return Journey.received().criteriaChecked().readyForDecision();
    }

    private static ImplementationDecision.Draft implement(Journey j) {
        return new ImplementationDecision.Draft(ImplementationDecision.Outcome.IMPLEMENT,
                ImplementationDecision.Financing.REPRIORITISATION, "Barn- och ungdomsnämnden", j.today(), "BUN § 12",
                "Works");
    }

    @Test
    void a_grant_commits_exactly_its_amount_in_the_same_call() {
        Journey j = ready();
        j.nextDay();
        Locks locks = new Locks(fundWith("5000000", "1000000", "0"));

        Optional<Fund> stored = FundingPolicy.decide(j.app, grant(GRANT, j), j.step(fundOfficer()), locks);

        assertThat(j.app.stage()).isEqualTo(Stage.GRANTED);
        assertThat(locks.asked()).isEqualTo(1);
        assertThat(stored).containsSame(locks.fund);
        Fund fund = stored.orElseThrow();
        assertThat(fund.newEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntryKind.COMMITMENT);
            assertThat(e.amount()).isEqualTo(GRANT);
            assertThat(e.applicationId()).isEqualTo(j.app.id());
            assertThat(e.registrationNumber()).isEqualTo(j.app.registrationNumber().toString());
            assertThat(e.reference()).isEqualTo("KS " + j.today() + " § 123");
            assertThat(e.entryDate()).isEqualTo(j.today());
        });
        assertThat(fund.balance()).isEqualTo(new FundBalance(Money.of("5000000"), Money.of("2000000"), Money.ZERO));
        assertThat(j.app.snapshot().grantedAmount()).isEqualTo(GRANT);
    }

    @Test
    void a_decline_moves_nothing_and_locks_no_fund() {
        Journey j = ready();
        j.nextDay();
        BoardDecision.Draft decline = new BoardDecision.Draft(BoardDecision.Outcome.DECLINED, null, List.of(),
                List.of("Not a priority"), j.today(), "§ 7");

        Optional<Fund> stored = FundingPolicy.decide(j.app, decline, j.step(fundOfficer()), noLock());

        assertThat(stored).isEmpty();
        assertThat(j.app.stage()).isEqualTo(Stage.DECLINED);
        assertThat(j.app.snapshot().grantedAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_grant_above_what_the_fund_has_available_is_refused_and_leaves_the_fund_unchanged() {
        Journey j = ready();
        j.nextDay();
        Fund fund = fundWith("5000000", "4500000", "100000");
        FundBalance before = fund.balance();

        FundExhausted refused = catchThrowableOfType(FundExhausted.class, () -> FundingPolicy.decide(j.app,
                grant(Money.of("600000.01"), j), j.step(fundOfficer()), () -> fund));

        assertThat(refused.requested()).isEqualTo(Money.of("600000.01"));
        assertThat(refused.available()).isEqualTo(Money.of("600000.00"));
        assertThat(fund.balance()).isEqualTo(before);
        assertThat(fund.newEntries()).isEmpty();
    }

    @Test
    void exactly_what_the_fund_has_available_can_be_granted() {
        Journey j = ready();
        j.nextDay();
        Fund fund = fundWith("5000000", "4500000", "100000");

        FundingPolicy.decide(j.app, grant(Money.of("600000.00"), j), j.step(fundOfficer()), () -> fund);

        assertThat(fund.balance().available()).isEqualTo(Money.ZERO);
        assertThat(j.app.stage()).isEqualTo(Stage.GRANTED);
    }

    @Test
    void terminating_releases_granted_minus_spent_and_the_later_closing_releases_nothing_more() {
        Journey j = ready().granted(GRANT).started().costsReported("300000.00");
        j.nextDay();
        Locks locks = new Locks(fundWith("5000000", "1000000", "0"));

        Optional<Fund> onTermination = FundingPolicy.terminate(j.app,
                new Termination.Draft("Could not be staffed", j.today()), j.step(fundOfficer()), locks);

        assertThat(j.app.stage()).isEqualTo(Stage.TERMINATED);
        assertThat(locks.asked()).isEqualTo(1);
        assertThat(onTermination.orElseThrow().newEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntryKind.RELEASE);
            assertThat(e.amount()).isEqualTo(Money.of("700000.00"));
            assertThat(e.applicationId()).isEqualTo(j.app.id());
            assertThat(e.entryDate()).isEqualTo(j.today());
        });
        assertThat(locks.fund.balance().returned()).isEqualTo(Money.of("700000.00"));
        assertThat(j.app.snapshot().releasedAmount()).isEqualTo(Money.of("700000.00"));
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.ZERO);

        // the terminated project still delivers its evaluation; closing it gives back nothing twice
        j.evaluated();
        j.nextDay();
        Optional<Fund> onClosing = FundingPolicy.close(j.app, implement(j), j.step(officeHead(LEAD)), noLock());

        assertThat(onClosing).isEmpty();
        assertThat(j.app.stage()).isEqualTo(Stage.CLOSED);
        assertThat(j.app.snapshot().releasedAmount()).isEqualTo(Money.of("700000.00"));
        assertThat(locks.fund.newEntries()).hasSize(1);
    }

    @Test
    void closing_releases_what_was_not_spent() {
        Journey j = ready().granted(GRANT).started().costsReported("250000.00").followedUp().evaluated();
        j.nextDay();
        Locks locks = new Locks(fundWith("5000000", "1000000", "0"));

        Optional<Fund> stored = FundingPolicy.close(j.app, implement(j), j.step(officeHead(LEAD)), locks);

        assertThat(locks.asked()).isEqualTo(1);
        assertThat(stored.orElseThrow().newEntries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntryKind.RELEASE);
            assertThat(e.amount()).isEqualTo(Money.of("750000.00"));
            assertThat(e.reference()).isEqualTo("BUN § 12");
        });
        assertThat(j.app.snapshot().releasedAmount()).isEqualTo(Money.of("750000.00"));
        assertThat(j.app.snapshot().unspentAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void closing_an_investment_that_spent_everything_releases_nothing_and_locks_no_fund() {
        Journey j = ready().granted(GRANT).started().costsReported("1000000.00").followedUp().evaluated();
        j.nextDay();

        Optional<Fund> stored = FundingPolicy.close(j.app, implement(j), j.step(officeHead(LEAD)), noLock());

        assertThat(stored).isEmpty();
        assertThat(j.app.stage()).isEqualTo(Stage.CLOSED);
        assertThat(j.app.snapshot().releasedAmount()).isEqualTo(Money.ZERO);
    }

    @Test
    void closing_an_investment_that_spent_more_than_granted_releases_nothing_and_locks_no_fund() {
        Journey j = ready().granted(GRANT).started().costsReported("1200000.00").followedUp().evaluated();
        j.nextDay();

        Optional<Fund> stored = FundingPolicy.close(j.app, implement(j), j.step(fundOfficer()), noLock());

        assertThat(stored).isEmpty();
        assertThat(j.app.stage()).isEqualTo(Stage.CLOSED);
        assertThat(j.app.snapshot().releasedAmount()).isEqualTo(Money.ZERO);
    }
}

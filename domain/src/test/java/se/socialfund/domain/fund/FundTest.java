package se.socialfund.domain.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.RepaymentPlan;
import se.socialfund.domain.application.RepaymentPlan.Installment;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.FundExhausted;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FundTest {
    private static final Actor OFFICER = new Actor("officer", "Fund Officer", Set.of(Role.FUND_OFFICER),
            Optional.of("ksk"), Optional.empty());
    private static final Instant AT = Instant.parse("2026-06-15T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final UUID APP = UUID.randomUUID();

    private static Fund fundWith(String capital, String committed, String returned) {
        return Fund.restore(new FundBalance(Money.of(capital), Money.of(committed), Money.of(returned)));
    }

    private static LedgerEntry commit(Fund fund, String amount) {
        return fund.commit(Money.of(amount), APP, "KS 2026/0001", "KS 2026-06-15 § 123", DAY, OFFICER, AT);
    }

    @Test
    void available_is_capital_plus_returned_minus_committed() {
        FundBalance balance = new FundBalance(Money.of("40000000"), Money.of("12000000"), Money.of("1500000.50"));

        assertThat(balance.available()).isEqualTo(Money.of("29500000.50"));
        assertThat(FundBalance.EMPTY.available()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_commitment_within_what_is_available_is_recorded_with_its_decision() {
        Fund fund = fundWith("1000000", "0", "0");

        LedgerEntry entry = commit(fund, "600000");

        assertThat(entry.kind()).isEqualTo(LedgerEntryKind.COMMITMENT);
        assertThat(entry.reference()).isEqualTo("KS 2026-06-15 § 123");
        assertThat(entry.applicationId()).isEqualTo(APP);
        assertThat(entry.entryDate()).isEqualTo(DAY);
        assertThat(fund.balance().committed()).isEqualTo(Money.of("600000"));
        assertThat(fund.balance().available()).isEqualTo(Money.of("400000"));
        assertThat(fund.newEntries()).containsExactly(entry);
    }

    @Test
    void a_commitment_above_what_is_available_is_refused_with_the_available_amount_and_changes_nothing() {
        Fund fund = fundWith("1000000", "0", "0");
        commit(fund, "600000");
        FundBalance before = fund.balance();

        FundExhausted refused = catchThrowableOfType(FundExhausted.class, () -> commit(fund, "400000.01"));

        assertThat(refused.available()).isEqualTo(Money.of("400000.00"));
        assertThat(refused.requested()).isEqualTo(Money.of("400000.01"));
        assertThat(refused).hasMessageContaining("400000.00");
        assertThat(fund.balance()).isEqualTo(before);
        assertThat(fund.newEntries()).hasSize(1);
    }

    @Test
    void exactly_what_is_available_can_be_committed_and_then_nothing_more() {
        Fund fund = fundWith("1000000", "300000", "50000");

        commit(fund, "750000");

        assertThat(fund.balance().available()).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> commit(fund, "0.01")).isInstanceOf(FundExhausted.class);
    }

    @Test
    void a_thousand_commitments_of_ten_ore_commit_exactly_one_hundred_kronor() {
        Fund fund = fundWith("40000000", "0", "0");

        for (int i = 0; i < 1_000; i++) {
            commit(fund, "0.10");
        }

        assertThat(fund.balance().committed()).isEqualTo(Money.of("100.00"));
        assertThat(fund.balance().available()).isEqualTo(Money.of("39999900.00"));
        assertThat(fund.newEntries()).hasSize(1_000);
    }

    @Test
    void a_release_returns_unused_money_and_makes_it_available_again() {
        Fund fund = fundWith("1000000", "1000000", "0");

        List<LedgerEntry> entries = fund.release(Money.of("250000"), APP, "KS 2026/0001", "BUN § 12", DAY, OFFICER,
                AT);

        assertThat(entries).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo(LedgerEntryKind.RELEASE));
        assertThat(fund.balance()).isEqualTo(new FundBalance(Money.of("1000000"), Money.of("1000000"),
                Money.of("250000")));
        assertThat(fund.balance().available()).isEqualTo(Money.of("250000"));
    }

    @Test
    void releasing_nothing_records_nothing() {
        Fund fund = fundWith("1000000", "1000000", "0");

        assertThat(fund.release(Money.ZERO, APP, "KS 2026/0001", "ref", DAY, OFFICER, AT)).isEmpty();
        assertThat(fund.newEntries()).isEmpty();
    }

    @Nested
    class Capital_marking {
        @Test
        void adds_capital_dated_on_the_last_day_of_the_closing_year() {
            Fund fund = Fund.restore(FundBalance.EMPTY);

            LedgerEntry entry = fund.markCapital(Money.of("40000000"), 2025, "KF 2026-04-20 § 55", OFFICER, AT,
                    DAY);

            assertThat(entry.kind()).isEqualTo(LedgerEntryKind.CAPITAL_MARKING);
            assertThat(entry.entryDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(fund.balance().available()).isEqualTo(Money.of("40000000"));
        }

        @Test
        void refuses_nothing_a_future_closing_and_a_missing_reference_all_at_once() {
            Fund fund = Fund.restore(FundBalance.EMPTY);

            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> fund.markCapital(Money.ZERO, 2027,
                    " ", OFFICER, AT, DAY));

            assertThat(refused.violations()).extracting(RuleViolation.Violation::field)
                    .containsExactly("amount", "closingYear", "reference");
            assertThat(fund.balance()).isEqualTo(FundBalance.EMPTY);
        }

        @Test
        void judges_the_year_by_the_municipalitys_date_of_the_marking() {
            Fund fund = Fund.restore(FundBalance.EMPTY);
            // New Year's Eve in UTC is already New Year's Day in Stockholm: 2025 has ended there
            Instant newYear = Instant.parse("2025-12-31T23:30:00Z");
            LocalDate stockholm = LocalDate.ofInstant(newYear, java.time.ZoneId.of("Europe/Stockholm"));

            assertThatThrownBy(() -> fund.markCapital(Money.of("1000000"), 2025, "KF § 1", OFFICER, newYear,
                    LocalDate.ofInstant(newYear, java.time.ZoneOffset.UTC))).isInstanceOf(RuleViolation.class);
            LedgerEntry entry = fund.markCapital(Money.of("1000000"), 2025, "KF § 1", OFFICER, newYear, stockholm);

            assertThat(entry.entryDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        }

        @Test
        void refuses_the_closing_of_the_current_year_before_it_has_happened() {
            Fund fund = Fund.restore(FundBalance.EMPTY);

            assertThatThrownBy(() -> fund.markCapital(Money.of("1000000"), 2026, "KF § 1", OFFICER, AT, DAY))
                    .isInstanceOf(RuleViolation.class);
        }
    }

    @Nested
    class Repayment {
        private final RepaymentPlan plan = new RepaymentPlan(List.of(
                new Installment("Socialnämnden", 2019, Money.of("2000000")),
                new Installment("Socialnämnden", 2020, Money.of("2000000"))), AT, "officer");

        private LedgerEntry repay(Fund fund, int year, String amount, String settled) {
            return fund.settle(Settlement.repayment(APP, "Socialnämnden", year, Money.of(amount), DAY,
                    "KF budget 2019"), plan, Money.of(settled), "KS 2018/0100", OFFICER, AT);
        }

        @Test
        void returns_money_to_the_fund_for_the_committee_and_year() {
            Fund fund = fundWith("40000000", "10000000", "0");

            LedgerEntry entry = repay(fund, 2019, "1500000", "0");

            assertThat(entry.kind()).isEqualTo(LedgerEntryKind.REPAYMENT);
            assertThat(entry.committee()).isEqualTo("Socialnämnden");
            assertThat(entry.year()).isEqualTo(2019);
            assertThat(fund.balance().returned()).isEqualTo(Money.of("1500000"));
            assertThat(fund.balance().available()).isEqualTo(Money.of("31500000"));
        }

        @Test
        void more_than_is_outstanding_is_refused_naming_what_is_outstanding() {
            Fund fund = fundWith("40000000", "10000000", "0");

            RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> repay(fund, 2019, "600000",
                    "1500000"));

            assertThat(refused.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("amount");
                assertThat(v.message()).contains("500000.00");
            });
            assertThat(fund.newEntries()).isEmpty();
            repay(fund, 2019, "500000", "1500000");
            assertThat(fund.balance().returned()).isEqualTo(Money.of("500000"));
        }

        @Test
        void a_year_or_committee_outside_the_plan_and_an_investment_without_a_plan_are_refused() {
            Fund fund = fundWith("40000000", "10000000", "0");

            RuleViolation noYear = catchThrowableOfType(RuleViolation.class, () -> repay(fund, 2021, "1", "0"));
            RuleViolation noPlan = catchThrowableOfType(RuleViolation.class, () -> fund.settle(Settlement.repayment(
                    APP, "Socialnämnden", 2019, Money.of("1"), DAY, "ref"), null, Money.ZERO, "KS 2018/0100", OFFICER,
                    AT));

            assertThat(noYear.violations().get(0).field()).isEqualTo("committee");
            assertThat(noPlan.violations().get(0).field()).isEqualTo("applicationId");
        }

        @Test
        void a_write_off_records_what_will_not_come_back_without_changing_the_balance() {
            Fund fund = fundWith("40000000", "10000000", "0");
            FundBalance before = fund.balance();

            LedgerEntry entry = fund.settle(Settlement.writeOff(APP, "Socialnämnden", 2020, Money.of("2000000"), DAY,
                    "Savings did not appear", "KS § 9"), plan, Money.ZERO, "KS 2018/0100", OFFICER, AT);

            assertThat(entry.kind()).isEqualTo(LedgerEntryKind.WRITE_OFF);
            assertThat(entry.note()).isEqualTo("Savings did not appear");
            assertThat(fund.balance()).isEqualTo(before);
        }

        @Test
        void a_write_off_gives_its_reason_and_cannot_exceed_what_is_outstanding() {
            Fund fund = fundWith("40000000", "10000000", "0");

            // the reason is checked with the rest of what a settlement names, and again by the fund itself
            RuleViolation noReason = catchThrowableOfType(RuleViolation.class, () -> Settlement.writeOff(APP,
                    "Socialnämnden", 2020, Money.of("1"), DAY, " ", "ref").validate());
            assertThat(noReason.violations()).extracting(RuleViolation.Violation::field).containsExactly("reason");
            assertThatThrownBy(() -> fund.settle(Settlement.writeOff(APP, "Socialnämnden", 2020, Money.of("1"), DAY,
                    " ", "ref"), plan, Money.ZERO, "KS 2018/0100", OFFICER, AT)).isInstanceOf(RuleViolation.class);
            assertThatThrownBy(() -> fund.settle(Settlement.writeOff(APP, "Socialnämnden", 2020, Money.of("0.01"),
                    DAY, "Gone", "ref"), plan, Money.of("2000000"), "KS 2018/0100", OFFICER, AT))
                    .isInstanceOf(RuleViolation.class);
            assertThat(fund.newEntries()).isEmpty();
        }
    }
}

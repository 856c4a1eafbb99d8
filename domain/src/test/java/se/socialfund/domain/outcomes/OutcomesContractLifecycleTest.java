package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Conflict;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.domain.outcomes.Contracts.*;

class OutcomesContractLifecycleTest {
    private static ContractTerms essex(int periods) {
        return terms(finance("2500000.00", "0", "0", "0.20", null), List.of(
                new OutcomeMetric("CARE_DAYS", "Undvikna vårddygn", "vårddygn", Direction.LOWER_IS_BETTER,
                        Aggregate.TOTAL, PaymentRule.pricePerUnit(Money.of("1200.00")))), periods, "3000000.00");
    }

    @Test
    void organisation_numbers_are_checked_with_the_luhn_digit() {
        assertThat(OrganisationNumber.parse("212000-0449", "x").value()).isEqualTo("212000-0449");
        assertThatThrownBy(() -> OrganisationNumber.parse("212000-0448", "x")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> OrganisationNumber.parse("2120000449", "x")).isInstanceOf(RuleViolation.class);
    }

    @Test
    void the_evaluator_must_be_another_organisation_than_the_provider() {
        ContractTerms t = essex(1);
        ContractTerms same = new ContractTerms(t.title(), t.intervention(), t.providerOffice(), parties(PROVIDER),
                t.cohort(), t.comparison(), t.comparisonMethod(), t.finance(), t.metrics(), t.periods(),
                t.paymentCap());
        RuleViolation e = catchThrowableOfType(() -> OutcomesContract.draft(UUID.randomUUID(), same, OFFICER, AT),
                RuleViolation.class);
        assertThat(e.violations()).extracting(RuleViolation.Violation::field)
                .containsExactly("parties.3.organisationNumber");
    }

    @Test
    void an_evaluator_of_the_providing_office_may_not_validate() {
        OutcomesContract c = signed(essex(1));
        c.recordMeasurements(c.version(), 1, List.of(measured("CARE_DAYS", 60, "1", 60, "2")), OFFICER, AT);
        Actor insider = new Actor("e2", "Intern", Set.of(Role.EVALUATOR), Optional.of("socialkontoret"),
                Optional.empty());
        assertThatThrownBy(() -> c.validate(c.version(), 1, null, insider, AT)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void the_lifecycle_runs_drafted_signed_in_delivery_final_settlement_closed() {
        OutcomesContract c = OutcomesContract.draft(UUID.randomUUID(), essex(2), OFFICER, AT);
        assertThat(c.state()).isEqualTo(ContractState.DRAFTED);
        assertThat(c.allowedActions(OFFICER)).containsExactly("SIGN");
        c.sign(1, LocalDate.of(2026, 10, 1), "KS § 1", OFFICER, AT);
        assertThat(c.state()).isEqualTo(ContractState.SIGNED);
        pay(c, 1, measured("CARE_DAYS", 60, "1100", 60, "1500"));
        assertThat(c.state()).isEqualTo(ContractState.IN_DELIVERY);
        assertThatThrownBy(() -> c.enterFinalSettlement(c.version(), OFFICER, AT)).isInstanceOf(Conflict.class);
        pay(c, 2, measured("CARE_DAYS", 60, "1100", 60, "1500"));
        c.enterFinalSettlement(c.version(), OFFICER, AT);
        assertThat(Settlement.of(c.snapshot()).finalSettlement()).isTrue();
        c.close(c.version(), OFFICER, AT);
        assertThat(c.state()).isEqualTo(ContractState.CLOSED);
        assertThat(c.allowedActions(OFFICER)).isEmpty();
        assertThatThrownBy(() -> c.amend(c.version(), "x", "y", "z", LocalDate.of(2027, 1, 1), null,
                Money.of("1.00"), null, OFFICER, AT)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void no_payment_before_validation_and_approving_twice_is_a_conflict() {
        OutcomesContract c = signed(essex(2));
        c.recordMeasurements(c.version(), 1, List.of(measured("CARE_DAYS", 60, "1100", 60, "1500")), OFFICER, AT);
        Conflict early = catchThrowableOfType(() -> c.approvePayment(c.version(), 1, OFFICER, AT), Conflict.class);
        assertThat(early.kind()).isEqualTo("period-not-validated");
        c.validate(c.version(), 1, "ok", EVALUATOR, AT);
        c.approvePayment(c.version(), 1, OFFICER, AT);
        Conflict twice = catchThrowableOfType(() -> c.approvePayment(c.version(), 1, OFFICER, AT), Conflict.class);
        assertThat(twice.kind()).isEqualTo("payment-already-approved");
        assertThatThrownBy(() -> c.recordMeasurements(c.version(), 1, List.of(measured("CARE_DAYS", 60, "0", 60,
                "1500")), OFFICER, AT)).isInstanceOf(Conflict.class);
    }

    @Test
    void refusals_come_in_order_role_version_state() {
        OutcomesContract c = OutcomesContract.draft(UUID.randomUUID(), essex(1), OFFICER, AT);
        assertThatThrownBy(() -> c.approvePayment(99, 1, AUDITOR, AT)).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> c.approvePayment(99, 1, OFFICER, AT)).isInstanceOf(StaleVersion.class);
        assertThatThrownBy(() -> c.approvePayment(1, 1, OFFICER, AT)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> c.validate(1, 1, null, OFFICER, AT)).isInstanceOf(AccessDenied.class);
    }

    @Test
    void an_amendment_extends_the_periods_and_never_rewrites_an_approved_payment() {
        OutcomesContract c = signed(essex(2));
        Payment first = pay(c, 1, measured("CARE_DAYS", 60, "1100", 60, "1500")).get(0);
        List<MeasurementPeriod> three = quarters(3);
        c.amend(c.version(), "Uppföljningen förlängs", "Två perioder var för kort", "KS 2018/0100 § 5",
                LocalDate.of(2020, 7, 1), three, null, null, OFFICER, AT);
        assertThat(c.terms().periods()).hasSize(3);
        assertThat(c.snapshot().periods().get(0).approval().payments()).containsExactly(first);
        assertThat(c.snapshot().amendments()).singleElement().satisfies(a -> assertThat(a.number()).isEqualTo(1));
        // an approved period cannot be moved, and the cap cannot drop below what was paid
        List<MeasurementPeriod> moved = List.of(new MeasurementPeriod(1, LocalDate.of(2019, 1, 1),
                LocalDate.of(2019, 3, 31)));
        assertThatThrownBy(() -> c.amend(c.version(), "x", "y", "z", LocalDate.of(2020, 1, 1), moved, null, null,
                OFFICER, AT)).isInstanceOf(RuleViolation.class);
        RuleViolation cap = catchThrowableOfType(() -> c.amend(c.version(), "x", "y", "z", LocalDate.of(2020, 1, 1),
                null, Money.of("1000.00"), null, OFFICER, AT), RuleViolation.class);
        assertThat(cap.violations()).extracting(RuleViolation.Violation::field).containsExactly("paymentCap");
    }

    @Test
    void only_the_providing_office_and_the_reading_roles_see_a_contract() {
        OutcomesContract c = signed(essex(1));
        Actor own = new Actor("a", "A", Set.of(Role.APPLICANT), Optional.of("socialkontoret"), Optional.empty());
        Actor other = new Actor("b", "B", Set.of(Role.OFFICE_HEAD), Optional.of("utbildningskontoret"),
                Optional.empty());
        Actor advisor = new Actor("c", "C", Set.of(Role.SCIENTIFIC_ADVISOR), Optional.empty(), Optional.empty());
        assertThat(c.isVisibleTo(own)).isTrue();
        assertThat(c.isVisibleTo(other)).isFalse();
        assertThat(c.isVisibleTo(AUDITOR)).isTrue();
        assertThat(c.isVisibleTo(EVALUATOR)).isTrue();
        assertThat(OutcomesContract.mayReadAny(advisor)).isFalse();
    }

    @Test
    void shares_outside_zero_to_one_and_a_return_condition_that_is_not_one_are_refused() {
        ContractTerms bad = terms(new Finance(Money.of("10.00"), Money.of("20.00"), new BigDecimal("1.5"),
                new BigDecimal("0.6"), new BigDecimal("0.2"), "CARE_DAYS"), essex(1).metrics(), 1, "100.00");
        RuleViolation e = catchThrowableOfType(() -> OutcomesContract.draft(UUID.randomUUID(), bad, OFFICER, AT),
                RuleViolation.class);
        assertThat(e.violations()).extracting(RuleViolation.Violation::field).containsExactlyInAnyOrder(
                "finance.investmentDrawn", "finance.activityShare", "finance.returnConditionMetric");
    }
}

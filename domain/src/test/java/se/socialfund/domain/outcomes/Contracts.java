package se.socialfund.domain.outcomes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/** Contracts for the tests, and the people who act on them. */
final class Contracts {
    static final Actor OFFICER = new Actor("officer", "Fondförvaltare", Set.of(Role.FUND_OFFICER),
            Optional.of("kommunstyrelsens-kontor"), Optional.empty());
    static final Actor EVALUATOR = new Actor("evaluator", "Utvärderare", Set.of(Role.EVALUATOR),
            Optional.empty(), Optional.empty());
    static final Actor AUDITOR = new Actor("auditor", "Revisor", Set.of(Role.AUDITOR), Optional.empty(),
            Optional.empty());
    static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");

    static final String MUNICIPALITY = "212000-0449";
    static final String INVESTOR = "556000-0001";
    static final String PROVIDER = "556000-0019";
    static final String EVALUATOR_ORG = "556000-0027";

    private Contracts() {
    }

    static List<Party> parties(String evaluatorNumber) {
        return List.of(new Party(PartyRole.OUTCOME_PAYER, "Norrköpings kommun", new OrganisationNumber(MUNICIPALITY), null),
                new Party(PartyRole.INVESTOR, "Investeraren AB", new OrganisationNumber(INVESTOR), null),
                new Party(PartyRole.PROVIDER, "Utföraren AB", new OrganisationNumber(PROVIDER), null),
                new Party(PartyRole.EVALUATOR, "Utvärderaren AB", new OrganisationNumber(evaluatorNumber), null));
    }

    static List<MeasurementPeriod> quarters(int count) {
        List<MeasurementPeriod> periods = new ArrayList<>();
        LocalDate start = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < count; i++) {
            periods.add(new MeasurementPeriod(i + 1, start.plusMonths(3L * i), start.plusMonths(3L * i + 3).minusDays(1)));
        }
        return periods;
    }

    static ContractTerms terms(Finance finance, List<OutcomeMetric> metrics, int periods, String cap) {
        return new ContractTerms("Kontraktet", "Insatsen", "socialkontoret", parties(EVALUATOR_ORG),
                new Group("Placerade barn 7-18 år", 60), new Group("Jämförelsegrupp", 60),
                ComparisonMethod.QUASI_EXPERIMENTAL, finance, metrics, quarters(periods), Money.of(cap));
    }

    static Finance finance(String drawn, String activity, String savingsShare, String returnCap, String condition) {
        return new Finance(Money.of(drawn), Money.of(drawn), new BigDecimal(activity), new BigDecimal(savingsShare),
                new BigDecimal(returnCap), condition);
    }

    static OutcomesContract signed(ContractTerms terms) {
        OutcomesContract c = OutcomesContract.draft(UUID.randomUUID(), terms, OFFICER, AT);
        c.sign(c.version(), LocalDate.of(2026, 10, 1), "KS 2016/0001 § 1", OFFICER, AT);
        return c;
    }

    static MetricMeasurement measured(String code, int cohortN, String cohort, int comparisonN, String comparison) {
        return new MetricMeasurement(code, new GroupMeasurement(cohortN, new BigDecimal(cohort)),
                new GroupMeasurement(comparisonN, new BigDecimal(comparison)));
    }

    /** Measures, validates and approves a period; answers its payments. */
    static List<Payment> pay(OutcomesContract c, int period, MetricMeasurement... measurements) {
        c.recordMeasurements(c.version(), period, List.of(measurements), OFFICER, AT);
        c.validate(c.version(), period, "Granskat", EVALUATOR, AT);
        return c.approvePayment(c.version(), period, OFFICER, AT);
    }

    static Money total(List<Payment> payments) {
        return payments.stream().map(Payment::amount).reduce(Money.ZERO, Money::plus);
    }
}

package se.socialfund.bootstrap;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.AmendContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.ApprovePayment;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.CreateContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.RecordMeasurements;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.SignContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.ValidatePeriod;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.outcomes.OutcomesContracts;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.outcomes.OutcomesContractService;
import se.socialfund.domain.outcomes.Aggregate;
import se.socialfund.domain.outcomes.ComparisonMethod;
import se.socialfund.domain.outcomes.ContractTerms;
import se.socialfund.domain.outcomes.Direction;
import se.socialfund.domain.outcomes.Finance;
import se.socialfund.domain.outcomes.Group;
import se.socialfund.domain.outcomes.GroupMeasurement;
import se.socialfund.domain.outcomes.MeasurementPeriod;
import se.socialfund.domain.outcomes.MetricMeasurement;
import se.socialfund.domain.outcomes.OrganisationNumber;
import se.socialfund.domain.outcomes.OutcomeMetric;
import se.socialfund.domain.outcomes.Party;
import se.socialfund.domain.outcomes.PartyRole;
import se.socialfund.domain.outcomes.PaymentRule;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;

/**
 * Sweden's first social outcomes contract, Team Nystart (Norrköping, 2016), for the local default's realistic
 * data: seeded through the outcomes contracts' own use cases (every step audited, with the historical dates), as a
 * fund officer and, for the validation, as the evaluator. The sources give the cohort (60 children aged 7-18 placed
 * in HVB and SiS homes), the investor's commitment (up to 10 MSEK), the 40 % paid on activity, the 60/40 sharing of
 * savings, the 20 % return cap conditional on school results, and the extension of the follow-up from two to three
 * years; everything else (organisation numbers, dates, the comparison group, the measured figures, the cap) is
 * illustrative and says so ({@code illustrativt}).
 */
@ApplicationScoped
public class OutcomesContractSeed {
    private static final Logger LOG = Logger.getLogger(OutcomesContractSeed.class);
    static final String TITLE = "Team Nystart – Sveriges första sociala utfallskontrakt";
    private static final String ILLUSTRATIVE = "illustrativt: källorna anger inte organisationsnumret";

    @Inject UnitOfWork unitOfWork;
    /** The municipality's time zone (config {@code socialfund.time-zone}): the historical dates are its days. */
    @Inject ZoneId zone;
    @Inject AuditTrail auditTrail;
    @Inject OutcomesContracts contracts;

    /** Seeds the Team Nystart contract (each call another one); answers its id. */
    public UUID seedTeamNystart() {
        Actor officer = new Actor("seed:kommunstyrelsens-kontor", "Kommunstyrelsens kontor (import)",
                Set.of(Role.FUND_OFFICER), Optional.of("kommunstyrelsens-kontor"), Optional.of("seed"));
        Actor evaluator = new Actor("seed:utvarderare", "Utvärderaren (import, illustrativt)", Set.of(Role.EVALUATOR),
                Optional.empty(), Optional.of("seed"));
        SeedData.SeedCaller caller = new SeedData.SeedCaller();
        caller.actor = officer;
        SeedData.SeedClock clock = new SeedData.SeedClock();
        OutcomesContractService service = new OutcomesContractService(new AuditedChanges(unitOfWork, auditTrail,
                caller, clock, zone), contracts);

        clock.now = on(2016, 3, 1);
        OutcomesContractView v = ((CreateContract) service).create(new CreateContract.Command(terms()));
        UUID id = v.contract().id();
        clock.now = on(2016, 4, 20);
        v = ((SignContract) service).sign(new SignContract.Command(id, v.contract().version(),
                LocalDate.of(2016, 4, 18), "Kommunstyrelsen våren 2016 (datum och paragraf illustrativt)"));
        clock.now = on(2017, 10, 2);
        v = ((RecordMeasurements) service).recordMeasurements(new RecordMeasurements.Command(id,
                v.contract().version(), 1, List.of(
                        measured("SAVINGS", 60, "14000000.00", 60, "17500000.00"),
                        measured("SCHOOL", 58, "165.5", 60, "160.0"))));
        caller.actor = evaluator;
        clock.now = on(2017, 11, 6);
        v = ((ValidatePeriod) service).validate(new ValidatePeriod.Command(id, v.contract().version(), 1,
                "Mätningarna för första året granskade mot socialtjänstens och skolans register (illustrativt)"));
        caller.actor = officer;
        clock.now = on(2017, 12, 4);
        v = ((ApprovePayment) service).approvePayment(new ApprovePayment.Command(id, v.contract().version(), 1));
        clock.now = on(2018, 6, 11);
        ((AmendContract) service).amend(new AmendContract.Command(id, v.contract().version(),
                "Uppföljningsperioden förlängs från två till tre år: en tredje mätperiod läggs till",
                "Två år visade sig vara för kort tid för att effekterna skulle kunna mätas",
                "Ändring av utfallskontraktet (beslutsreferens illustrativt)", LocalDate.of(2018, 9, 1),
                List.of(year(1, 2016), year(2, 2017), year(3, 2018)), null, null));
        LOG.info("seed data: the Team Nystart outcomes contract, with its amendment to three years of follow-up");
        return id;
    }

    static ContractTerms terms() {
        return new ContractTerms(TITLE,
                "Team Nystart: ett team som stöder barn och unga placerade i HVB- eller SiS-boende, så att de "
                        + "förbättrar sina skolresultat och risken för återplacering minskar; ett samarbete mellan "
                        + "socialkontoret och utbildningskontoret",
                "socialkontoret",
                List.of(new Party(PartyRole.OUTCOME_PAYER, "Norrköpings kommun", new OrganisationNumber("212000-0449"),
                                ILLUSTRATIVE),
                        new Party(PartyRole.INVESTOR, "Leksell Social Ventures", new OrganisationNumber("556000-0001"),
                                ILLUSTRATIVE),
                        new Party(PartyRole.PROVIDER, "Norrköpings kommun, socialkontoret och utbildningskontoret",
                                new OrganisationNumber("212000-0449"), ILLUSTRATIVE),
                        new Party(PartyRole.EVALUATOR, "Health Navigator", new OrganisationNumber("556000-0027"),
                                "illustrativt: källorna skiljer sig om utvärderaren, och organisationsnumret anges inte"),
                        new Party(PartyRole.INTERMEDIARY, "SKL, Uppdrag Psykisk Hälsa",
                                new OrganisationNumber("222000-0315"), ILLUSTRATIVE)),
                new Group("60 barn och unga 7–18 år placerade i HVB- eller SiS-boende i Norrköpings kommun", 60),
                new Group("Jämförelsegrupp: tidigare placerade barn i kommunen (storlek och urval illustrativt)", 60),
                ComparisonMethod.HISTORICAL_COMPARISON,
                new Finance(Money.of("10000000.00"), Money.of("10000000.00"), new BigDecimal("0.40"),
                        new BigDecimal("0.60"), new BigDecimal("0.20"), "SCHOOL"),
                List.of(new OutcomeMetric("SAVINGS", "Minskade kostnader för socialtjänsten (färre återplaceringar) "
                                + "mot jämförelsegruppen; 60 % till investeraren upp till break-even", "SEK",
                                Direction.LOWER_IS_BETTER, Aggregate.TOTAL, PaymentRule.shareOfSavings()),
                        new OutcomeMetric("SCHOOL", "Förbättrade skolresultat mot jämförelsegruppen; avkastningen "
                                + "(högst 20 %) betalas bara om de förbättrats (måttet och tröskeln illustrativt)",
                                "meritvärde", Direction.HIGHER_IS_BETTER, Aggregate.MEAN_PER_PARTICIPANT,
                                PaymentRule.returnCondition(new BigDecimal("5")))),
                List.of(year(1, 2016), year(2, 2017)),
                Money.of("12000000.00"));
    }

    /** A yearly measurement period from September (dates illustrative). */
    private static MeasurementPeriod year(int number, int startYear) {
        return new MeasurementPeriod(number, LocalDate.of(startYear, 9, 1), LocalDate.of(startYear + 1, 8, 31));
    }

    private static MetricMeasurement measured(String code, int cohortN, String cohort, int comparisonN,
                                              String comparison) {
        return new MetricMeasurement(code, new GroupMeasurement(cohortN, new BigDecimal(cohort)),
                new GroupMeasurement(comparisonN, new BigDecimal(comparison)));
    }

    private Instant on(int year, int month, int day) {
        return LocalDate.of(year, month, day).atTime(10, 0).atZone(zone).toInstant();
    }
}

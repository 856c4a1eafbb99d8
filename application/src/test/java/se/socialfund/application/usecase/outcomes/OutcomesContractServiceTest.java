package se.socialfund.application.usecase.outcomes;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.AuditFilter;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.ApprovePayment;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.CreateContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractUseCases.SignContract;
import se.socialfund.application.port.in.outcomes.OutcomesContractView;
import se.socialfund.application.port.out.AuditTrail;
import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.outcomes.OutcomesContracts;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.domain.audit.AuditEvent;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.audit.ChainVerification;
import se.socialfund.domain.outcomes.*;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The outcomes use cases against in-memory fakes: one audit event per change, refusals audited, nothing half-done. */
class OutcomesContractServiceTest {
    private final List<AuditRecord> audit = new ArrayList<>();
    private final Map<UUID, OutcomesContractSnapshot> store = new LinkedHashMap<>();
    private Actor actor = actor(Role.FUND_OFFICER, "kommunstyrelsens-kontor");
    private final OutcomesContractService service = new OutcomesContractService(new AuditedChanges(inline(),
            trail(), () -> new Caller(actor, "req-1"), Clock.fixed(Instant.parse("2026-11-01T10:00:00Z"),
            ZoneOffset.UTC), ZoneId.of("Europe/Stockholm")), contracts());

    private static Actor actor(Role role, String office) {
        return new Actor(role.claim() + "@" + office, role.claim(), Set.of(role), Optional.ofNullable(office),
                Optional.empty());
    }

    @Test
    void each_step_is_one_audit_event_and_a_stale_step_changes_nothing() {
        OutcomesContractView drafted = service.create(new CreateContract.Command(terms()));
        UUID id = drafted.contract().id();
        service.sign(new SignContract.Command(id, 1, LocalDate.of(2026, 10, 1), "KS § 1"));
        assertThatThrownBy(() -> service.sign(new SignContract.Command(id, 1, LocalDate.of(2026, 10, 1), "KS")))
                .isInstanceOf(StaleVersion.class);
        assertThat(store.get(id).version()).isEqualTo(2);
        assertThat(audit).extracting(AuditRecord::action).containsExactly("createOutcomesContract",
                "signOutcomesContract");
        assertThat(audit.get(1).versionBefore()).isEqualTo(1L);
        assertThat(audit.get(1).versionAfter()).isEqualTo(2L);
        assertThat(audit.get(1).objectType()).isEqualTo("outcomes-contract");
    }

    @Test
    void another_office_gets_not_found_and_a_role_without_the_right_is_refused_both_audited_as_denied() {
        UUID id = service.create(new CreateContract.Command(terms())).contract().id();
        actor = actor(Role.OFFICE_HEAD, "utbildningskontoret");
        assertThatThrownBy(() -> service.get(id)).isInstanceOf(NotFound.class);
        actor = actor(Role.OFFICE_HEAD, "socialkontoret");
        assertThat(service.get(id).allowedActions()).isEmpty();
        assertThatThrownBy(() -> service.approvePayment(new ApprovePayment.Command(id, 1, 1)))
                .isInstanceOf(AccessDenied.class);
        actor = actor(Role.SCIENTIFIC_ADVISOR, null);
        assertThatThrownBy(() -> service.settlement(id)).isInstanceOf(AccessDenied.class);
        assertThat(audit.stream().filter(a -> a.outcome() == AuditRecord.Outcome.DENIED)
                .map(AuditRecord::objectId)).containsExactly(id.toString(), id.toString(), id.toString());
    }

    private static ContractTerms terms() {
        return new ContractTerms("K", "I", "socialkontoret", List.of(
                new Party(PartyRole.OUTCOME_PAYER, "Kommunen", new OrganisationNumber("212000-0449"), null),
                new Party(PartyRole.INVESTOR, "Investeraren", new OrganisationNumber("556000-0001"), null),
                new Party(PartyRole.PROVIDER, "Utföraren", new OrganisationNumber("556000-0019"), null),
                new Party(PartyRole.EVALUATOR, "Utvärderaren", new OrganisationNumber("556000-0027"), null)),
                new Group("Barn", 60), new Group("Jämförelse", 60), ComparisonMethod.RANDOMISED_CONTROL_TRIAL,
                new Finance(Money.of("100.00"), Money.of("100.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("0.2"), null),
                List.of(new OutcomeMetric("X", "x", "st", Direction.HIGHER_IS_BETTER, Aggregate.TOTAL,
                        PaymentRule.pricePerUnit(Money.of("1.00")))),
                List.of(new MeasurementPeriod(1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30))),
                Money.of("100.00"));
    }

    /** Work inline; on failure the fake store is restored, as a rolled-back transaction would leave it. */
    private UnitOfWork inline() {
        return new UnitOfWork() {
            @Override
            public <T> T inTransaction(java.util.function.Supplier<T> work) {
                Map<UUID, OutcomesContractSnapshot> before = new LinkedHashMap<>(store);
                int audited = audit.size();
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    store.clear();
                    store.putAll(before);
                    audit.subList(audited, audit.size()).clear();
                    throw e;
                }
            }
        };
    }

    private AuditTrail trail() {
        return new AuditTrail() {
            @Override
            public AuditEvent append(AuditRecord record) {
                audit.add(record);
                return null;
            }

            @Override
            public Page<AuditEvent> find(AuditFilter filter, int limit, Long after) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ChainVerification verify() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Behaves like the store: a conditional update at the expected version. */
    private OutcomesContracts contracts() {
        return new OutcomesContracts() {
            @Override
            public void add(OutcomesContract contract) {
                store.put(contract.id(), contract.snapshot());
            }

            @Override
            public Optional<OutcomesContract> find(UUID id) {
                return Optional.ofNullable(store.get(id)).map(OutcomesContract::restore);
            }

            @Override
            public Optional<OutcomesContract> lockForUpdate(UUID id) {
                return find(id);
            }

            @Override
            public void update(OutcomesContract contract, long expectedVersion) {
                if (store.get(contract.id()).version() != expectedVersion) {
                    throw new StaleVersion(expectedVersion, store.get(contract.id()).version());
                }
                store.put(contract.id(), contract.snapshot());
            }

            @Override
            public List<Listed> list(String providerOffice, ContractState state, int limit, Long after) {
                return List.of();
            }
        };
    }
}

package se.socialfund.adapters.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import se.socialfund.application.port.out.event.EventOutbox.ApplicationFacts;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationSnapshot;

/**
 * What the current transaction wrote of each application it added or changed, kept with the transaction (JTA's
 * resources, gone at its end): the event feed's facts about a change the transaction just made are then known
 * without reading the row back. Only {@link ApplicationStore} writes application rows, and a row this transaction
 * inserted or updated is locked by it until the end, so what it wrote last is what the row holds.
 */
@ApplicationScoped
public class WrittenApplications {
    private static final Object KEY = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    void remember(Application application) {
        if (transactions.getTransactionKey() == null) {
            return;
        }
        ApplicationSnapshot s = application.snapshot();
        facts().put(s.id(), new ApplicationFacts(s.id(), s.registrationNumber().toString(), s.stage(), s.version(),
                s.content().officeCodes(), s.submittedBy()));
    }

    /** What this transaction wrote of the application, if it wrote it. */
    public Optional<ApplicationFacts> find(UUID id) {
        if (transactions.getTransactionKey() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(facts().get(id));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, ApplicationFacts> facts() {
        Map<UUID, ApplicationFacts> map = (Map<UUID, ApplicationFacts>) transactions.getResource(KEY);
        if (map == null) {
            map = new HashMap<>();
            transactions.putResource(KEY, map);
        }
        return map;
    }
}

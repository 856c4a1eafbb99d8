package se.socialfund.adapters.persistence;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.StoreUnavailable;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is unavailable, retry later" (503) and which are the request's own. */
class TransactionalUnitOfWorkTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("persistence failed", new RuntimeException(cause));
    }

    @Test
    void lost_connections_timeouts_and_a_full_pool_are_unavailability() {
        for (String state : new String[]{"08006", "08001", "57P01", "57014", "55P03", "53300"}) {
            assertThat(TransactionalUnitOfWork.translate(wrapped(new SQLException("x", state))))
                    .as(state).isInstanceOf(StoreUnavailable.class);
        }
        assertThat(TransactionalUnitOfWork.translate(wrapped(new SQLException("Sorry, acquisition timeout!"))))
                .isInstanceOf(StoreUnavailable.class);
    }

    @Test
    void a_commit_that_fails_on_a_connection_going_away_is_unavailability_with_an_unknown_outcome() {
        assertThat(TransactionalUnitOfWork.translate(wrapped(new XAException(XAException.XA_RBROLLBACK))))
                .isInstanceOfSatisfying(StoreUnavailable.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(TransactionalUnitOfWork.translate(wrapped(new jakarta.transaction.RollbackException("gone"))))
                .isInstanceOfSatisfying(StoreUnavailable.class, e -> assertThat(e.outcomeUnknown()).isTrue());
        assertThat(TransactionalUnitOfWork.translate(wrapped(new SQLException("gone", "08006"))))
                .as("a statement that never reached the database changed nothing")
                .isInstanceOfSatisfying(StoreUnavailable.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    }

    @Test
    void a_constraint_violation_or_a_domain_refusal_passes_through_unchanged() {
        RuntimeException unique = wrapped(new SQLException("duplicate key", "23505"));
        assertThat(TransactionalUnitOfWork.translate(unique)).isSameAs(unique);
        IllegalArgumentException plain = new IllegalArgumentException("no");
        assertThat(TransactionalUnitOfWork.translate(plain)).isSameAs(plain);
    }
}

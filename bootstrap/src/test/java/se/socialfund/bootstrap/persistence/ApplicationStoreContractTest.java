package se.socialfund.bootstrap.persistence;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import se.socialfund.application.contract.ApplicationRepositoryContract;
import se.socialfund.application.port.out.ApplicationPeriods;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.period.ApplicationPeriod;

/**
 * The PostgreSQL store keeps the promises the in-memory fake is held to: the same suite, each call in a
 * transaction of the service's own unit of work, on the database the other tests use.
 */
@QuarkusTest
class ApplicationStoreContractTest extends ApplicationRepositoryContract {
    @Inject
    ApplicationRepository repository;
    @Inject
    UnitOfWork unitOfWork;
    @Inject
    RegistrationNumbers numbers;
    @Inject
    ApplicationPeriods periods;

    @Override
    protected ApplicationRepository repository() {
        return repository;
    }

    @Override
    protected UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    protected RegistrationNumbers registrationNumbers() {
        return numbers;
    }

    @Override
    protected void storePeriod(ApplicationPeriod period) {
        periods.add(period);
    }
}

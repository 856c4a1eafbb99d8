package se.socialfund.application.fakes;

import se.socialfund.application.contract.ApplicationRepositoryContract;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.RegistrationNumbers;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.domain.period.ApplicationPeriod;

/** The fake the use-case tests run on keeps the same promises as the PostgreSQL store. */
class InMemoryApplicationRepositoryTest extends ApplicationRepositoryContract {
    private final InMemoryApplicationRepository repository = new InMemoryApplicationRepository();
    private final InlineUnitOfWork unitOfWork = new InlineUnitOfWork();
    private final SequentialRegistrationNumbers numbers = new SequentialRegistrationNumbers();

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
        // the fake keeps no periods: an application only names its period
    }
}

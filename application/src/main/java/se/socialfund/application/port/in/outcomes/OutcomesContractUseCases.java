package se.socialfund.application.port.in.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import se.socialfund.domain.outcomes.ContractTerms;
import se.socialfund.domain.outcomes.MeasurementPeriod;
import se.socialfund.domain.outcomes.MetricMeasurement;
import se.socialfund.domain.shared.Money;

/** The steps on outcomes contracts (sociala utfallskontrakt), one use case each; every step answers the contract. */
public final class OutcomesContractUseCases {
    private OutcomesContractUseCases() {
    }

    /** A fund officer drafts a contract from its terms. */
    public interface CreateContract {
        record Command(ContractTerms terms) {
        }

        OutcomesContractView create(Command command);
    }

    public interface SignContract {
        record Command(UUID id, long version, LocalDate signedOn, String decisionReference) {
        }

        OutcomesContractView sign(Command command);
    }

    public interface AmendContract {
        /** {@code periods}, {@code paymentCap} and {@code investmentDrawn} are null when they do not change. */
        record Command(UUID id, long version, String description, String reason, String decisionReference,
                       LocalDate effectiveFrom, List<MeasurementPeriod> periods, Money paymentCap,
                       Money investmentDrawn) {
        }

        OutcomesContractView amend(Command command);
    }

    public interface RecordMeasurements {
        record Command(UUID id, long version, int period, List<MetricMeasurement> measurements) {
        }

        OutcomesContractView recordMeasurements(Command command);
    }

    public interface ValidatePeriod {
        record Command(UUID id, long version, int period, String statement) {
        }

        OutcomesContractView validate(Command command);
    }

    public interface ApprovePayment {
        record Command(UUID id, long version, int period) {
        }

        OutcomesContractView approvePayment(Command command);
    }

    public interface EnterFinalSettlement {
        record Command(UUID id, long version) {
        }

        OutcomesContractView enterFinalSettlement(Command command);
    }

    public interface CloseContract {
        record Command(UUID id, long version) {
        }

        OutcomesContractView close(Command command);
    }
}

package se.socialfund.adapters.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

/** Bodies of the periods' and the fund's requests, as parsed: the domain checks them. */
public final class OtherRequests {
    private OtherRequests() {
    }

    public record PeriodRequest(String name, LocalDate opensOn, LocalDate closesOn) {
    }

    public record CapitalMarkingRequest(MoneyDto amount, Integer closingYear, String reference) {
    }

    public record RepaymentRequest(UUID applicationId, String committee, Integer year, MoneyDto amount,
                                   LocalDate paidOn, String reference) {
    }

    public record WriteOffRequest(UUID applicationId, String committee, Integer year, MoneyDto amount,
                                  LocalDate writtenOffOn, String reason, String reference) {
    }
}

package se.socialfund.adapters.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the periods' and the fund's requests. */
public final class OtherRequests {
    private OtherRequests() {
    }

    public record PeriodRequest(@NotBlank @Size(max = Limits.NAME) String name, @NotNull LocalDate opensOn,
                                @NotNull LocalDate closesOn) {
    }

    public record CapitalMarkingRequest(@NotNull @Valid MoneyDto amount,
                                        @NotNull @Min(2000) @Max(2100) Integer closingYear,
                                        @NotBlank @Size(max = Limits.NAME) String reference) {
    }

    public record RepaymentRequest(@NotNull UUID applicationId, @NotBlank @Size(max = Limits.NAME) String committee,
                                   @NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Valid MoneyDto amount,
                                   @NotNull LocalDate paidOn, @NotBlank @Size(max = Limits.NAME) String reference) {
    }

    public record WriteOffRequest(@NotNull UUID applicationId, @NotBlank @Size(max = Limits.NAME) String committee,
                                  @NotNull @Min(2000) @Max(2100) Integer year, @NotNull @Valid MoneyDto amount,
                                  @NotNull LocalDate writtenOffOn,
                                  @NotBlank @Size(max = Limits.SHORT_TEXT) String reason,
                                  @NotBlank @Size(max = Limits.NAME) String reference) {
    }
}

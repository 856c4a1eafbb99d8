package se.socialfund.adapters.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.OtherRequests.CapitalMarkingRequest;
import se.socialfund.adapters.rest.dto.OtherRequests.RepaymentRequest;
import se.socialfund.adapters.rest.dto.OtherRequests.WriteOffRequest;
import se.socialfund.adapters.rest.dto.Responses.FundDto;
import se.socialfund.adapters.rest.dto.Responses.LedgerEntryDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.FundUseCases.MarkCapital;
import se.socialfund.application.port.in.FundUseCases.RecordRepayment;
import se.socialfund.application.port.in.FundUseCases.ViewFund;
import se.socialfund.application.port.in.FundUseCases.WriteOffRepayment;
import se.socialfund.application.port.in.LedgerFilter;
import se.socialfund.application.port.in.LedgerLine;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.fund.LedgerEntry;
import se.socialfund.domain.fund.LedgerEntryKind;

/** The fund (sociala investeringsfonden): its position, its ledger, capital markings and repayments. */
@Path("/api/v1/fund")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FundResource {
    @Inject ViewFund view;
    @Inject MarkCapital markCapital;
    @Inject RecordRepayment recordRepayment;
    @Inject WriteOffRepayment writeOff;

    @GET
    public FundDto fund(@QueryParam("asOf") String asOf) {
        ViewFund.FundView v = view.view(date("asOf", asOf));
        FundBalance b = v.balance();
        return new FundDto(v.asOf(), MoneyDto.of(b.capital()), MoneyDto.of(b.committed()), MoneyDto.of(b.returned()),
                MoneyDto.of(b.available()));
    }

    @GET
    @Path("/ledger")
    public PageDto<LedgerEntryDto> ledger(@QueryParam("kind") String kind,
                                          @QueryParam("applicationId") String applicationId,
                                          @QueryParam("from") String from, @QueryParam("to") String to,
                                          @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        var page = view.ledger(new LedgerFilter(kind(kind), ApplicationResource.uuid("applicationId", applicationId),
                date("from", from), date("to", to)), Paging.limit(limit), Paging.after(cursor));
        return new PageDto<>(page.items().stream().map(FundResource::entry).toList(), Paging.cursor(page.after()));
    }

    @POST
    @Path("/capital-markings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response markCapital(@NotNull CapitalMarkingRequest body) {
        return created(markCapital.markCapital(new MarkCapital.Command(MoneyDto.money(body.amount(), "/amount"),
                body.closingYear(), body.reference())));
    }

    @POST
    @Path("/repayments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordRepayment(@NotNull RepaymentRequest body) {
        return created(recordRepayment.recordRepayment(new RecordRepayment.Command(body.applicationId(),
                body.committee(), body.year(), MoneyDto.money(body.amount(), "/amount"), body.paidOn(),
                body.reference())));
    }

    @POST
    @Path("/write-offs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response writeOff(@NotNull WriteOffRequest body) {
        return created(writeOff.writeOff(new WriteOffRepayment.Command(body.applicationId(), body.committee(),
                body.year(), MoneyDto.money(body.amount(), "/amount"), body.writtenOffOn(), body.reason(),
                body.reference())));
    }

    private static Response created(LedgerLine stored) {
        return Response.created(URI.create("/api/v1/fund/ledger?cursor=" + Paging.cursor(stored.position() - 1)
                + "&limit=1")).entity(entry(stored)).build();
    }

    static LedgerEntryDto entry(LedgerLine s) {
        LedgerEntry e = s.entry();
        return new LedgerEntryDto(s.position(), e.kind().name(), e.entryDate(), MoneyDto.of(e.amount()),
                e.reference(), e.applicationId(), e.registrationNumber(), e.committee(), e.year(), e.note(),
                e.recordedAt(), e.recordedBy());
    }

    static LocalDate date(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() > 10) { // the contract's maxLength: LocalDate.parse would take +10000-01-01
                throw new DateTimeParseException("longer than a date", value, 10);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(parameter, parameter + " must be a date, YYYY-MM-DD");
        }
    }

    private static LedgerEntryKind kind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return LedgerEntryKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("kind", "kind must be one of " + java.util.Arrays.toString(LedgerEntryKind.values()));
        }
    }
}

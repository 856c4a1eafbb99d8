package se.socialfund.adapters.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.Responses.AttainmentDto;
import se.socialfund.adapters.rest.dto.Responses.FundDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.application.port.in.FollowUpQueries.ListDeadlines;
import se.socialfund.domain.followup.Deadline;

/** Follow-up: the reports owed (deadlines) and the annual consolidated follow-up (samlad årlig uppföljning). */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpResource {
    /** An application's deadline, or (kind IDEA_SCREENING, with {@code ideaId}) an idea's screening (issue 16). */
    public record DeadlineDto(UUID applicationId, String registrationNumber, String title, String leadOffice,
                              List<String> offices, String kind, LocalDate dueOn, String status, long daysLeft,
                              long daysOverdue, String href, UUID ideaId) {
    }

    public record AnnualInvestmentDto(UUID applicationId, String registrationNumber, String title, String leadOffice,
                                      List<String> offices, String stage, LocalDate grantedOn, MoneyDto grantedAmount,
                                      MoneyDto spentAmount, MoneyDto releasedAmount, List<AttainmentDto> attainment,
                                      Map<String, String> savingsInYearPerPayer,
                                      Map<String, String> savingsOverHorizonPerPayer, String netPresentValue,
                                      Integer paybackYear) {
    }

    public record AnnualReportDto(int year, FundDto fund, List<AnnualInvestmentDto> investments, MoneyDto totalGranted,
                                  MoneyDto totalSpent, Map<String, String> savingsInYearPerPayer,
                                  boolean smallGroupsSuppressed, List<AnnualAimDto> longTermAim) {
    }

    /** The long-term aim (issue 21): a context indicator's value this year and the year before, and its links. */
    public record AnnualAimDto(String code, String name, String unit, String source, String sourceKey,
                               BigDecimal value, BigDecimal valueYearBefore, List<AnnualAimInvestmentDto> investments) {
    }

    public record AnnualAimInvestmentDto(UUID applicationId, String registrationNumber, String title,
                                         String indicatorCode, String indicatorName) {
    }

    /** Where a deadline that is not an application's (the guideline's review, issue 21) leads. */
    static final String GUIDELINE_REVIEWS = "/api/v1/guideline-reviews";

    @Inject
    ListDeadlines deadlines;

    @Inject
    AnnualReport annual;

    @Inject
    se.socialfund.application.port.in.idea.IdeaUseCases.IdeaDeadlines ideaDeadlines;

    @GET
    @Path("/deadlines")
    public PageDto<DeadlineDto> deadlines(@QueryParam("office") String office, @QueryParam("kind") String kind,
                                          @QueryParam("status") String status) {
        Deadline.Kind k = parse("kind", kind, Deadline.Kind.class);
        Deadline.Status st = parse("status", status, Deadline.Status.class);
        List<DeadlineDto> items = new java.util.ArrayList<>(deadlines.deadlines(ApplicationResource.office(office),
                k, st).stream()
                .map(i -> new DeadlineDto(i.applicationId(), i.registrationNumber(), i.title(), i.leadOffice(),
                        i.offices(), i.deadline().kind().name(), i.deadline().dueOn(), i.deadline().status().name(),
                        i.deadline().daysLeft(), i.deadline().daysOverdue(),
                        i.applicationId() == null ? GUIDELINE_REVIEWS
                                : ResponseMapper.APPLICATIONS + i.applicationId(), null)).toList());
        // ideas left in screening too long (issue 16): always overdue, after the applications' deadlines
        if ((k == null || k == Deadline.Kind.IDEA_SCREENING) && (st == null || st == Deadline.Status.OVERDUE)) {
            ideaDeadlines.overdueScreenings(office).forEach(d -> items.add(new DeadlineDto(null,
                    d.registrationNumber(), d.title(), null, d.offices(), Deadline.Kind.IDEA_SCREENING.name(),
                    d.dueOn(), Deadline.Status.OVERDUE.name(), 0, d.daysOverdue(), "/api/v1/ideas/" + d.ideaId(),
                    d.ideaId())));
        }
        return new PageDto<>(items, null);
    }

    @Inject
    se.socialfund.application.port.in.board.AnnualReportDocument annualPdf;

    /** JSON, or PDF/A-2b when the client prefers application/pdf (issue 21). */
    @GET
    @Path("/reports/annual")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    public Object annual(@QueryParam("year") String year, @jakarta.ws.rs.core.Context
                         jakarta.ws.rs.core.HttpHeaders headers) {
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year);
        } catch (NumberFormatException e) {
            throw new BadParameter("year", "the report's year, e.g. ?year=2026");
        }
        if (se.socialfund.adapters.rest.board.DecisionMemoResource.prefersPdf(headers)) {
            return jakarta.ws.rs.core.Response.ok(annualPdf.annualPdf(y), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"arlig-uppfoljning-" + y + ".pdf\"")
                    .build();
        }
        return jakarta.ws.rs.core.Response.ok(annualDto(annual.annual(y)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static AnnualReportDto annualDto(AnnualReport.Report r) {
        return new AnnualReportDto(r.year(), new FundDto(r.fundAsOf(), MoneyDto.of(r.fund().capital()),
                MoneyDto.of(r.fund().committed()), MoneyDto.of(r.fund().returned()),
                MoneyDto.of(r.fund().available())),
                r.investments().stream().map(i -> new AnnualInvestmentDto(i.applicationId(), i.registrationNumber(),
                        i.title(), i.leadOffice(), i.offices(), i.stage().name(), i.grantedOn(),
                        MoneyDto.of(i.grantedAmount()), MoneyDto.of(i.spentAmount()),
                        MoneyDto.of(i.releasedAmount()),
                        i.attainment().stream().map(ResponseMapper::attainment).toList(),
                        plain(i.savingsInYearPerPayer()), plain(i.savingsOverHorizonPerPayer()),
                        i.netPresentValue() == null ? null : i.netPresentValue().toPlainString(), i.paybackYear()))
                        .toList(),
                MoneyDto.of(r.totalGranted()), MoneyDto.of(r.totalSpent()), plain(r.savingsInYearPerPayer()), true,
                r.aim().stream().map(a -> new AnnualAimDto(a.code(), a.name(), a.unit(), a.source(), a.sourceKey(),
                        a.value(), a.valueYearBefore(), a.investments().stream().map(i -> new AnnualAimInvestmentDto(
                                i.applicationId(), i.registrationNumber(), i.title(), i.indicatorCode(),
                                i.indicatorName())).toList())).toList());
    }

    private static Map<String, String> plain(Map<String, BigDecimal> amounts) {
        Map<String, String> out = new TreeMap<>();
        amounts.forEach((k, v) -> out.put(k, v.toPlainString()));
        return out;
    }

    private static <E extends Enum<E>> E parse(String parameter, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(parameter, parameter + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}

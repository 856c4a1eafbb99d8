package se.socialfund.adapters.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.Responses.PageDto;
import se.socialfund.application.port.in.FollowUpQueries.PublicInvestments;

/** For the public, without sign-in: the granted investments (beviljade sociala investeringar). */
@Path("/api/v1/public/investments")
@Produces(MediaType.APPLICATION_JSON)
public class PublicResource {
    public record PublicInvestmentDto(String title, List<String> offices, MoneyDto grantedAmount, String period,
                                      int periodYear, String stage) {
    }

    @Inject
    PublicInvestments investments;

    @GET
    public PageDto<PublicInvestmentDto> list() {
        return new PageDto<>(investments.investments().stream().map(i -> new PublicInvestmentDto(i.title(),
                i.offices(), MoneyDto.of(i.grantedAmount()), i.period(), i.periodYear(), i.stage().name())).toList(),
                null);
    }
}

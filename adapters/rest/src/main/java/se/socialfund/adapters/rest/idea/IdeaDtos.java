package se.socialfund.adapters.rest.idea;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import se.socialfund.adapters.rest.dto.ApplicationContentDto;
import se.socialfund.adapters.rest.dto.MoneyDto;
import se.socialfund.adapters.rest.dto.Responses.AllowedActionDto;
import se.socialfund.domain.idea.IdeaContent;

/** The bodies of the ideas' requests and responses: types only; the domain checks the rules. */
public final class IdeaDtos {
    private IdeaDtos() {
    }

    public record TargetGroupDto(String description, Integer size) {
    }

    public record OrganisationDto(String name, String organisationNumber) {
        IdeaContent.Organisation toDomain() {
            return new IdeaContent.Organisation(name, organisationNumber);
        }
    }

    public record ContactDto(String name, String email, String phone) {
    }

    /** An idea as sent; in a response the contact is left out for whoever may not see it. */
    public record IdeaContentDto(String title, String need, TargetGroupDto targetGroup, String proposedMethod,
                                 String humanEffects, String economicEffects, List<String> offices,
                                 MoneyDto roughCost, String timeFrame, OrganisationDto organisation,
                                 String submittingOffice, ContactDto contact) {
        public IdeaContent toDomain() {
            return new IdeaContent(title, need, targetGroup == null ? null
                    : new IdeaContent.TargetGroup(targetGroup.description(), targetGroup.size()), proposedMethod,
                    humanEffects, economicEffects, offices, MoneyDto.money(roughCost, "/roughCost"), timeFrame,
                    organisation == null ? null : organisation.toDomain(), submittingOffice,
                    contact == null ? null : new IdeaContent.Contact(contact.name(), contact.email(), contact.phone()));
        }

        static IdeaContentDto of(IdeaContent c) {
            return new IdeaContentDto(c.title(), c.need(), c.targetGroup() == null ? null
                    : new TargetGroupDto(c.targetGroup().description(), c.targetGroup().size()), c.proposedMethod(),
                    c.humanEffects(), c.economicEffects(), c.offices(), MoneyDto.of(c.roughCost()), c.timeFrame(),
                    c.organisation() == null ? null : new OrganisationDto(c.organisation().name(),
                            c.organisation().organisationNumber()), c.submittingOffice(),
                    c.contact() == null ? null : new ContactDto(c.contact().name(), c.contact().email(),
                            c.contact().phone()));
        }
    }

    public record QuestionRequest(String question) {
    }

    public record AnswerRequest(String answer) {
    }

    public record SponsorshipRequest(String comment) {
    }

    public record DeclineRequest(List<String> reasons) {
    }

    public record WithdrawalRequest(String reason) {
    }

    public record ConversionRequest(ApplicationContentDto application, List<OrganisationDto> externalPartners) {
        List<IdeaContent.Organisation> partners() {
            // nulls kept, for the domain to name by their place
            return externalPartners == null ? null : externalPartners.stream().map(o -> o == null ? null
                    : o.toDomain()).collect(java.util.stream.Collectors.toList());
        }
    }

    public record IdeaReceiptDto(UUID id, String registrationNumber, String stage, long version, Instant receivedAt) {
    }

    public record QuestionDto(int number, String question, Instant askedAt, String askedBy, String answer,
                              Instant answeredAt, String answeredBy) {
    }

    public record SponsorshipDto(String office, String comment, Instant sponsoredAt, String sponsoredBy) {
    }

    public record DeclineDto(List<String> reasons, Instant declinedAt, String declinedBy) {
    }

    public record WithdrawalDto(String reason, Instant withdrawnAt, String withdrawnBy) {
    }

    public record ConversionDto(UUID applicationId, String registrationNumber, String href,
                                List<OrganisationDto> externalPartners, Instant convertedAt, String convertedBy) {
    }

    public record IdeaDto(UUID id, String registrationNumber, String stage, long version, Instant receivedAt,
                          Instant updatedAt, IdeaContentDto content, boolean contactShown, Instant screeningSince,
                          List<QuestionDto> questions, SponsorshipDto sponsorship, DeclineDto decline,
                          WithdrawalDto withdrawal, ConversionDto conversion, List<AllowedActionDto> allowedActions) {
    }

    public record IdeaSummaryDto(UUID id, String registrationNumber, String title, String stage, long version,
                                 List<String> offices, String sponsoringOffice, UUID applicationId,
                                 Instant receivedAt, Instant updatedAt) {
    }

    public record IdeaEventDto(String type, Instant at, String actorName, String actorRole, String actorOffice,
                               String stageBefore, String stageAfter, long version, String detail) {
    }
}

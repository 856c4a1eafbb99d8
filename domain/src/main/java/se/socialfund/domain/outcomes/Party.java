package se.socialfund.domain.outcomes;

import java.util.Objects;

/**
 * An organisation that is party to the contract, in one role.
 *
 * @param note where a figure comes from, e.g. "illustrativt" when the sources give none
 */
public record Party(PartyRole role, String name, OrganisationNumber organisationNumber, String note) {
    public Party {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(organisationNumber, "organisationNumber");
    }
}

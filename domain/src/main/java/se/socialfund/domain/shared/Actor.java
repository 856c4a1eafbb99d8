package se.socialfund.domain.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts: a member of staff or a machine client, with the roles and the office their token gives. A name is
 * staff's display name, never a participant's.
 *
 * @param subject  the token's stable subject
 * @param name     a display name for history and audit, or the subject when the token has none
 * @param roles    what the caller may do
 * @param office   the caller's office (kontor), if the token names one
 * @param clientId the OIDC client the request came through, if known
 */
public record Actor(String subject, String name, Set<Role> roles, Optional<String> office, Optional<String> clientId) {
    public Actor {
        Objects.requireNonNull(subject, "subject");
        name = name == null || name.isBlank() ? subject : name;
        roles = Set.copyOf(roles);
        office = office == null ? Optional.empty() : office;
        clientId = clientId == null ? Optional.empty() : clientId;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Set<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Fund officers and auditors see every office's applications; others only their own office's. */
    public boolean seesAllOffices() {
        return has(Role.FUND_OFFICER) || has(Role.AUDITOR) || has(Role.SCIENTIFIC_ADVISOR);
    }

    public boolean belongsTo(String officeCode) {
        return office.map(officeCode::equals).orElse(false);
    }
}

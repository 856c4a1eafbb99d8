package se.socialfund.adapters.persistence.idea;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import se.socialfund.adapters.persistence.Documents;
import se.socialfund.domain.idea.ApplicationOrigin;

/**
 * The origin of an application made from an idea, as read with the application ({@code application_origin}; written
 * once by {@link IdeaStore#recordOrigin}, never through this mapping).
 */
@Entity
@Immutable
@Table(name = "application_origin")
public class ApplicationOriginEntity {
    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "idea_id")
    public UUID ideaId;

    @Column(name = "idea_registration_number")
    public String ideaRegistrationNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "external_partners")
    public String externalPartners;

    public ApplicationOrigin toOrigin() {
        return new ApplicationOrigin(ideaId, ideaRegistrationNumber, Documents.read(Documents.APPLICATION_ORIGIN,
                externalPartners, IdeaStore.ExternalPartners.class, "application_origin " + applicationId)
                .partners());
    }
}

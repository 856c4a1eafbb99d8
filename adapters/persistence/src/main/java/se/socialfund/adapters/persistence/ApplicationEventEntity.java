package se.socialfund.adapters.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code application_event}: one entry of an application's history. */
@Entity
@Immutable
@Table(name = "application_event")
public class ApplicationEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "application_id")
    public UUID applicationId;

    public long version;

    public String type;

    public Instant at;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_office")
    public String actorOffice;

    @Column(name = "stage_before")
    public String stageBefore;

    @Column(name = "stage_after")
    public String stageAfter;

    @JdbcTypeCode(SqlTypes.JSON)
    public String details;
}

package se.socialfund.adapters.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code application}: the columns that are queried, and the rest of the aggregate as a document. */
@Entity
@Table(name = "application")
public class ApplicationEntity {
    @Id
    public UUID id;

    @Column(name = "position", insertable = false, updatable = false)
    public Long position;

    @Column(name = "registration_number", updatable = false)
    public String registrationNumber;

    @Column(name = "period_id", updatable = false)
    public UUID periodId;

    public String stage;

    /** Optimistic locking, checked by the store's conditional update (see {@link ApplicationStore#update}). */
    public long version;

    public String title;

    @Column(name = "lead_office")
    public String leadOffice;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] offices;

    @Column(name = "submitted_by", updatable = false)
    public String submittedBy;

    @Column(name = "requested_amount")
    public BigDecimal requestedAmount;

    @Column(name = "granted_amount")
    public BigDecimal grantedAmount;

    @Column(name = "received_at", updatable = false)
    public Instant receivedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "current_revision")
    public int currentRevision;

    @JdbcTypeCode(SqlTypes.JSON)
    public String state;
}

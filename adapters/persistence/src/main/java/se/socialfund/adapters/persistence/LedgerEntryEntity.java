package se.socialfund.adapters.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of {@code fund_ledger_entry}: one movement of the fund, never changed. */
@Entity
@Immutable
@Table(name = "fund_ledger_entry")
public class LedgerEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    public String kind;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    public BigDecimal amount;

    public String reference;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "registration_number")
    public String registrationNumber;

    public String committee;

    @Column(name = "plan_year")
    public Integer planYear;

    public String note;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}

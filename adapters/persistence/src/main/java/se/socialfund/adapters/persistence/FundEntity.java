package se.socialfund.adapters.persistence;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The one row of {@code fund}: the running sums of the ledger, and the row a grant locks. */
@Entity
@Table(name = "fund")
public class FundEntity {
    public static final int THE_FUND = 1;

    @Id
    public int id;

    public BigDecimal capital;

    public BigDecimal committed;

    public BigDecimal returned;
}

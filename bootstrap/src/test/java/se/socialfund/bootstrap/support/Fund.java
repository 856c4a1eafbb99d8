package se.socialfund.bootstrap.support;

import java.math.BigDecimal;
import java.util.Map;

/** Fund fixtures: enough capital for the tests' grants, marked as a fund officer would. */
public final class Fund {
    private Fund() {
    }

    public static BigDecimal available() {
        return new BigDecimal(Api.fundOfficer().get("/api/v1/fund").then().statusCode(200).extract()
                .<String>path("available.amount"));
    }

    /** Marks capital at the last closing until at least this much is available. */
    public static synchronized void ensureAvailable(BigDecimal amount) {
        BigDecimal available = available();
        if (available.compareTo(amount) < 0) {
            mark(amount.subtract(available));
        }
    }

    public static void mark(BigDecimal amount) {
        Api.fundOfficer().body(Map.of("amount", Steps.money(amount.setScale(2).toPlainString()),
                        "closingYear", Api.today().getYear() - 1, "reference", "KF bokslut, testmarkering"))
                .post("/api/v1/fund/capital-markings").then().statusCode(201);
    }

    /** available = capital + returned - committed, computed from the ledger rows themselves. */
    public static void assertLedgerInvariant() {
        BigDecimal fromLedger = Database.decimal("SELECT coalesce(sum(CASE kind WHEN 'CAPITAL_MARKING' THEN amount "
                + "WHEN 'RELEASE' THEN amount WHEN 'REPAYMENT' THEN amount WHEN 'COMMITMENT' THEN -amount "
                + "ELSE 0 END), 0) FROM fund_ledger_entry");
        BigDecimal fromRow = Database.decimal("SELECT capital + returned - committed FROM fund");
        BigDecimal committed = Database.decimal("SELECT coalesce(sum(amount), 0) FROM fund_ledger_entry "
                + "WHERE kind = 'COMMITMENT'");
        BigDecimal capitalAndReturned = Database.decimal("SELECT coalesce(sum(amount), 0) FROM fund_ledger_entry "
                + "WHERE kind IN ('CAPITAL_MARKING', 'RELEASE', 'REPAYMENT')");
        org.assertj.core.api.Assertions.assertThat(fromLedger).as("available from the ledger")
                .isEqualByComparingTo(fromRow);
        org.assertj.core.api.Assertions.assertThat(fromLedger).as("available from the ledger")
                .isEqualByComparingTo(available());
        org.assertj.core.api.Assertions.assertThat(committed).as("committed never exceeds capital + returned")
                .isLessThanOrEqualTo(capitalAndReturned);
    }
}

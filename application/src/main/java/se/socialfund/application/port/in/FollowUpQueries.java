package se.socialfund.application.port.in;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import se.socialfund.domain.application.Stage;
import se.socialfund.domain.followup.Deadline;
import se.socialfund.domain.followup.IndicatorAttainment;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.shared.Money;

/** What the follow-up of the fund's investments shows: deadlines and the yearly report (the public list: publication). */
public final class FollowUpQueries {
    private FollowUpQueries() {
    }

    /** Reports due or overdue, for the caller's office (or all, for the fund's officers and the auditors). */
    public interface ListDeadlines {
        record Item(UUID applicationId, String registrationNumber, String title, String leadOffice,
                    List<String> offices, Deadline deadline) {
        }

        List<Item> deadlines(String office, Deadline.Kind kind, Deadline.Status status);
    }

    /**
     * Den samlade årliga uppföljningen: every investment granted by the year's end and not closed before the year
     * began (a terminated project stays until its implementation decision closes it), and the fund. The money is as
     * of the year's end, like the fund: spent is the latest cost report dated on or before 31 December, released
     * the fund's releases dated on or before it, so later years never change a past year's figures. Stage,
     * attainment and the economic evaluation are the investment's current ones.
     */
    public interface AnnualReport {
        record Investment(UUID applicationId, String registrationNumber, String title, String leadOffice,
                          List<String> offices, Stage stage, LocalDate grantedOn, Money grantedAmount,
                          Money spentAmount, Money releasedAmount, List<IndicatorAttainment> attainment,
                          Map<String, BigDecimal> savingsInYearPerPayer,
                          Map<String, BigDecimal> savingsOverHorizonPerPayer, BigDecimal netPresentValue,
                          Integer paybackYear) {
        }

        record Report(int year, LocalDate fundAsOf, FundBalance fund, List<Investment> investments,
                      Money totalGranted, Money totalSpent, Map<String, BigDecimal> savingsInYearPerPayer,
                      List<AimIndicator> aim) {
            public Report(int year, LocalDate fundAsOf, FundBalance fund, List<Investment> investments,
                          Money totalGranted, Money totalSpent, Map<String, BigDecimal> savingsInYearPerPayer) {
                this(year, fundAsOf, fund, investments, totalGranted, totalSpent, savingsInYearPerPayer, List.of());
            }
        }

        /**
         * The long-term aim (issue 21): a context indicator of the municipality with its value for the report's
         * year and the year before (null where none was entered) and the report's investments linked to it.
         */
        record AimIndicator(String code, String name, String unit, String source, String sourceKey, BigDecimal value,
                            BigDecimal valueYearBefore, List<LinkedInvestment> investments) {
        }

        /** An investment of the report whose indicator is linked to the aim. */
        record LinkedInvestment(UUID applicationId, String registrationNumber, String title, String indicatorCode,
                                String indicatorName) {
        }

        Report annual(int year);
    }
}

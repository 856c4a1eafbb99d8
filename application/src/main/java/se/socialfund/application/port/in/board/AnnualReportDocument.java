package se.socialfund.application.port.in.board;

/** The annual consolidated follow-up (samlad årlig uppföljning) as a PDF/A-2b document. */
public interface AnnualReportDocument {
    /** The same report, for the same readers, as {@code FollowUpQueries.AnnualReport}. */
    byte[] annualPdf(int year);
}

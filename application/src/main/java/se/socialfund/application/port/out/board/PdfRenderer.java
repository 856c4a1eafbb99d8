package se.socialfund.application.port.out.board;

import se.socialfund.application.port.in.board.DecisionMemoUseCases.Memo;

/** Renders the board's documents as PDF/A-2b, with their fonts embedded. */
public interface PdfRenderer {
    byte[] decisionMemo(Memo memo);

    byte[] annualReport(se.socialfund.application.port.in.FollowUpQueries.AnnualReport.Report report);
}

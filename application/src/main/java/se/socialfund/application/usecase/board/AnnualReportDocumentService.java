package se.socialfund.application.usecase.board;

import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.application.port.in.board.AnnualReportDocument;
import se.socialfund.application.port.out.board.PdfRenderer;

/** Renders the annual report, read (and authorized, and audited when refused) by the follow-up's own use case. */
public final class AnnualReportDocumentService implements AnnualReportDocument {
    private final AnnualReport annual;
    private final PdfRenderer renderer;

    public AnnualReportDocumentService(AnnualReport annual, PdfRenderer renderer) {
        this.annual = annual;
        this.renderer = renderer;
    }

    @Override
    public byte[] annualPdf(int year) {
        return renderer.annualReport(annual.annual(year));
    }
}

package se.socialfund.adapters.content.board;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.application.port.in.board.DecisionMemoUseCases.Goal;
import se.socialfund.application.port.in.board.DecisionMemoUseCases.Item;
import se.socialfund.application.port.in.board.DecisionMemoUseCases.Memo;
import se.socialfund.application.port.in.board.DecisionMemoUseCases.ReviewSummary;
import se.socialfund.application.port.out.board.PdfRenderer;

/**
 * The board's documents as PDF/A-2b: XHTML laid out by openhtmltopdf over PDFBox, with DejaVu Sans embedded (its
 * Bitstream Vera licence allows bundling and embedding; the file is beside the fonts) and the JDK's sRGB profile as
 * the output intent. Page numbers are CSS margin boxes. Produced as a bean by the bootstrap module.
 */
public class PdfA2bRenderer implements PdfRenderer {
    static final String FONT = "DejaVu Sans";
    private static final String FONTS = "/se/socialfund/adapters/content/fonts/";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public byte[] decisionMemo(Memo m) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>Tjänsteskrivelse: ansökningar till sociala investeringsfonden</h1>");
        h.append("<p class='meta'>Ansökningsperiod: ").append(esc(m.periodName())).append(" (")
                .append(m.opensOn()).append(" – ").append(m.closesOn()).append(")<br/>Datum: ").append(m.asOf())
                .append(" · Version: ").append(m.version());
        if (m.registrationNumber() != null) {
            h.append("<br/>Diarienummer: ").append(esc(m.registrationNumber()));
        }
        if (m.prioritiesSetAt() != null) {
            h.append(" · Prioritering satt ").append(MINUTE.format(m.prioritiesSetAt().atZone(STOCKHOLM)))
                    .append(" av ").append(esc(m.prioritiesSetBy()));
        }
        h.append("</p>");
        h.append("<table class='sum'><tr><td>Sökt belopp totalt</td><td class='r'>").append(kr(m.requestedSum().format()))
                .append("</td></tr><tr><td>Tillgängliga medel i fonden</td><td class='r'>")
                .append(kr(m.available().format())).append("</td></tr></table>");
        h.append("<h2>Ansökningar i prioritetsordning</h2>");
        h.append("<table class='list'><tr><th>Prio</th><th>Diarienummer</th><th>Titel</th><th>Kontor</th>"
                + "<th class='r'>Sökt belopp</th><th>Rekommendation</th></tr>");
        for (Item i : m.items()) {
            h.append("<tr><td>").append(i.priority()).append("</td><td>").append(esc(i.registrationNumber()))
                    .append("</td><td>").append(esc(i.title())).append("</td><td>").append(esc(i.leadOffice()))
                    .append("</td><td class='r'>").append(kr(i.requestedAmount().format())).append("</td><td>")
                    .append(recommendation(i.recommendation())).append("</td></tr>");
        }
        h.append("</table>");
        for (Item i : m.items()) {
            h.append("<div class='item'><h3>").append(i.priority()).append(". ").append(esc(i.registrationNumber()))
                    .append(" – ").append(esc(i.title())).append("</h3>");
            h.append("<p>Kontor: ").append(esc(String.join(", ", i.offices()))).append(" · Sökt belopp: ")
                    .append(kr(i.requestedAmount().format())).append("</p>");
            h.append("<p><b>Kommunstyrelsens kontors rekommendation:</b> ").append(recommendation(i.recommendation()))
                    .append(i.motivation() == null ? "" : ". " + esc(i.motivation())).append("</p>");
            h.append("<p><b>Kommunövergripande mål:</b> ");
            h.append(esc(String.join("; ", i.overallGoals().stream().map(Goal::name).toList())));
            h.append("<br/><b>Agenda 2030:</b> ").append(esc(String.join(", ", i.agenda2030()))).append("</p>");
            h.append("<p><b>Vetenskapliga rådets granskningar (").append(i.reviewCount()).append("):</b></p><ul>");
            for (ReviewSummary r : i.reviews()) {
                h.append("<li>").append(esc(r.summary())).append(" <span class='meta'>(")
                        .append(esc(r.addedBy())).append(")</span></li>");
            }
            if (i.reviews().isEmpty()) {
                h.append("<li>Inga granskningar.</li>");
            }
            h.append("</ul></div>");
        }
        return render("Tjänsteskrivelse – " + m.periodName(), "Tjänsteskrivelse " + m.asOf() + ", version "
                + m.version(), h.toString());
    }

    @Override
    public byte[] annualReport(AnnualReport.Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<h1>Samlad årlig uppföljning ").append(r.year()).append(": sociala investeringsfonden</h1>");
        h.append("<p class='meta'>Fondens ställning per ").append(r.fundAsOf()).append("</p>");
        h.append("<table class='sum'><tr><td>Kapital (markering i eget kapital)</td><td class='r'>")
                .append(kr(r.fund().capital().format())).append("</td></tr><tr><td>Beviljat (åtaganden)</td>"
                        + "<td class='r'>").append(kr(r.fund().committed().format()))
                .append("</td></tr><tr><td>Återfört</td><td class='r'>").append(kr(r.fund().returned().format()))
                .append("</td></tr><tr><td>Tillgängliga medel</td><td class='r'>")
                .append(kr(r.fund().available().format())).append("</td></tr></table>");
        h.append("<h2>Investeringar</h2><table class='list'><tr><th>Diarienummer</th><th>Titel</th><th>Kontor</th>"
                + "<th>Beslut</th><th class='r'>Beviljat</th><th class='r'>Förbrukat</th><th>Status</th></tr>");
        for (AnnualReport.Investment i : r.investments()) {
            h.append("<tr><td>").append(esc(i.registrationNumber())).append("</td><td>").append(esc(i.title()))
                    .append("</td><td>").append(esc(i.leadOffice())).append("</td><td>").append(i.grantedOn())
                    .append("</td><td class='r'>").append(kr(i.grantedAmount().format())).append("</td><td class='r'>")
                    .append(kr(i.spentAmount().format())).append("</td><td>").append(esc(i.stage().name()))
                    .append("</td></tr>");
        }
        h.append("</table><p>Summa beviljat: ").append(kr(r.totalGranted().format())).append(" · Summa förbrukat: ")
                .append(kr(r.totalSpent().format())).append("</p>");
        if (!r.aim().isEmpty()) {
            // the long-term aim (långsiktigt mål, issue 21): the municipality's context indicators
            h.append("<h2>Långsiktigt mål</h2><table class='list'><tr><th>Indikator</th><th>Källa</th><th class='r'>")
                    .append(r.year() - 1).append("</th><th class='r'>").append(r.year())
                    .append("</th><th>Kopplade investeringar</th></tr>");
            for (AnnualReport.AimIndicator a : r.aim()) {
                h.append("<tr><td>").append(esc(a.name())).append(" (").append(esc(a.unit())).append(")</td><td>")
                        .append(esc(a.source())).append(a.sourceKey() == null ? "" : " " + esc(a.sourceKey()))
                        .append("</td><td class='r'>").append(measure(a.valueYearBefore()))
                        .append("</td><td class='r'>").append(measure(a.value())).append("</td><td>");
                for (AnnualReport.LinkedInvestment i : a.investments()) {
                    h.append(esc(i.registrationNumber())).append(" ").append(esc(i.indicatorName() == null
                            ? i.indicatorCode() : i.indicatorName())).append("<br/>");
                }
                h.append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<p class='meta'>Grupper med färre än fem personer redovisas inte.</p>");
        return render("Samlad årlig uppföljning " + r.year(), "Samlad årlig uppföljning " + r.year() + ", per "
                + r.fundAsOf(), h.toString());
    }

    private static String measure(java.math.BigDecimal value) {
        return value == null ? "–" : value.toPlainString().replace('.', ',');
    }

    private static String recommendation(String r) {
        if (r == null) {
            return "–";
        }
        return switch (r) {
            case "GRANT" -> "bevilja";
            case "GRANT_IN_PART" -> "bevilja delvis";
            case "DECLINE" -> "avslå";
            default -> esc(r);
        };
    }

    private static String kr(String amount) {
        return esc(amount) + " kr";
    }

    /** One page layout for the board's documents: the footer names the document and numbers the pages. */
    static byte[] render(String title, String footer, String body) {
        String xhtml = "<?xml version='1.0' encoding='UTF-8'?><html xmlns='http://www.w3.org/1999/xhtml' lang='sv'>"
                + "<head><title>" + esc(title) + "</title><meta name='author' content='Kommunstyrelsens kontor'/>"
                + "<meta name='subject' content='Sociala investeringsfonden'/><style>"
                + "@page { size: A4; margin: 20mm 18mm 22mm 18mm; "
                + "@bottom-left { content: '" + css(footer) + "'; font-family: '" + FONT + "'; font-size: 8pt; } "
                + "@bottom-right { content: 'Sida ' counter(page) ' av ' counter(pages); font-family: '" + FONT
                + "'; font-size: 8pt; } } "
                + "body { font-family: '" + FONT + "'; font-size: 10pt; } h1 { font-size: 15pt; } "
                + "h2 { font-size: 12pt; } h3 { font-size: 11pt; margin-bottom: 2pt; } .meta { color: #444444; } "
                + "table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 0.5pt solid #999999; "
                + "padding: 2pt 4pt; text-align: left; vertical-align: top; } .r { text-align: right; } "
                + ".sum { width: 60%; } .item { page-break-inside: avoid; }"
                + "</style></head><body>" + body + "</body></html>";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String file) {
        InputStream in = PdfA2bRenderer.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IllegalStateException("the font " + file + " is not bundled");
        }
        return in;
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&#39;");
                case '"' -> b.append("&quot;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    private static String css(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'").replace("<", " ").replace("&", "och");
    }
}

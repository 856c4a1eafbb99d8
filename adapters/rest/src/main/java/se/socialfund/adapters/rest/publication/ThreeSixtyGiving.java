package se.socialfund.adapters.rest.publication;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import se.socialfund.adapters.rest.AuditResource;
import se.socialfund.application.port.in.publication.PublicationQueries.OpenData;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicDocument;
import se.socialfund.application.port.in.publication.PublicationQueries.PublicInvestment;

/**
 * The granted investments in the 360Giving Data Standard (1.4): a grant package in JSON, and the same grants as CSV
 * with the flattened column names of 360Giving's tools (flatten-tool): {@code recipientOrganization/0/id}, ...
 *
 * <p>What maps to what: the identifier is {@code 360G-<prefix>-} and the registration number; title and
 * description are the investment's title and purpose (the application's own words); amountAwarded is the granted
 * amount, amountDisbursed what the office has reported spent; awardDate the board's meeting date; plannedDates the
 * project's reported start and planned end; actualDates its start and, once it ended, the termination's or the
 * implementation decision's date; the recipient is the municipality (the lead office as department), the funder
 * the municipality's fund; the programme the fund; classifications the Agenda 2030 goals and targets; related
 * documents the published ones, with their public links.
 */
final class ThreeSixtyGiving {
    static final String CSV = "text/csv";
    static final String VERSION = "1.4";
    static final String SDG_VOCABULARY = "UN Sustainable Development Goals (Agenda 2030)";

    private final OpenData.Export export;
    private final String baseUrl;

    ThreeSixtyGiving(OpenData.Export export, String baseUrl) {
        this.export = export;
        this.baseUrl = baseUrl;
    }

    /** The package: its metadata and the grants. */
    Map<String, Object> json() {
        OpenData.Settings s = export.settings();
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("version", VERSION);
        pkg.put("title", s.programmeTitle() + (export.year() == null ? "" : " " + export.year()));
        pkg.put("description", "Beviljade sociala investeringar ur " + s.programmeTitle()
                + (export.year() == null ? "" : ", beslutade " + export.year()));
        if (export.modified() != null) {
            pkg.put("modified", export.modified().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
        }
        pkg.put("identifier", "360G-" + prefixOf() + (export.year() == null ? "" : "-" + export.year()));
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("identifier", s.funderOrgId());
        publisher.put("name", s.funderName());
        pkg.put("publisher", publisher);
        pkg.put("license", s.license());
        pkg.put("grants", export.grants().stream().map(this::grant).toList());
        return pkg;
    }

    /** The configured prefix without its "360G-". */
    private String prefixOf() {
        String p = export.settings().prefix().strip();
        return p.regionMatches(true, 0, "360G-", 0, 5) ? p.substring(5) : p;
    }

    private Map<String, Object> grant(OpenData.Grant g) {
        OpenData.Settings s = export.settings();
        PublicInvestment i = g.investment();
        Map<String, Object> grant = new LinkedHashMap<>();
        grant.put("id", g.identifier());
        grant.put("title", i.title());
        grant.put("description", i.purpose());
        grant.put("currency", "SEK");
        grant.put("amountAwarded", i.grantedAmount().amount());
        grant.put("amountDisbursed", i.spentAmount().amount());
        grant.put("awardDate", date(i.decidedOn()));
        if (i.startDate() != null) {
            grant.put("plannedDates", List.of(event(i.startDate(), i.plannedEndDate())));
            grant.put("actualDates", List.of(event(i.startDate(), i.endedOn())));
        }
        grant.put("recipientOrganization", List.of(organisation(s.recipientOrgId(), s.recipientName(),
                i.leadOffice())));
        grant.put("fundingOrganization", List.of(organisation(s.funderOrgId(), s.funderName(),
                s.funderDepartment())));
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("code", s.programmeCode());
        programme.put("title", s.programmeTitle());
        grant.put("grantProgramme", List.of(programme));
        if (!i.agenda2030().isEmpty()) {
            grant.put("classifications", i.agenda2030().stream().map(code -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("vocabulary", SDG_VOCABULARY);
                c.put("code", code);
                c.put("title", (code.contains(".") ? "Delmål " : "Mål ") + code);
                return (Object) c;
            }).toList());
        }
        if (!i.documents().isEmpty()) {
            grant.put("relatedDocument", i.documents().stream().map(d -> (Object) document(d)).toList());
        }
        grant.put("dateModified", i.updatedAt().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_INSTANT));
        return grant;
    }

    private Map<String, Object> document(PublicDocument d) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", d.documentNumber());
        doc.put("title", d.title());
        doc.put("url", baseUrl + PublicResource.contentPath(d.id()));
        doc.put("documentType", d.type().name());
        return doc;
    }

    private static Map<String, Object> organisation(String id, String name, String department) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", id);
        org.put("name", name);
        if (department != null) {
            org.put("department", department);
        }
        return org;
    }

    private static Map<String, Object> event(LocalDate start, LocalDate end) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("startDate", date(start));
        if (end != null) {
            e.put("endDate", date(end));
        }
        return e;
    }

    /** Dates as full date-times (midnight UTC): valid under every version of the schema's date rules. */
    private static String date(LocalDate day) {
        return day == null ? null : day + "T00:00:00Z";
    }

    // ---- CSV ------------------------------------------------------------------------------------------------------

    /** One row per grant; lists get as many numbered columns as the longest needs. */
    String csv() {
        List<Map<String, Object>> grants = export.grants().stream().map(this::grant).toList();
        List<String> columns = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, Object> grant : grants) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", grant, row);
            row.keySet().forEach(k -> {
                if (!columns.contains(k)) {
                    columns.add(k);
                }
            });
            rows.add(row);
        }
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, String> row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    csv.append(',');
                }
                csv.append(AuditResource.cell(row.get(columns.get(c))));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    private static void flatten(String path, Object value, Map<String, String> row) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "/" + k, v, row));
        } else if (value instanceof List<?> list) {
            for (int n = 0; n < list.size(); n++) {
                flatten(path + "/" + n, list.get(n), row);
            }
        } else if (value instanceof java.math.BigDecimal amount) {
            row.put(path, amount.toPlainString());
        } else if (value != null) {
            row.put(path, value.toString());
        }
    }
}

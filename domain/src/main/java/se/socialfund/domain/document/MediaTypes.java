package se.socialfund.domain.document;

import java.util.Map;
import java.util.Set;

/** The file formats the fund accepts, as detected from their content: PDF and the office formats, nothing else. */
public final class MediaTypes {
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";

    /** The accepted types and the file name extension each is downloaded with. */
    public static final Map<String, String> EXTENSIONS = Map.of(PDF, "pdf", DOCX, "docx", XLSX, "xlsx", ODT, "odt",
            ODS, "ods");

    public static final Set<String> ACCEPTED = EXTENSIONS.keySet();

    private MediaTypes() {
    }

    public static boolean accepted(String mediaType) {
        return mediaType != null && ACCEPTED.contains(mediaType);
    }
}

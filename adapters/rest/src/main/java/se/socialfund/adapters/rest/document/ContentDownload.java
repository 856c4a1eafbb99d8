package se.socialfund.adapters.rest.document;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import se.socialfund.adapters.rest.problem.Problem;

/**
 * A document's content as an HTTP answer, for the signed-in download and the public one alike: its SHA-256 as the
 * strong ETag (If-None-Match answers 304), one byte range answers 206 (If-Range honoured), always an attachment that
 * browsers must not sniff. Only the caching differs between the two.
 */
public final class ContentDownload {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private ContentDownload() {
    }

    /** Opens a slice of the content; called only once the answer is known to carry content. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(long offset, long length);
    }

    /** What the answer needs to know of the document. */
    public record Content(String sha256, long size, String mediaType, String fileName, Opener opener) {
    }

    /**
     * @param cacheControl the {@code Cache-Control} of every answer (200, 206 and 304)
     * @param instance     the request's path, for a 416 problem
     */
    public static Response respond(Content d, String ifNoneMatch, String range, String ifRange, String cacheControl,
                                   String instance) {
        String etag = "\"" + d.sha256() + "\"";
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
        }
        long size = d.size();
        long first = 0;
        long last = size - 1;
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.trim().equals(etag))) {
            Matcher m = RANGE.matcher(range.replace(" ", ""));
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    long suffix = Long.parseLong(m.group(2));
                    first = Math.max(0, size - suffix);
                    partial = suffix > 0;
                } else {
                    first = Long.parseLong(m.group(1));
                    last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                    partial = true;
                }
                if (!partial || first >= size || first > last) {
                    Problem p = new Problem("range-not-satisfiable", "Range not satisfiable", 416,
                            "the document has " + size + " bytes; ask for a range within them");
                    p.instance = instance;
                    return p.response().header("Content-Range", "bytes */" + size).build();
                }
            }
            // a range of another unit, several ranges or one this API cannot read: the whole content (RFC 9110)
        }
        long length = last - first + 1;
        InputStream in = d.opener().open(first, length);
        StreamingOutput stream = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.status(partial ? 206 : 200).entity(stream)
                .type(d.mediaType())
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header("Content-Disposition", disposition(d.fileName()));
        if (partial) {
            response.header("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        return response.build();
    }

    /** Whether an If-None-Match header names this strong ETag (or any, with {@code *}); weak comparison. */
    public static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** An attachment, with an ASCII name for old clients and the real name in UTF-8 (RFC 6266, RFC 8187). */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}

package se.socialfund.adapters.rest.document;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import se.socialfund.adapters.rest.problem.BadParameter;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as it arrives: each part's body is a stream that
 * ends at the next boundary, so a file part is never held in memory, only a buffer of 64 KiB. A body that breaks the
 * format is a 400 problem.
 */
final class MultipartReader {
    private static final int BUFFER = 64 * 1024;
    private static final int MAX_HEADERS = 8 * 1024;
    private static final Pattern BOUNDARY = Pattern.compile(";\\s*boundary=(\"?)([^\";]{1,70})\\1",
            Pattern.CASE_INSENSITIVE);

    /** One part: its form name, the file name the client gave (if any), its declared type, and its bytes. */
    record Part(String name, String fileName, String contentType, InputStream body) {
    }

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buf;
    private int start;
    private int end;
    private boolean eof;
    private PartBody current;
    private boolean finished;

    MultipartReader(InputStream in, String contentType) {
        this.in = in;
        Matcher m = BOUNDARY.matcher(contentType == null ? "" : contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !m.find()) {
            throw new BadParameter("Content-Type", "send the upload as multipart/form-data with a boundary");
        }
        this.delimiter = ("\r\n--" + m.group(2)).getBytes(StandardCharsets.ISO_8859_1);
        this.buf = new byte[BUFFER + delimiter.length];
        // the first boundary has no line break before it: pretend it had one
        buf[0] = '\r';
        buf[1] = '\n';
        end = 2;
    }

    /** The next part, or null after the last one. Whatever is left of the current part is skipped. */
    Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            // the preamble before the first boundary is skipped like a part's body
            current = new PartBody();
        }
        current.skipRest();
        // after a delimiter: "--" ends the body, a line break starts the next part's headers
        fill(2);
        if (end - start < 2) {
            throw malformed("the body ends without its closing boundary");
        }
        if (buf[start] == '-' && buf[start + 1] == '-') {
            finished = true;
            current = null;
            return null;
        }
        skipLinearWhitespace();
        fill(2);
        if (end - start < 2 || buf[start] != '\r' || buf[start + 1] != '\n') {
            throw malformed("a boundary is not followed by a line break");
        }
        start += 2;
        String name = null;
        String fileName = null;
        String type = null;
        int headerBytes = 0;
        while (true) {
            String line = line();
            headerBytes += line.length() + 2;
            if (headerBytes > MAX_HEADERS) {
                throw malformed("a part's headers are too long");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw malformed("a part's header line has no colon");
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                name = parameter(value, "name");
                String extended = parameter(value, "filename*");
                fileName = extended != null ? decodeExtended(extended) : parameter(value, "filename");
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw malformed("a part has no Content-Disposition name");
        }
        current = new PartBody();
        return new Part(name, fileName, type, current);
    }

    /** Reads what is left of the whole body, to its end, discarding it. */
    void drain() throws IOException {
        byte[] skip = new byte[BUFFER];
        start = end;
        while (in.read(skip) >= 0) {
            // discarded
        }
        finished = true;
    }

    private void skipLinearWhitespace() throws IOException {
        while (true) {
            fill(1);
            if (end > start && (buf[start] == ' ' || buf[start] == '\t')) {
                start++;
            } else {
                return;
            }
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            fill(2);
            if (end - start < 2) {
                throw malformed("the body ends inside a part's headers");
            }
            if (buf[start] == '\r' && buf[start + 1] == '\n') {
                start += 2;
                // headers are ASCII; a file name in UTF-8 is read as such
                byte[] bytes = line.toString().getBytes(StandardCharsets.ISO_8859_1);
                return new String(bytes, StandardCharsets.UTF_8);
            }
            line.append((char) (buf[start++] & 0xff));
            if (line.length() > MAX_HEADERS) {
                throw malformed("a part's headers are too long");
            }
        }
    }

    private static String parameter(String value, String name) {
        Matcher m = Pattern.compile("(?:^|;)\\s*" + Pattern.quote(name) + "\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))",
                Pattern.CASE_INSENSITIVE).matcher(value);
        if (!m.find()) {
            return null;
        }
        return m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2);
    }

    private static String decodeExtended(String value) {
        int quote = value.indexOf("''");
        String encoded = quote >= 0 ? value.substring(quote + 2) : value;
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Makes at least {@code wanted} bytes available after {@code start}, unless the body ends first. */
    private void fill(int wanted) throws IOException {
        while (end - start < wanted && !eof) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                eof = true;
            } else {
                end += n;
            }
        }
    }

    private int indexOfDelimiter() {
        outer:
        for (int i = start; i <= end - delimiter.length; i++) {
            for (int j = 0; j < delimiter.length; j++) {
                if (buf[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static BadParameter malformed(String why) {
        return new BadParameter("Content-Type", "the multipart body cannot be read: " + why);
    }

    /** A part's bytes, up to the next delimiter (which it consumes at its end). */
    private final class PartBody extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            while (true) {
                fill(delimiter.length);
                int at = indexOfDelimiter();
                int available;
                if (at == start) {
                    start += delimiter.length;
                    done = true;
                    return -1;
                } else if (at > start) {
                    available = at - start;
                } else {
                    // all but a tail that could be the start of the delimiter
                    available = end - start - (delimiter.length - 1);
                    if (available <= 0) {
                        if (eof) {
                            throw malformed("the body ends inside a part");
                        }
                        // more is needed to decide: make room and read
                        fill(end - start + 1);
                        continue;
                    }
                }
                int n = Math.min(len, available);
                System.arraycopy(buf, start, b, off, n);
                start += n;
                return n;
            }
        }

        void skipRest() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // skipped
            }
        }
    }
}

package se.socialfund.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Files of each format the document tests need, made in memory: real enough for content detection. */
public final class SampleFiles {
    /** The EICAR anti-virus test string: harmless, and flagged by every scanner. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private SampleFiles() {
    }

    /** A PDF of exactly {@code size} bytes: a real header and trailer around pseudo-random bytes. */
    public static byte[] pdf(int size, long seed) {
        byte[] head = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\nendstream\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        if (size < head.length + tail.length) {
            throw new IllegalArgumentException("too small for a PDF");
        }
        byte[] pdf = new byte[size];
        new Random(seed).nextBytes(pdf);
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
        return pdf;
    }

    /** A PDF that carries the EICAR test string. */
    public static byte[] pdfWithEicar() {
        byte[] pdf = pdf(4096, 7);
        byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(eicar, 0, pdf, 1000, eicar.length);
        return pdf;
    }

    /** A minimal DOCX: the OPC container with a Word main part. */
    public static byte[] docx() {
        return zip(new String[][] {
                {"[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                        + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType="
                        + "\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
                        + "ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType="
                        + "\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                        + "</Types>"},
                {"_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas"
                        + ".openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://"
                        + "schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target="
                        + "\"word/document.xml\"/></Relationships>"},
                {"word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
                        + "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Projektplan"
                        + "</w:t></w:r></w:p></w:body></w:document>"}}, false);
    }

    /** A minimal ODT: the ODF package's uncompressed mimetype entry first. */
    public static byte[] odt() {
        return zip(new String[][] {
                {"mimetype", "application/vnd.oasis.opendocument.text"},
                {"META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:"
                        + "manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry "
                        + "manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                        + "</manifest:manifest>"},
                {"content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office="
                        + "\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"}}, true);
    }

    /** A plain ZIP archive: what a client might rename to {@code .pdf}. */
    public static byte[] zip() {
        return zip(new String[][] {{"readme.txt", "inte en pdf"}}, false);
    }

    private static byte[] zip(String[][] entries, boolean firstStored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i++) {
                byte[] data = entries[i][1].getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(entries[i][0]);
                if (i == 0 && firstStored) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(data.length);
                    e.setCompressedSize(data.length);
                    e.setCrc(crc.getValue());
                }
                zip.putNextEntry(e);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

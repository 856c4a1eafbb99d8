package se.socialfund.adapters.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;

import se.socialfund.application.port.out.document.ContentDetector;
import se.socialfund.domain.document.MediaTypes;

/**
 * Apache Tika's detection from the bytes alone: no file name and no declared type are given to it, so a ZIP named
 * {@code .pdf} is a ZIP. Office files are ZIP containers; the zip container detector (tika-parser-zip-commons)
 * looks inside them ({@code [Content_Types].xml}, ODF's {@code mimetype} entry) to tell DOCX from XLSX from a plain
 * ZIP.
 */
public final class TikaContentDetector implements ContentDetector {
    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    static final String OOXML = "application/x-tika-ooxml";
    private static final Pattern MAIN_PART = Pattern.compile("ContentType=\"application/vnd\\.openxmlformats-"
            + "officedocument\\.(wordprocessingml\\.document|spreadsheetml\\.sheet)\\.main\\+xml\"");

    @Override
    public String detect(Path file) {
        try (TikaInputStream in = TikaInputStream.get(file)) {
            String type = detector.detect(in, new Metadata()).getBaseType().toString();
            return OOXML.equals(type) ? officeOpenXml(file) : type;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Tika's zip container detector recognises an Office Open XML package; which application it belongs to is
     * decided by POI in tika-parser-microsoft-module, far heavier than this need. The package says it itself: the
     * content type of its main part in {@code [Content_Types].xml}. A package with no Word or Excel main part (a
     * macro-enabled one, a presentation) stays a generic package, which is refused.
     */
    static String officeOpenXml(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null || types.getSize() > 1_000_000) {
                return OOXML;
            }
            String xml;
            try (InputStream in = zip.getInputStream(types)) {
                xml = new String(in.readNBytes(1_000_000), StandardCharsets.UTF_8);
            }
            Matcher m = MAIN_PART.matcher(xml);
            if (!m.find()) {
                return OOXML;
            }
            return m.group(1).startsWith("word") ? MediaTypes.DOCX : MediaTypes.XLSX;
        } catch (java.util.zip.ZipException e) {
            return OOXML;
        }
    }
}

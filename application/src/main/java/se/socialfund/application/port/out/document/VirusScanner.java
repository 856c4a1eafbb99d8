package se.socialfund.application.port.out.document;

import java.nio.file.Path;

import se.socialfund.domain.document.ScanVerdict;

/**
 * Scans an uploaded file before anything is stored. Without a configured scanner the verdict is "not scanned",
 * recorded with the document. A scanner that cannot be reached fails the upload (nothing is stored unscanned when
 * a scanner is configured).
 */
public interface VirusScanner {
    ScanVerdict scan(Path file);
}

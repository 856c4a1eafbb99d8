package se.socialfund.application.port.out.document;

import java.nio.file.Path;

import se.socialfund.domain.document.ScanVerdict;

/**
 * Scans an uploaded file before anything is stored. Without a configured scanner the verdict is "not scanned",
 * recorded with the document. A scanner that cannot be reached, does not answer in time or answers nonsense throws
 * {@link se.socialfund.application.port.in.document.ScannerUnavailable} (nothing is stored unscanned when a scanner
 * is configured; the client may retry later).
 */
public interface VirusScanner {
    ScanVerdict scan(Path file);
}

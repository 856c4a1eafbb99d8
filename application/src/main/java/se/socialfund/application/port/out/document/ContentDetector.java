package se.socialfund.application.port.out.document;

import java.nio.file.Path;

/** Tells a file's media type from its bytes alone: never from its name or the type the client declared. */
public interface ContentDetector {
    /** The detected media type, e.g. {@code application/pdf}, or {@code application/octet-stream}. */
    String detect(Path file);
}

package se.socialfund.application.port.out.document;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of documents are kept, addressed by their SHA-256: the same bytes are stored once. The default
 * keeps them in PostgreSQL, in the uploading transaction (a failed upload leaves nothing); another adapter keeps
 * them in an S3-compatible object store.
 */
public interface ContentStore {
    /**
     * Stores the file's bytes under their SHA-256, unless they are there already. Called inside the uploading
     * transaction, after the file was checked; the file is read as a stream, never held whole in memory.
     */
    void put(String sha256, Path file, long size);

    /** A stream of {@code length} bytes from {@code offset} of the content; read lazily, in slices. */
    InputStream open(String sha256, long offset, long length);
}

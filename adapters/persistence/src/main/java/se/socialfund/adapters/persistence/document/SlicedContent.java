package se.socialfund.adapters.persistence.document;

import java.io.IOException;
import java.io.InputStream;

/** A stream of a known length read in slices on demand: one slice in memory at a time. */
public abstract class SlicedContent extends InputStream {
    private final long length;
    private long position;
    private byte[] slice = new byte[0];
    private int inSlice;

    protected SlicedContent(long length) {
        this.length = length;
    }

    /** The {@code size} bytes from {@code position} (relative to the start of this stream). */
    protected abstract byte[] slice(long position, int size) throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (inSlice == slice.length) {
            if (position >= length) {
                return -1;
            }
            slice = slice(position, (int) Math.min(PostgresContentStore.SLICE, length - position));
            if (slice.length == 0) {
                throw new IOException("the stored content is shorter than recorded");
            }
            inSlice = 0;
        }
        int n = Math.min(len, slice.length - inSlice);
        System.arraycopy(slice, inSlice, b, off, n);
        inSlice += n;
        position += n;
        return n;
    }
}

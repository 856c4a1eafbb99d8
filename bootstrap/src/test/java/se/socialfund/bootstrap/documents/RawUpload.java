package se.socialfund.bootstrap.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload written straight to a socket, so that the test controls how the body is framed (chunked, or with a
 * Content-Length that is a lie) and sees when the answer arrives while the body is still being sent.
 */
final class RawUpload {
    /** The status and body of the answer, how much of the body had been sent by then, and whether it was closed. */
    /** {@code closedAfterAnswer} is probed for chunked uploads only (false for the others). */
    record Answer(int status, String head, String body, long sentBeforeAnswer, boolean closedAfterAnswer) {
    }

    static final long EXACT = -1;

    private RawUpload() {
    }

    /**
     * Sends a multipart upload whose file part is {@code fileSize} bytes of a PDF, chunked, or with a declared
     * Content-Length when {@code declaredLength} is not null ({@link #EXACT}: the body's true length); stops sending
     * once the answer is there.
     */
    static Answer post(int port, String path, String token, long fileSize, Long declaredLength) throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(60_000);
            AtomicLong sent = new AtomicLong();
            boolean probeClose = declaredLength == null;
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket, sent, probeClose));
            OutputStream out = socket.getOutputStream();
            boolean chunked = declaredLength == null;
            byte[] head = ("--XyZ\r\nContent-Disposition: form-data; name=\"metadata\"\r\nContent-Type: "
                    + "application/json\r\n\r\n{\"type\":\"OTHER\",\"title\":\"Stor fil\",\"origin\":\"RECEIVED\"}\r\n"
                    + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stor.pdf\"\r\nContent-Type: "
                    + "application/pdf\r\n\r\n%PDF-1.7\n").getBytes(StandardCharsets.US_ASCII);
            byte[] tail = "\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII);
            if (declaredLength != null && declaredLength == EXACT) {
                declaredLength = head.length + (fileSize - 9) + tail.length;
            }
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: multipart/form-data;"
                    + " boundary=XyZ\r\nAccept: application/json\r\nAuthorization: Bearer " + token + "\r\n"
                    + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + declaredLength) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            try {
                write(out, head, head.length, chunked);
                sent.addAndGet(head.length);
                long file = 9;
                while (file < fileSize && !answer.isDone()) {
                    int n = (int) Math.min(chunk.length, fileSize - file);
                    write(out, chunk, n, chunked);
                    sent.addAndGet(n);
                    file += n;
                }
                if (!answer.isDone()) {
                    write(out, tail, tail.length, chunked);
                    if (chunked) {
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                }
            } catch (IOException e) {
                // the service closed the connection: its answer is what counts
            }
            return answer.get(60, TimeUnit.SECONDS);
        }
    }

    private static void write(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, n);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * @param probeClose whether to wait (up to 10 s) to see the service close the connection after its answer: only
     *                   for chunked uploads, whose rest the service never reads. A connection kept alive would make
     *                   every other upload wait out the 10 s (20 of the 413 test's 22 s were that wait).
     */
    private static Answer read(Socket socket, AtomicLong sent, boolean probeClose) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String h = head.toString(StandardCharsets.ISO_8859_1);
                if (h.endsWith("\r\n\r\n")) {
                    break;
                }
            }
            long sentThen = sent.get();
            String h = head.toString(StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(h.substring(9, 12));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(h);
            byte[] body = m.find() ? in.readNBytes(Integer.parseInt(m.group(1))) : new byte[0];
            boolean closed = false;
            if (probeClose) {
                try {
                    socket.setSoTimeout(10_000);
                    closed = in.read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    closed = false;
                } catch (IOException e) {
                    closed = true;
                }
            }
            return new Answer(status, h, new String(body, StandardCharsets.UTF_8), sentThen, closed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package se.socialfund.bootstrap.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A body sent without a Content-Length, in chunks, straight over a socket: the answer is read while the body is
 * still being sent, since a service that refuses it answers and closes the connection before the end.
 */
final class ChunkedUpload {
    /**
     * What came back: the answer, how many bytes of the body had been sent when it arrived, and whether the service
     * closed the connection after it (within a few seconds).
     */
    record Answer(int status, Map<String, List<String>> headers, String body, long sentBeforeAnswer,
                  boolean closedAfterAnswer) {
    }

    /** Where the body's bulk goes. */
    enum Shape {
        /** white space between the JSON's top-level fields, so that only its size can be wrong */
        WHITE_SPACE,
        /** items of a list ({@code activityPlan}), the way real bodies grow */
        LIST_ITEMS
    }

    private ChunkedUpload() {
    }

    /**
     * Sends a JSON body of about {@code size} bytes of the given shape; never holds the body in memory, and stops
     * sending once the answer is there. The socket's send buffer is small, so that what was sent is close to what
     * the service read.
     */
    static Answer post(int port, String path, String token, long size, Shape shape) throws Exception {
        try (Socket socket = new Socket()) {
            socket.setSendBufferSize(64 * 1024);
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            socket.setSoTimeout(30_000);
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket, sent));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                    + "\r\nAccept: application/json\r\nAuthorization: Bearer " + token
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = (shape == Shape.WHITE_SPACE ? "{\"title\":\"x\"" : "{\"title\":\"x\",\"activityPlan\":[")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] tail = (shape == Shape.WHITE_SPACE ? "}" : "{\"description\":\"x\"}]}")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] chunk;
            if (shape == Shape.WHITE_SPACE) {
                chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
            } else {
                StringBuilder items = new StringBuilder();
                while (items.length() < 60 * 1024) {
                    items.append("{\"description\":\"").append("x".repeat(2000)).append("\"},");
                }
                chunk = items.toString().getBytes(StandardCharsets.US_ASCII);
            }
            try {
                writeChunk(out, head, head.length);
                sent.addAndGet(head.length);
                while (sent.get() < size - tail.length && !answer.isDone()) {
                    int n = shape == Shape.WHITE_SPACE ? (int) Math.min(chunk.length, size - tail.length - sent.get())
                            : chunk.length;
                    writeChunk(out, chunk, n);
                    sent.addAndGet(n);
                }
                if (!answer.isDone()) {
                    writeChunk(out, tail, tail.length);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            } catch (IOException e) {
                // the service answered and closed the connection before the body's end: read its answer
            }
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    /** A body of white space: see {@link Shape#WHITE_SPACE}. */
    static Answer post(int port, String path, String token, long size) throws Exception {
        return post(port, path, token, size, Shape.WHITE_SPACE);
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(Socket socket, java.util.concurrent.atomic.AtomicLong sent) {
        try {
            InputStream in = socket.getInputStream();
            String statusLine;
            Map<String, List<String>> headers;
            do { // skip "100 Continue"
                statusLine = line(in);
                headers = new LinkedHashMap<>();
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    int colon = h.indexOf(':');
                    headers.computeIfAbsent(h.substring(0, colon).trim(), k -> new ArrayList<>())
                            .add(h.substring(colon + 1).trim());
                }
            } while (statusLine.contains(" 100 "));
            long sentBeforeAnswer = sent.get();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
                    .map(e -> Integer.parseInt(e.getValue().get(0))).findFirst().orElse(0);
            byte[] body = in.readNBytes(length);
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8), sentBeforeAnswer,
                    status == 413 && closed(socket, in));
        } catch (IOException e) {
            throw new IllegalStateException("no answer to the chunked upload", e);
        }
    }

    /** Whether the service closes the connection within five seconds after its answer (asked of a 413 only). */
    private static boolean closed(Socket socket, InputStream in) {
        try {
            socket.setSoTimeout(5_000);
            return in.read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset: closed too
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed before a whole answer");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.US_ASCII);
    }
}

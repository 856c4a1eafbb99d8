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
    /** What came back. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }

    private ChunkedUpload() {
    }

    /**
     * Sends a JSON body of {@code size} bytes: a valid start, white space, and a closing brace, so that only its size
     * can be wrong. Never holds the body in memory.
     */
    static Answer post(int port, String path, String token, long size) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket));
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json"
                    + "\r\nAccept: application/json\r\nAuthorization: Bearer " + token
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] head = "{\"title\":\"x\"".getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try {
                writeChunk(out, head, head.length);
                long sent = head.length;
                while (sent < size - 1 && !answer.isDone()) {
                    int n = (int) Math.min(chunk.length, size - 1 - sent);
                    writeChunk(out, chunk, n);
                    sent += n;
                }
                writeChunk(out, new byte[]{'}'}, 1);
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // the service answered and closed the connection before the body's end: read its answer
            }
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    private static void writeChunk(OutputStream out, byte[] bytes, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(Socket socket) {
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
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Length"))
                    .map(e -> Integer.parseInt(e.getValue().get(0))).findFirst().orElse(0);
            byte[] body = in.readNBytes(length);
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("no answer to the chunked upload", e);
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

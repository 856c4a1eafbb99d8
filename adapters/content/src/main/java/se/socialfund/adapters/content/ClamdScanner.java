package se.socialfund.adapters.content;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import se.socialfund.application.port.in.document.ScannerUnavailable;
import se.socialfund.application.port.out.document.VirusScanner;
import se.socialfund.domain.document.ScanVerdict;

/**
 * ClamAV's daemon over TCP, with its INSTREAM command: {@code zINSTREAM\0}, then the file in chunks (each a 4-byte
 * big-endian length and the bytes), a zero length to end, and one reply ({@code stream: OK} or
 * {@code stream: <signature> FOUND}), NUL-terminated. Anything else (an error, a size limit, no connection, no answer
 * within the timeout) is {@link ScannerUnavailable} and fails the upload (503, retry later): a configured scanner
 * that cannot say "clean" never lets a file through.
 */
public final class ClamdScanner implements VirusScanner {
    private static final int CHUNK = 64 * 1024;
    private final String host;
    private final int port;
    private final int timeoutMillis;

    public ClamdScanner(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public ScanVerdict scan(Path file) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            return verdict(reply(socket.getInputStream()));
        } catch (IOException e) {
            throw new ScannerUnavailable("the virus scanner (clamd at " + host + ":" + port + ") did not answer: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    private static String reply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0 && reply.size() < 4096) {
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).trim();
    }

    static ScanVerdict verdict(String reply) {
        if (reply.equals("stream: OK")) {
            return ScanVerdict.CLEAN;
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            return ScanVerdict.flagged(reply.substring("stream: ".length(), reply.length() - " FOUND".length()));
        }
        throw new ScannerUnavailable("the virus scanner answered neither OK nor FOUND: " + reply, null);
    }
}

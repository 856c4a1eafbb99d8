package se.socialfund.bootstrap.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A scanner test double that speaks clamd's protocol on a loopback socket: {@code zINSTREAM\0}, length-prefixed
 * chunks up to a zero length, one NUL-terminated reply. It flags the EICAR test string as clamd does
 * ({@code stream: Eicar-Test-Signature FOUND}) and answers {@code stream: OK} otherwise. The service under test is
 * configured to scan every upload with it.
 */
public class FakeClamd implements QuarkusTestResourceLifecycleManager {
    /** How many streams it has scanned (a scan means the file reached the scanner). */
    public static final AtomicInteger SCANNED = new AtomicInteger();
    /** While set, it hangs up on every connection without an answer, as a clamd that fails or is restarting. */
    public static final java.util.concurrent.atomic.AtomicBoolean HANG_UP =
            new java.util.concurrent.atomic.AtomicBoolean();

    private ServerSocket server;
    private Thread acceptor;

    /** Starts on a free loopback port; the answer is its port. */
    public int startServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> serve(s), "fake-clamd-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fake-clamd");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private static void serve(Socket s) {
        try (s) {
            if (HANG_UP.get()) {
                return;
            }
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] command = new byte[10];
            in.readFully(command);
            OutputStream out = s.getOutputStream();
            if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
                out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            boolean found = false;
            byte[] eicar = SampleFiles.EICAR.getBytes(StandardCharsets.US_ASCII);
            while (true) {
                int length = in.readInt();
                if (length == 0) {
                    break;
                }
                byte[] chunk = new byte[length];
                in.readFully(chunk);
                // keep the end of the previous chunk, so a signature across two chunks is found too
                tail.write(chunk);
                byte[] window = tail.toByteArray();
                found |= indexOf(window, eicar) >= 0;
                tail.reset();
                tail.write(window, Math.max(0, window.length - eicar.length), Math.min(window.length, eicar.length));
            }
            SCANNED.incrementAndGet();
            out.write((found ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public void stopServer() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            int port = startServer();
            return Map.of("socialfund.documents.clamd.host", "127.0.0.1",
                    "socialfund.documents.clamd.port", String.valueOf(port),
                    "socialfund.documents.spool-dir", java.nio.file.Path.of("target", "test-runtime", "spool")
                            .toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}

package se.socialfund.bootstrap.documents;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.socialfund.adapters.content.ClamdScanner;
import se.socialfund.adapters.content.NotScanned;
import se.socialfund.adapters.content.TikaContentDetector;
import se.socialfund.adapters.content.s3.S3ContentStore;
import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.in.document.ScannerUnavailable;
import se.socialfund.bootstrap.support.FakeClamd;
import se.socialfund.bootstrap.support.SampleFiles;
import se.socialfund.domain.document.MediaTypes;
import se.socialfund.domain.document.ScanVerdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The content adapters on their own: Tika's detection from the bytes, and the clamd client against the double. */
class ContentAdaptersTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws Exception {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void the_type_comes_from_the_bytes_whatever_the_file_is_called() throws Exception {
        TikaContentDetector tika = new TikaContentDetector();
        assertThat(tika.detect(file("a.docx", SampleFiles.pdf(2048, 1)))).isEqualTo(MediaTypes.PDF);
        assertThat(tika.detect(file("b.pdf", SampleFiles.docx()))).isEqualTo(MediaTypes.DOCX);
        assertThat(tika.detect(file("c.pdf", SampleFiles.odt()))).isEqualTo(MediaTypes.ODT);
        assertThat(tika.detect(file("d.pdf", SampleFiles.zip()))).isEqualTo("application/zip");
        assertThat(tika.detect(file("e.pdf", "just text".getBytes()))).isEqualTo("text/plain");
    }

    @Test
    void the_clamd_client_speaks_instream_and_reads_the_verdict() throws Exception {
        FakeClamd clamd = new FakeClamd();
        int port = clamd.startServer();
        try {
            ClamdScanner scanner = new ClamdScanner("127.0.0.1", port, 5000);
            // larger than one chunk of the protocol, with the signature across the boundary of two chunks
            byte[] big = SampleFiles.pdf(200_000, 3);
            byte[] eicar = SampleFiles.EICAR.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            assertThat(scanner.scan(file("clean.pdf", big))).isEqualTo(ScanVerdict.CLEAN);
            System.arraycopy(eicar, 0, big, 65536 - 20, eicar.length);
            ScanVerdict flagged = scanner.scan(file("eicar.pdf", big));
            assertThat(flagged.flagged()).isTrue();
            assertThat(flagged.finding()).isEqualTo("Eicar-Test-Signature");
        } finally {
            clamd.stopServer();
        }
    }

    @Test
    void a_configured_scanner_that_does_not_answer_lets_nothing_through_and_none_configured_says_not_scanned()
            throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path pdf = file("x.pdf", SampleFiles.pdf(2048, 4));
        assertThatThrownBy(() -> new ClamdScanner("127.0.0.1", closedPort, 2000).scan(pdf))
                .isInstanceOf(ScannerUnavailable.class);
        assertThat(new NotScanned().scan(pdf).result()).isEqualTo(ScanVerdict.Result.NOT_SCANNED);
    }

    @Test
    void a_scanner_that_accepts_but_never_answers_is_unavailable_after_its_timeout() throws Exception {
        Path pdf = file("y.pdf", SampleFiles.pdf(2048, 5));
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            // the connection is accepted by the backlog and never read from or answered
            assertThatThrownBy(() -> new ClamdScanner("127.0.0.1", silent.getLocalPort(), 300).scan(pdf))
                    .isInstanceOf(ScannerUnavailable.class).hasMessageContaining("did not answer");
        }
    }

    @Test
    void an_object_store_that_cannot_be_reached_is_unavailable_and_stores_nothing() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Path pdf = file("z.pdf", SampleFiles.pdf(2048, 6));
        try (S3ContentStore store = new S3ContentStore(new S3ContentStore.Settings(
                java.util.Optional.of(java.net.URI.create("http://127.0.0.1:" + closedPort)), "eu-north-1",
                "documents", java.util.Optional.of("key"), java.util.Optional.of("secret"), true,
                java.time.Duration.ofSeconds(2)))) {
            String sha = SampleFiles.sha256(Files.readAllBytes(pdf));
            assertThatThrownBy(() -> store.put(sha, pdf, Files.size(pdf))).isInstanceOf(StoreUnavailable.class);
            assertThatThrownBy(() -> store.open(sha, 0, 10)).isInstanceOf(StoreUnavailable.class);
        }
    }
}

package se.socialfund.bootstrap.documents;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.socialfund.application.port.out.document.ContentStore;
import se.socialfund.bootstrap.support.SampleFiles;

import se.socialfund.bootstrap.support.S3MockResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The content tests of {@link DocumentsTest}, with the content in an S3-compatible object store: Adobe's
 * S3Mock, a real S3 server started as a process of its own on 127.0.0.1 ({@link S3MockResource}), instead of
 * PostgreSQL. "Nothing stored" counts the bucket's objects there ({@link StoredContent}).
 */
@QuarkusTest
@TestProfile(DocumentsOnS3Test.S3Store.class)
class DocumentsOnS3Test extends DocumentsTest {
    @Inject
    ContentStore store;

    /** S3Mock starts while the service does; the tests wait for it here (at no cost once it listens). */
    @BeforeEach
    void s3mockListens() {
        S3MockResource.awaitReady();
    }

    @Test
    void the_object_store_refuses_bytes_that_do_not_match_their_key(@TempDir Path dir) throws Exception {
        byte[] bytes = SampleFiles.pdf(2048, 91);
        String otherKey = SampleFiles.sha256(SampleFiles.pdf(2048, 92));
        Path file = Files.write(dir.resolve("x.pdf"), bytes);
        // the SHA-256 travels as the object's x-amz-checksum-sha256: the server checks it against the bytes
        assertThatThrownBy(() -> store.put(otherKey, file, bytes.length)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 400");
        assertThat(StoredContent.contains(otherKey, bytes.length)).isFalse();
        String key = SampleFiles.sha256(bytes);
        store.put(key, file, bytes.length);
        try (InputStream slice = store.open(key, 100, 50)) {
            assertThat(slice.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, 150));
        }
    }

    /** socialfund.documents.store=s3, against S3Mock. */
    public static class S3Store implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(S3MockResource.class));
        }
    }
}

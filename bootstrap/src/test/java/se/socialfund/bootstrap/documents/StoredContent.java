package se.socialfund.bootstrap.documents;

import java.net.URI;
import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import se.socialfund.bootstrap.support.Database;

/**
 * What the configured content store holds, looked at from outside the service: the rows of
 * {@code document_content} in PostgreSQL, or the objects of the bucket in the S3-compatible store (with a client
 * of its own, so that an object is found under the content's SHA-256 as its key).
 */
final class StoredContent {
    private static S3Client client;
    private static String clientEndpoint;

    private StoredContent() {
    }

    static boolean onS3() {
        return "s3".equals(ConfigProvider.getConfig().getValue("socialfund.documents.store", String.class));
    }

    /** How many contents are stored. */
    static long count() {
        if (!onS3()) {
            return Database.number("SELECT count(*) FROM document_content");
        }
        return s3().listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket()).build()).contents()
                .stream().count();
    }

    /** Whether the content with this SHA-256 is stored (on S3: an object whose key is the hash, of this size). */
    static boolean contains(String sha256, long size) {
        if (!onS3()) {
            return Database.number("SELECT count(*) FROM document_content WHERE sha256 = ? AND size = ?", sha256,
                    size) == 1;
        }
        try {
            return s3().headObject(HeadObjectRequest.builder().bucket(bucket()).key(sha256).build())
                    .contentLength() == size;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    private static String bucket() {
        return ConfigProvider.getConfig().getValue("socialfund.documents.s3.bucket", String.class);
    }

    private static synchronized S3Client s3() {
        Config config = ConfigProvider.getConfig();
        String endpoint = config.getValue("socialfund.documents.s3.endpoint", String.class);
        if (client == null || !endpoint.equals(clientEndpoint)) {
            client = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
                    .region(Region.of(config.getValue("socialfund.documents.s3.region", String.class)))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            config.getValue("socialfund.documents.s3.access-key-id", String.class),
                            config.getValue("socialfund.documents.s3.secret-access-key", String.class))))
                    .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
                    .build();
            clientEndpoint = endpoint;
        }
        return client;
    }
}

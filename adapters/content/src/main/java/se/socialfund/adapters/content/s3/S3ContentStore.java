package se.socialfund.adapters.content.s3;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import se.socialfund.application.port.in.StoreUnavailable;
import se.socialfund.application.port.out.document.ContentStore;

/**
 * Content in an S3-compatible object store (AWS S3, MinIO, Ceph, ...): one object per content, its key the
 * content's SHA-256 in hex, so that the same bytes are stored once. {@link #put} looks first (HEAD) and writes only
 * what is not there, streaming the spool file with its known length (a single PUT with {@code Content-Length}: no
 * file is held in the heap) and with the SHA-256 as the object's {@code x-amz-checksum-sha256}, so that the store
 * refuses bytes that do not match their key. {@link #open} is a ranged GET, streamed to the client.
 *
 * <p>Atomicity: an object appears whole or not at all (a PUT is atomic), and it is written before the uploading
 * transaction commits, so a committed document always has its content. A transaction that fails after the PUT
 * leaves an object that no document names: harmless content-addressed garbage (the same upload later reuses it), to
 * be swept by a lifecycle rule or not at all; never a document without its content. Objects are never overwritten
 * or deleted by the service (a bucket policy may deny it DeleteObject).
 *
 * <p>A store that cannot be reached or answers with a server error is {@link StoreUnavailable} (503, retry later).
 */
public final class S3ContentStore implements ContentStore, AutoCloseable {
    private final S3Client s3;
    private final String bucket;

    /**
     * Where and how to reach the store.
     *
     * @param endpoint        the store's URL (e.g. {@code http://127.0.0.1:9000} for MinIO); empty for AWS itself
     * @param region          the bucket's region (any name for most S3-compatible stores)
     * @param accessKeyId     with {@code secretAccessKey}, static credentials; empty for the SDK's default chain
     *                        (environment, profile, instance role)
     * @param pathStyle       {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (most
     *                        S3-compatible stores need it)
     * @param timeout         for connecting and for each read from the socket
     */
    public record Settings(Optional<URI> endpoint, String region, String bucket, Optional<String> accessKeyId,
                           Optional<String> secretAccessKey, boolean pathStyle, Duration timeout) {
    }

    public S3ContentStore(Settings settings) {
        this.bucket = settings.bucket();
        AwsCredentialsProvider credentials = settings.accessKeyId().filter(id -> !id.isBlank())
                .<AwsCredentialsProvider>map(id -> StaticCredentialsProvider.create(AwsBasicCredentials.create(id,
                        settings.secretAccessKey().orElseThrow(() -> new IllegalStateException(
                                "an S3 access key id needs its secret access key")))))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(settings.timeout())
                        .socketTimeout(settings.timeout()).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // the SHA-256 is sent as the object's checksum by this store itself; no other checksum (CRC32 in an
                // aws-chunked trailer by default since SDK 2.30), which not every S3-compatible store reads
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        settings.endpoint().ifPresent(builder::endpointOverride);
        this.s3 = builder.build();
    }

    S3ContentStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public void put(String sha256, Path file, long size) {
        try {
            if (stored(sha256, size)) {
                return;
            }
            s3.putObject(PutObjectRequest.builder().bucket(bucket).key(sha256).contentLength(size)
                    .contentType("application/octet-stream")
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)))
                    .build(), RequestBody.fromFile(file));
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw unavailable("did not store the content", e);
            }
            throw new IllegalStateException("the object store refused the content " + sha256 + " (HTTP "
                    + e.statusCode() + ", " + errorCode(e) + ")", e);
        } catch (SdkException e) {
            throw unavailable("could not be reached to store the content", e);
        }
    }

    /** Whether the content is there already, whole (a PUT is atomic; its length is checked all the same). */
    private boolean stored(String sha256, long size) {
        try {
            HeadObjectResponse head = s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(sha256).build());
            return head.contentLength() != null && head.contentLength() == size;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) {
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        try {
            // the response's body is the open connection: read as the download is written, never whole
            return s3.getObject(GetObjectRequest.builder().bucket(bucket).key(sha256)
                    .range("bytes=" + offset + "-" + (offset + length - 1)).build());
        } catch (NoSuchKeyException e) {
            throw new IllegalStateException("the content " + sha256 + " is missing from the object store", e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500) {
                throw unavailable("did not return the content", e);
            }
            throw new IllegalStateException("the object store refused to return the content " + sha256 + " (HTTP "
                    + e.statusCode() + ", " + errorCode(e) + ")", e);
        } catch (SdkException e) {
            throw unavailable("could not be reached to read the content", e);
        }
    }

    private StoreUnavailable unavailable(String what, SdkException e) {
        return new StoreUnavailable("the object store (bucket " + bucket + ") " + what, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? "no details" : e.awsErrorDetails().errorCode();
    }

    @Override
    public void close() {
        s3.close();
    }
}

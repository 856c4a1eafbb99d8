package se.socialfund.bootstrap;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import se.socialfund.adapters.content.ClamdScanner;
import se.socialfund.adapters.content.NotScanned;
import se.socialfund.adapters.content.TikaContentDetector;
import se.socialfund.adapters.content.s3.S3ContentStore;
import se.socialfund.adapters.persistence.document.PostgresContentStore;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.UnitOfWork;
import se.socialfund.application.port.out.document.ContentDetector;
import se.socialfund.application.port.out.document.ContentStore;
import se.socialfund.application.port.out.document.DocumentRepository;
import se.socialfund.application.port.out.document.VirusScanner;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.document.DocumentService;

/**
 * Wires the documents: the use case, the content store chosen by {@code socialfund.documents.store}
 * ({@code postgresql}, the default, or {@code s3}), the virus scanner (clamd when
 * {@code socialfund.documents.clamd.host} is set, otherwise "not scanned"), and Tika's detection.
 */
public class DocumentConfiguration {
    private static final Logger LOG = Logger.getLogger(DocumentConfiguration.class);

    @Produces
    @Singleton
    DocumentService documents(AuditedChanges changes, UnitOfWork unitOfWork, ApplicationRepository applications,
                              se.socialfund.application.port.out.ApplicationPeriods periods,
                              se.socialfund.application.port.out.board.PeriodCases periodCases,
                              DocumentRepository documents, ContentStore contents, ContentDetector detector,
                              VirusScanner scanner,
                              @ConfigProperty(name = "socialfund.documents.spool-dir") Path spool,
                              @ConfigProperty(name = "socialfund.documents.concurrent-stores", defaultValue = "8")
                              int concurrentStores) {
        return new DocumentService(changes, unitOfWork, applications, periods, periodCases, documents, contents,
                detector, scanner, spool, concurrentStores);
    }

    @Produces
    @Singleton
    ContentStore contentStore(@ConfigProperty(name = "socialfund.documents.store") String store,
                              Instance<PostgresContentStore> postgres,
                              @ConfigProperty(name = "socialfund.documents.s3.endpoint") Optional<URI> endpoint,
                              @ConfigProperty(name = "socialfund.documents.s3.region", defaultValue = "us-east-1")
                              String region,
                              @ConfigProperty(name = "socialfund.documents.s3.bucket") Optional<String> bucket,
                              @ConfigProperty(name = "socialfund.documents.s3.access-key-id")
                              Optional<String> accessKeyId,
                              @ConfigProperty(name = "socialfund.documents.s3.secret-access-key")
                              Optional<String> secretAccessKey,
                              @ConfigProperty(name = "socialfund.documents.s3.path-style", defaultValue = "false")
                              boolean pathStyle,
                              @ConfigProperty(name = "socialfund.documents.s3.timeout", defaultValue = "30s")
                              Duration timeout) {
        return switch (store) {
            case "postgresql" -> postgres.get();
            case "s3" -> {
                String name = bucket.filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                        "socialfund.documents.store=s3 needs socialfund.documents.s3.bucket"));
                LOG.infof("documents' content in the S3-compatible store %s, bucket %s (region %s, path-style %s)",
                        endpoint.map(URI::toString).orElse("(AWS)"), name, region, pathStyle);
                yield new S3ContentStore(new S3ContentStore.Settings(endpoint, region, name, accessKeyId,
                        secretAccessKey, pathStyle, timeout));
            }
            default -> throw new IllegalStateException("socialfund.documents.store is postgresql or s3, not "
                    + store);
        };
    }

    void closeContentStore(@Disposes ContentStore store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    @Produces
    @Singleton
    ContentDetector detector() {
        return new TikaContentDetector();
    }

    @Produces
    @Singleton
    VirusScanner scanner(@ConfigProperty(name = "socialfund.documents.clamd.host") Optional<String> host,
                         @ConfigProperty(name = "socialfund.documents.clamd.port", defaultValue = "3310") int port,
                         @ConfigProperty(name = "socialfund.documents.clamd.timeout-ms", defaultValue = "30000")
                         int timeout) {
        return host.filter(h -> !h.isBlank()).<VirusScanner>map(h -> new ClamdScanner(h, port, timeout))
                .orElseGet(NotScanned::new);
    }
}

package se.socialfund.bootstrap;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import se.socialfund.adapters.content.ClamdScanner;
import se.socialfund.adapters.content.NotScanned;
import se.socialfund.adapters.content.TikaContentDetector;
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

    @Produces
    @Singleton
    DocumentService documents(AuditedChanges changes, UnitOfWork unitOfWork, ApplicationRepository applications,
                              DocumentRepository documents, ContentStore contents, ContentDetector detector,
                              VirusScanner scanner,
                              @ConfigProperty(name = "socialfund.documents.spool-dir") Path spool,
                              @ConfigProperty(name = "socialfund.documents.concurrent-stores", defaultValue = "8")
                              int concurrentStores) {
        return new DocumentService(changes, unitOfWork, applications, documents, contents, detector, scanner, spool,
                concurrentStores);
    }

    @Produces
    @Singleton
    ContentStore contentStore(@ConfigProperty(name = "socialfund.documents.store") String store,
                              PostgresContentStore postgres) {
        return switch (store) {
            case "postgresql" -> postgres;
            default -> throw new IllegalStateException("socialfund.documents.store is postgresql, not " + store);
        };
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

package se.socialfund.adapters.rest.document;

import java.time.Instant;
import java.util.UUID;

import se.socialfund.application.port.in.document.DocumentUseCases.DocumentView;
import se.socialfund.domain.document.Document;
import se.socialfund.domain.document.DocumentType;
import se.socialfund.domain.document.Origin;

/** The documents' requests and answers. */
public final class DocumentDtos {
    private DocumentDtos() {
    }

    /** The {@code metadata} part of an upload. */
    public record UploadMetadata(DocumentType type, String title, Origin origin, String secrecyProvision,
                                 UUID supersedes) {
    }

    public record MarkingRequest(String provision) {
    }

    public record SecrecyDto(String provision, Instant markedAt, String markedBy) {
    }

    public record PublicationDto(Instant publishedAt, String publishedBy) {
    }

    public record DocumentDto(UUID id, String ownerType, UUID ownerId, String documentNumber, String caseNumber,
                              int sequence, DocumentType type, String title, Origin origin, String fileName,
                              String mediaType, long size, String sha256, String virusScan, String registeredBy,
                              String registeredByName, Instant registeredAt, UUID supersedes, UUID supersededBy,
                              SecrecyDto secrecy, PublicationDto publication, boolean contentReadable, long version,
                              String contentUrl) {
        public static DocumentDto of(DocumentView view) {
            Document d = view.document();
            return new DocumentDto(d.id(), d.owner().type(), d.owner().id(), d.number().toString(),
                    d.number().caseNumber(), d.number().sequence(), d.type(), d.title(), d.origin(), d.fileName(),
                    d.mediaType(), d.size(), d.sha256(), d.scan().name(), d.registeredBy(), d.registeredByName(),
                    d.registeredAt(), d.supersedes(), d.supersededBy(),
                    d.marking() == null ? null : new SecrecyDto(d.marking().provision(), d.marking().markedAt(),
                            d.marking().markedBy()),
                    d.publication() == null ? null : new PublicationDto(d.publication().publishedAt(),
                            d.publication().publishedBy()),
                    view.contentReadable(), d.version(), DocumentResource.DOCUMENTS + d.id() + "/content");
        }
    }
}

package se.socialfund.adapters.persistence.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.adapters.persistence.ApplicationEntity;
import se.socialfund.adapters.persistence.ApplicationMapper;
import se.socialfund.adapters.persistence.RevisionEntity;
import se.socialfund.adapters.persistence.document.DocumentStore;
import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.out.publication.PublishedRecords;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.document.Document;

/**
 * The public reads in PostgreSQL: a page of investments is one statement (each application's row with its current
 * revision) and one more for all their published documents.
 */
@ApplicationScoped
public class PublicationStore implements PublishedRecords {
    private static final String SELECT = "SELECT a.position, a.id, a.registration_number, a.period_id, a.stage, "
            + "a.version, a.submitted_by, a.received_at, a.updated_at, a.current_revision, CAST(a.state AS text), "
            + "CAST(r.content AS text), r.submitted_at, r.submitted_by, r.answers_completion_request, p.name, "
            + "CAST(EXTRACT(YEAR FROM p.opens_on) AS integer) "
            + "FROM application a JOIN application_revision r "
            + "ON r.application_id = a.id AND r.number = a.current_revision "
            + "JOIN application_period p ON p.id = a.period_id";

    @Inject
    EntityManager em;

    @Inject
    DocumentStore documents;

    @Override
    public Page<Investment> investments(Set<Stage> stages, Integer decisionYear, Stage stage, String office,
                                        int limit, Long after) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        where.add("a.stage IN (:stages)");
        params.put("stages", stage != null ? List.of(stage.name()) : stages.stream().map(Stage::name).toList());
        if (decisionYear != null) {
            // the board's decision that granted the investment, as the state document stores it (ISO date)
            where.add("a.state -> 'investment' -> 'grant' ->> 'meetingDate' LIKE :year");
            params.put("year", String.format("%04d", decisionYear) + "-%");
        }
        if (office != null) {
            where.add("CAST(:office AS text) = ANY(a.offices)");
            params.put("office", office);
        }
        if (after != null) {
            where.add("a.position < :after");
            params.put("after", after);
        }
        Query query = em.createNativeQuery(SELECT + " WHERE " + String.join(" AND ", where)
                + " ORDER BY a.position DESC LIMIT " + (limit + 1));
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return withDocuments(Page.of(rows, limit, r -> ((Number) r[0]).longValue()));
    }

    @Override
    public Optional<Investment> investment(UUID id, Set<Stage> stages) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SELECT + " WHERE a.id = :id AND a.stage IN (:stages)")
                .setParameter("id", id).setParameter("stages", stages.stream().map(Stage::name).toList())
                .getResultList();
        return withDocuments(new Page<>(rows, null)).items().stream().findFirst();
    }

    @Override
    public Optional<Document> publishedDocument(UUID id) {
        return documents.findPublished(id);
    }

    @Override
    public int count(Set<Stage> stages) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM application WHERE stage IN (:stages)")
                .setParameter("stages", stages.stream().map(Stage::name).toList()).getSingleResult()).intValue();
    }

    private Page<Investment> withDocuments(Page<Object[]> rows) {
        Map<UUID, List<Document>> published = documents.publishedOfApplications(
                rows.items().stream().map(r -> (UUID) r[1]).toList());
        return rows.map(r -> new Investment(((Number) r[0]).longValue(),
                ApplicationMapper.toSnapshot(application(r), revision(r)), (String) r[15], ((Number) r[16]).intValue(),
                published.getOrDefault((UUID) r[1], List.of())));
    }

    private static ApplicationEntity application(Object[] r) {
        ApplicationEntity e = new ApplicationEntity();
        e.position = ((Number) r[0]).longValue();
        e.id = (UUID) r[1];
        e.registrationNumber = (String) r[2];
        e.periodId = (UUID) r[3];
        e.stage = (String) r[4];
        e.version = ((Number) r[5]).longValue();
        e.submittedBy = (String) r[6];
        e.receivedAt = SqlArrays.instant(r[7]);
        e.updatedAt = SqlArrays.instant(r[8]);
        e.currentRevision = ((Number) r[9]).intValue();
        e.state = (String) r[10];
        return e;
    }

    private static RevisionEntity revision(Object[] r) {
        RevisionEntity e = new RevisionEntity();
        e.applicationId = (UUID) r[1];
        e.number = ((Number) r[9]).intValue();
        e.content = (String) r[11];
        e.submittedAt = SqlArrays.instant(r[12]);
        e.submittedBy = (String) r[13];
        e.answersCompletionRequest = r[14] == null ? null : ((Number) r[14]).intValue();
        return e;
    }
}

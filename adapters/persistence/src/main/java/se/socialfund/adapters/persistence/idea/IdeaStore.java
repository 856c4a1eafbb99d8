package se.socialfund.adapters.persistence.idea;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import se.socialfund.adapters.persistence.Documents;
import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.in.Page;
import se.socialfund.application.port.in.idea.IdeaSummary;
import se.socialfund.application.port.out.idea.IdeaRepository;
import se.socialfund.domain.idea.Idea;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaEvent;
import se.socialfund.domain.idea.IdeaSnapshot;
import se.socialfund.domain.idea.IdeaStage;
import se.socialfund.domain.shared.StaleVersion;

/**
 * Ideas in PostgreSQL, in plain SQL: the snapshot as jsonb in its row, updated only at the version it was read at;
 * the history appended to {@code idea_event}; the origin of an application made from an idea in
 * {@code application_origin}.
 */
@ApplicationScoped
public class IdeaStore implements IdeaRepository {
    @Inject
    EntityManager em;

    /** The partners an application made from an idea records, as its stored document. */
    record ExternalPartners(List<Organisation> partners) {
    }

    @Override
    public Optional<Idea> find(UUID id) {
        return load("SELECT document FROM idea WHERE id = :id", id);
    }

    @Override
    public Optional<Idea> lockForUpdate(UUID id) {
        return load("SELECT document FROM idea WHERE id = :id FOR UPDATE", id);
    }

    @Override
    public void add(Idea idea) {
        IdeaSnapshot s = idea.snapshot();
        em.createNativeQuery("INSERT INTO idea (id, registration_number, version, stage, title, offices, "
                        + "submitting_office, sponsor_office, submitted_by, application_id, screening_since, "
                        + "received_at, updated_at, document) VALUES (:id, :number, :version, :stage, :title, "
                        + "CAST(:offices AS text[]), :submittingOffice, :sponsor, :submittedBy, :application, "
                        + ":screening, :received, :updated, CAST(:document AS jsonb))")
                .setParameter("id", s.id()).setParameter("number", s.registrationNumber().toString())
                .setParameter("version", s.version()).setParameter("stage", s.stage().name())
                .setParameter("title", s.content().title()).setParameter("offices", SqlArrays.literal(s.offices()))
                .setParameter("submittingOffice", s.content().submittingOffice())
                .setParameter("sponsor", s.sponsoringOffice().orElse(null))
                .setParameter("submittedBy", s.submittedBy())
                .setParameter("application", s.conversion() == null ? null : s.conversion().applicationId())
                .setParameter("screening", s.screeningSince() == null ? null : SqlArrays.utc(s.screeningSince()))
                .setParameter("received", SqlArrays.utc(s.receivedAt()))
                .setParameter("updated", SqlArrays.utc(s.updatedAt()))
                .setParameter("document", Documents.write(Documents.IDEA, s)).executeUpdate();
        appendEvents(idea);
    }

    @Override
    public void update(Idea idea, long loadedVersion) {
        IdeaSnapshot s = idea.snapshot();
        int updated = em.createNativeQuery("UPDATE idea SET version = :version, stage = :stage, "
                        + "sponsor_office = :sponsor, application_id = :application, screening_since = :screening, "
                        + "updated_at = :updated, document = CAST(:document AS jsonb) "
                        + "WHERE id = :id AND version = :loaded")
                .setParameter("version", s.version()).setParameter("stage", s.stage().name())
                .setParameter("sponsor", s.sponsoringOffice().orElse(null))
                .setParameter("application", s.conversion() == null ? null : s.conversion().applicationId())
                .setParameter("screening", s.screeningSince() == null ? null : SqlArrays.utc(s.screeningSince()))
                .setParameter("updated", SqlArrays.utc(s.updatedAt()))
                .setParameter("document", Documents.write(Documents.IDEA, s)).setParameter("id", s.id())
                .setParameter("loaded", loadedVersion).executeUpdate();
        if (updated != 1) {
            Object current = em.createNativeQuery("SELECT version FROM idea WHERE id = :id").setParameter("id", s.id())
                    .getResultStream().findFirst().orElse(0L);
            throw new StaleVersion(loadedVersion, ((Number) current).longValue());
        }
        appendEvents(idea);
    }

    private void appendEvents(Idea idea) {
        for (IdeaEvent e : idea.newEvents()) {
            em.createNativeQuery("INSERT INTO idea_event (idea_id, version, type, occurred_at, actor_subject, "
                            + "actor_name, actor_role, actor_office, stage_before, stage_after, detail) VALUES (:id, "
                            + ":version, :type, :at, :subject, :name, :role, :office, :before, :after, :detail)")
                    .setParameter("id", idea.id()).setParameter("version", e.version()).setParameter("type", e.type())
                    .setParameter("at", SqlArrays.utc(e.at())).setParameter("subject", e.actorSubject())
                    .setParameter("name", e.actorName()).setParameter("role", e.actorRole())
                    .setParameter("office", e.actorOffice())
                    .setParameter("before", e.stageBefore() == null ? null : e.stageBefore().name())
                    .setParameter("after", e.stageAfter().name()).setParameter("detail", e.detail()).executeUpdate();
        }
    }

    @Override
    public Page<IdeaSummary> list(Filter filter, int limit, Long after) {
        List<String> where = new ArrayList<>(List.of("position > :after"));
        if (filter.stage() != null) {
            where.add("stage = :stage");
        }
        if (filter.office() != null) {
            where.add("(offices @> ARRAY[CAST(:office AS text)] OR sponsor_office = :office)");
        }
        List<String> visible = new ArrayList<>();
        if (filter.visibleToOffice() != null) {
            // the offices it concerns (and the one that sent it) until it is sponsored; then the sponsor's only
            visible.add("(sponsor_office = :own OR sponsor_office IS NULL AND (offices @> ARRAY[CAST(:own AS text)] "
                    + "OR submitting_office = :own))");
        }
        if (filter.visibleToSubmitter() != null) {
            visible.add("submitted_by = :submitter");
        }
        if (!visible.isEmpty()) {
            where.add("(" + String.join(" OR ", visible) + ")");
        }
        Query q = em.createNativeQuery("SELECT position, id, registration_number, title, stage, version, offices, "
                        + "sponsor_office, application_id, received_at, updated_at FROM idea WHERE "
                        + String.join(" AND ", where) + " ORDER BY position LIMIT :limit")
                .setParameter("after", after == null ? 0L : after).setParameter("limit", limit + 1);
        if (filter.stage() != null) {
            q.setParameter("stage", filter.stage().name());
        }
        if (filter.office() != null) {
            q.setParameter("office", filter.office());
        }
        if (filter.visibleToOffice() != null) {
            q.setParameter("own", filter.visibleToOffice());
        }
        if (filter.visibleToSubmitter() != null) {
            q.setParameter("submitter", filter.visibleToSubmitter());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        List<IdeaSummary> items = rows.stream().map(r -> new IdeaSummary(((Number) r[0]).longValue(), (UUID) r[1],
                (String) r[2], (String) r[3], IdeaStage.valueOf((String) r[4]), ((Number) r[5]).longValue(),
                SqlArrays.texts(r[6]), (String) r[7], (UUID) r[8], SqlArrays.instant(r[9]),
                SqlArrays.instant(r[10]))).toList();
        return Page.of(items, limit, IdeaSummary::position);
    }

    @Override
    public List<IdeaEvent> history(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT type, occurred_at, actor_subject, actor_name, actor_role, "
                        + "actor_office, stage_before, stage_after, version, detail FROM idea_event "
                        + "WHERE idea_id = :id ORDER BY version").setParameter("id", id).getResultList();
        return rows.stream().map(r -> new IdeaEvent((String) r[0], SqlArrays.instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], r[6] == null ? null : IdeaStage.valueOf((String) r[6]),
                IdeaStage.valueOf((String) r[7]), ((Number) r[8]).longValue(), (String) r[9])).toList();
    }

    @Override
    public List<IdeaSnapshot> inStages(Set<IdeaStage> stages) {
        if (stages.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT document FROM idea WHERE stage = ANY(CAST(:stages AS text[])) "
                        + "ORDER BY position")
                .setParameter("stages", SqlArrays.literal(stages.stream().map(Enum::name).sorted().toList()))
                .getResultList();
        return rows.stream().map(doc -> read(doc.toString())).toList();
    }

    @Override
    public void recordOrigin(UUID applicationId, UUID ideaId, List<Organisation> externalPartners) {
        em.createNativeQuery("INSERT INTO application_origin (application_id, idea_id, external_partners) "
                        + "VALUES (:application, :idea, CAST(:partners AS jsonb))")
                .setParameter("application", applicationId).setParameter("idea", ideaId)
                .setParameter("partners", Documents.write(Documents.APPLICATION_ORIGIN,
                        new ExternalPartners(externalPartners))).executeUpdate();
    }

    private Optional<Idea> load(String sql, UUID id) {
        return em.createNativeQuery(sql).setParameter("id", id).getResultStream().findFirst()
                .map(doc -> Idea.restore(read(doc.toString())));
    }

    static IdeaSnapshot read(String json) {
        return Documents.read(Documents.IDEA, json, IdeaSnapshot.class, null);
    }
}

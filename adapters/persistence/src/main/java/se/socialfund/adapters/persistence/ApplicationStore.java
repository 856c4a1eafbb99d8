package se.socialfund.adapters.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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

import se.socialfund.adapters.persistence.event.SqlArrays;
import se.socialfund.application.port.out.ApplicationFilter;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationEvent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.application.EventType;
import se.socialfund.domain.application.Revision;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.StaleVersion;

/** Applications in PostgreSQL: a row each, their revisions, their history and their offices. */
@ApplicationScoped
public class ApplicationStore implements ApplicationRepository {
    @Inject
    EntityManager em;

    @Override
    public Optional<Application> find(UUID id) {
        // one statement: the row and its current revision together
        List<Object[]> rows = em.createQuery("""
                        select a, r from ApplicationEntity a, RevisionEntity r
                         where a.id = :id and r.applicationId = a.id and r.number = a.currentRevision""",
                        Object[].class)
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        ApplicationEntity e = (ApplicationEntity) rows.get(0)[0];
        RevisionEntity current = (RevisionEntity) rows.get(0)[1];
        em.detach(e);
        em.detach(current);
        return Optional.of(Application.restore(ApplicationMapper.toSnapshot(e, current)));
    }

    @Override
    public void add(Application application) {
        ApplicationEntity e = ApplicationMapper.toEntity(application.snapshot());
        em.persist(e);
        em.flush();
        storeNews(application, position(application.id()));
    }

    @Override
    public void update(Application application, long loadedVersion) {
        ApplicationSnapshot s = application.snapshot();
        ApplicationEntity e = new ApplicationEntity();
        ApplicationMapper.fill(e, s);
        int updated = em.createNativeQuery("""
                        UPDATE application SET stage = :stage, version = :version, title = :title,
                               lead_office = :lead, offices = CAST(:offices AS text[]),
                               requested_amount = :requested, granted_amount = CAST(:granted AS numeric),
                               updated_at = :updatedAt, current_revision = :revision, state = CAST(:state AS jsonb)
                         WHERE id = :id AND version = :loaded""")
                .setParameter("stage", e.stage).setParameter("version", e.version).setParameter("title", e.title)
                .setParameter("lead", e.leadOffice).setParameter("offices", SqlArrays.literal(List.of(e.offices)))
                .setParameter("requested", e.requestedAmount)
                .setParameter("granted", e.grantedAmount == null ? null : e.grantedAmount.toPlainString())
                .setParameter("updatedAt", OffsetDateTime.ofInstant(e.updatedAt, java.time.ZoneOffset.UTC))
                .setParameter("revision", e.currentRevision).setParameter("state", e.state)
                .setParameter("id", s.id()).setParameter("loaded", loadedVersion)
                .executeUpdate();
        if (updated == 0) {
            Object current = em.createNativeQuery("SELECT version FROM application WHERE id = :id")
                    .setParameter("id", s.id()).getSingleResult();
            throw new StaleVersion(loadedVersion, ((Number) current).longValue());
        }
        long position = position(s.id());
        if (application.newRevision().isPresent()) {
            em.createNativeQuery("DELETE FROM application_office WHERE application_id = :id")
                    .setParameter("id", s.id()).executeUpdate();
        }
        storeNews(application, position);
    }

    private long position(UUID id) {
        return ((Number) em.createNativeQuery("SELECT position FROM application WHERE id = :id")
                .setParameter("id", id).getSingleResult()).longValue();
    }

    private void storeNews(Application application, long position) {
        application.newRevision().ifPresent(r -> {
            em.persist(ApplicationMapper.toEntity(application.id(), r));
            for (String office : Set.copyOf(r.content().officeCodes())) {
                em.createNativeQuery("INSERT INTO application_office (office, position, application_id) "
                                + "VALUES (:office, :position, :id)")
                        .setParameter("office", office).setParameter("position", position)
                        .setParameter("id", application.id()).executeUpdate();
            }
        });
        for (ApplicationEvent event : application.newEvents()) {
            ApplicationEventEntity e = new ApplicationEventEntity();
            e.applicationId = application.id();
            e.version = event.version();
            e.type = event.type().name();
            e.at = event.at();
            e.actorSubject = event.actorSubject();
            e.actorName = event.actorName();
            e.actorRole = event.actorRole();
            e.actorOffice = event.actorOffice();
            e.stageBefore = event.stageBefore() == null ? null : event.stageBefore().name();
            e.stageAfter = event.stageAfter().name();
            e.details = Documents.write(Documents.EVENT_DETAILS, new java.util.TreeMap<>(event.details()));
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public Page<ApplicationSummary> list(ApplicationFilter f, int limit, Long after) {
        StringBuilder sql = new StringBuilder("SELECT a.position, a.id, a.registration_number, a.title, a.stage, "
                + "a.version, a.lead_office, a.offices, a.period_id, a.requested_amount, a.granted_amount, "
                + "a.received_at, a.updated_at FROM application a");
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        String positionColumn = "a.position";
        String office = f.visibleToOffice() != null ? f.visibleToOffice() : f.office();
        if (office != null) {
            // an office's list pages through its own index, so deep pages stay as cheap as the first
            sql.append(" JOIN application_office o ON o.application_id = a.id");
            where.add("o.office = :office");
            params.put("office", office);
            positionColumn = "o.position";
            if (f.visibleToOffice() != null && f.office() != null && !f.office().equals(f.visibleToOffice())) {
                // the caller's own applications in which the office asked for takes part too
                where.add("CAST(:other AS text) = ANY(a.offices)");
                params.put("other", f.office());
            }
        }
        if (f.visibleToSubmitter() != null) {
            where.add("a.submitted_by = :submitter");
            params.put("submitter", f.visibleToSubmitter());
        }
        if (f.stage() != null) {
            where.add("a.stage = :stage");
            params.put("stage", f.stage().name());
        }
        if (f.periodId() != null) {
            where.add("a.period_id = :period");
            params.put("period", f.periodId());
        }
        if (f.registrationNumber() != null) {
            where.add("a.registration_number = :number");
            params.put("number", f.registrationNumber());
        }
        if (after != null) {
            where.add(positionColumn + " < :after");
            params.put("after", after);
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ").append(positionColumn).append(" DESC LIMIT ").append(limit + 1);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Page.of(rows.stream().map(ApplicationStore::summary).toList(), limit, ApplicationSummary::position);
    }

    private static ApplicationSummary summary(Object[] r) {
        return new ApplicationSummary(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3],
                Stage.valueOf((String) r[4]), ((Number) r[5]).longValue(), (String) r[6], SqlArrays.texts(r[7]), (UUID) r[8],
                new Money((BigDecimal) r[9]), r[10] == null ? null : new Money((BigDecimal) r[10]), SqlArrays.instant(r[11]),
                SqlArrays.instant(r[12]));
    }

    @Override
    public List<ApplicationEvent> history(UUID id) {
        return em.createQuery("from ApplicationEventEntity e where e.applicationId = :id order by e.version",
                        ApplicationEventEntity.class).setParameter("id", id).getResultStream()
                .map(e -> new ApplicationEvent(EventType.valueOf(e.type), e.at, e.actorSubject, e.actorName,
                        e.actorRole, e.actorOffice, e.stageBefore == null ? null : Stage.valueOf(e.stageBefore),
                        Stage.valueOf(e.stageAfter), e.version, details(e)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> details(ApplicationEventEntity e) {
        return Documents.read(Documents.EVENT_DETAILS, e.details, Map.class, "event " + e.version + " of application "
                + e.applicationId);
    }

    @Override
    public List<Revision> revisions(UUID id) {
        return em.createQuery("from RevisionEntity r where r.applicationId = :id order by r.number",
                        RevisionEntity.class).setParameter("id", id).getResultStream()
                .map(ApplicationMapper::toRevision).toList();
    }

    @Override
    public Optional<Revision> revision(UUID id, int number) {
        return em.createQuery("from RevisionEntity r where r.applicationId = :id and r.number = :n",
                        RevisionEntity.class).setParameter("id", id).setParameter("n", number).getResultStream()
                .findFirst().map(ApplicationMapper::toRevision);
    }

    @Override
    public List<ApplicationSnapshot> inStages(Set<Stage> stages) {
        List<String> names = stages.stream().map(Stage::name).toList();
        List<ApplicationEntity> rows = em.createQuery("from ApplicationEntity a where a.stage in :stages "
                + "order by a.position", ApplicationEntity.class).setParameter("stages", names).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, RevisionEntity> current = new java.util.HashMap<>();
        em.createQuery("select r from RevisionEntity r, ApplicationEntity a where r.applicationId = a.id "
                        + "and r.number = a.currentRevision and a.stage in :stages", RevisionEntity.class)
                .setParameter("stages", names).getResultStream().forEach(r -> current.put(r.applicationId, r));
        rows.forEach(em::detach);
        return rows.stream().map(e -> Application.restore(ApplicationMapper.toSnapshot(e, current.get(e.id))).snapshot())
                .toList();
    }
}

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
import se.socialfund.adapters.persistence.task.ApplicationTaskRows;
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

    /** The municipality's time zone: the work queue's rows carry the deadlines, which are dated in it. */
    @Inject
    java.time.ZoneId zone;

    @Inject
    WrittenApplications written;

    @Inject
    DeferredWrites deferred;

    @Inject
    ApplicationRows rows;

    @Override
    public Optional<Application> find(UUID id) {
        return findWithOrigin(id).map(WithOrigin::application);
    }

    /**
     * Still one statement: the row, its current revision and, when the application was made from an idea, its
     * origin ({@link ApplicationRows}).
     */
    @Override
    public Optional<WithOrigin> findWithOrigin(UUID id) {
        deferred.flush();
        ApplicationRows.Row row = rows.read(List.of(id)).get(id);
        return row == null ? Optional.empty()
                : Optional.of(new WithOrigin(Application.restore(row.snapshot()), row.origin()));
    }

    /**
     * One statement: the row, its first revision, its history and its office rows together (data-modifying CTEs;
     * the foreign keys are checked at the statement's end), deferred to travel with the transaction's next
     * statement ({@link DeferredWrites}). A submission runs it while it holds the registration counter's row, so
     * every round trip saved here is saved for all submissions alike.
     */
    @Override
    public void add(Application application) {
        ApplicationEntity e = ApplicationMapper.toEntity(application.snapshot());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", e.id);
        params.put("number", e.registrationNumber);
        params.put("period", e.periodId);
        params.put("stage", e.stage);
        params.put("version", e.version);
        params.put("title", e.title);
        params.put("lead", e.leadOffice);
        params.put("offices", SqlArrays.literal(List.of(e.offices)));
        params.put("submitter", e.submittedBy);
        params.put("requested", e.requestedAmount);
        params.put("granted", e.grantedAmount == null ? null : e.grantedAmount.toPlainString());
        params.put("receivedAt", SqlArrays.utc(e.receivedAt));
        params.put("updatedAt", SqlArrays.utc(e.updatedAt));
        params.put("revision", e.currentRevision);
        params.put("state", e.state);
        storeNews(application, """
                INSERT INTO application (id, registration_number, period_id, stage, version, title, lead_office,
                       offices, submitted_by, requested_amount, granted_amount, received_at, updated_at,
                       current_revision, state)
                VALUES (:id, :number, :period, :stage, :version, :title, :lead, CAST(:offices AS text[]), :submitter,
                       :requested, CAST(:granted AS numeric), :receivedAt, :updatedAt, :revision,
                       CAST(:state AS jsonb))
                RETURNING id, position""", params, true);
        written.remember(application);
        // the work queue's rows travel with the deferred writes (they refer to the row written above)
        ApplicationTaskRows.statements(application, zone, false).forEach(w -> deferred.defer(w.sql(), w.params()));
    }

    @Override
    public void update(Application application, long loadedVersion) {
        deferred.flush();
        ApplicationSnapshot s = application.snapshot();
        ApplicationEntity e = new ApplicationEntity();
        ApplicationMapper.fill(e, s);
        // the row's position comes back with the update: no second read
        @SuppressWarnings("unchecked")
        List<Number> updated = em.createNativeQuery("""
                        UPDATE application SET stage = :stage, version = :version, title = :title,
                               lead_office = :lead, offices = CAST(:offices AS text[]),
                               requested_amount = :requested, granted_amount = CAST(:granted AS numeric),
                               updated_at = :updatedAt, current_revision = :revision, state = CAST(:state AS jsonb)
                         WHERE id = :id AND version = :loaded
                        RETURNING position""")
                .setParameter("stage", e.stage).setParameter("version", e.version).setParameter("title", e.title)
                .setParameter("lead", e.leadOffice).setParameter("offices", SqlArrays.literal(List.of(e.offices)))
                .setParameter("requested", e.requestedAmount)
                .setParameter("granted", e.grantedAmount == null ? null : e.grantedAmount.toPlainString())
                .setParameter("updatedAt", OffsetDateTime.ofInstant(e.updatedAt, java.time.ZoneOffset.UTC))
                .setParameter("revision", e.currentRevision).setParameter("state", e.state)
                .setParameter("id", s.id()).setParameter("loaded", loadedVersion)
                .getResultList();
        if (updated.isEmpty()) {
            Object current = em.createNativeQuery("SELECT version FROM application WHERE id = :id")
                    .setParameter("id", s.id()).getSingleResult();
            throw new StaleVersion(loadedVersion, ((Number) current).longValue());
        }
        long position = updated.get(0).longValue();
        if (application.newRevision().isPresent()) {
            em.createNativeQuery("DELETE FROM application_office WHERE application_id = :id")
                    .setParameter("id", s.id()).executeUpdate();
        }
        if (application.newRevision().isPresent() || !application.newEvents().isEmpty()) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("id", s.id());
            params.put("position", position);
            storeNews(application, "SELECT CAST(:id AS uuid) AS id, CAST(:position AS bigint) AS position", params,
                    false);
        }
        written.remember(application);
        // the work queue's rows travel with the deferred writes (they refer to the row written above)
        ApplicationTaskRows.statements(application, zone, true).forEach(w -> deferred.defer(w.sql(), w.params()));
    }

    /**
     * The application's new revision (with its office rows) and new history events, in one statement after
     * {@code head}, a query (or a data-modifying statement with RETURNING) that yields the row's id and position.
     */
    private void storeNews(Application application, String head, Map<String, Object> params, boolean defer) {
        StringBuilder sql = new StringBuilder("WITH a AS (").append(head).append(")");
        List<String> parts = new ArrayList<>();
        application.newRevision().ifPresent(r -> {
            RevisionEntity rev = ApplicationMapper.toEntity(application.id(), r);
            parts.add("INSERT INTO application_revision (application_id, number, content, submitted_at, submitted_by, "
                    + "answers_completion_request) SELECT a.id, :revNumber, CAST(:revContent AS jsonb), :revAt, "
                    + "CAST(:revBy AS text), CAST(:revAnswers AS integer) FROM a");
            params.put("revNumber", rev.number);
            params.put("revContent", rev.content);
            params.put("revAt", SqlArrays.utc(rev.submittedAt));
            params.put("revBy", rev.submittedBy);
            params.put("revAnswers", rev.answersCompletionRequest == null ? null
                    : rev.answersCompletionRequest.toString());
            parts.add("INSERT INTO application_office (office, position, application_id) "
                    + "SELECT o, a.position, a.id FROM a, unnest(CAST(:officeCodes AS text[])) o");
            params.put("officeCodes", SqlArrays.literal(List.copyOf(Set.copyOf(r.content().officeCodes()))));
        });
        int i = 0;
        for (ApplicationEvent event : application.newEvents()) {
            String p = "ev" + i++ + "_";
            parts.add("INSERT INTO application_event (application_id, version, type, at, actor_subject, actor_name, "
                    + "actor_role, actor_office, stage_before, stage_after, details) SELECT a.id, :" + p + "version, "
                    + "CAST(:" + p + "type AS text), :" + p + "at, CAST(:" + p + "subject AS text), CAST(:" + p
                    + "name AS text), CAST(:" + p + "role AS text), CAST(:" + p + "office AS text), CAST(:" + p
                    + "before AS text), CAST(:" + p + "after AS text), CAST(:" + p + "details AS jsonb) FROM a");
            params.put(p + "version", event.version());
            params.put(p + "type", event.type().name());
            params.put(p + "at", SqlArrays.utc(event.at()));
            params.put(p + "subject", event.actorSubject());
            params.put(p + "name", event.actorName());
            params.put(p + "role", event.actorRole());
            params.put(p + "office", event.actorOffice());
            params.put(p + "before", event.stageBefore() == null ? null : event.stageBefore().name());
            params.put(p + "after", event.stageAfter().name());
            params.put(p + "details", Documents.write(Documents.EVENT_DETAILS, new java.util.TreeMap<>(event.details())));
        }
        if (parts.isEmpty()) {
            // nothing new but the row itself (an insert must still run)
            parts.add("SELECT count(*) FROM a");
        }
        for (int k = 0; k < parts.size() - 1; k++) {
            sql.append(", n").append(k).append(" AS (").append(parts.get(k)).append(")");
        }
        sql.append(' ').append(parts.get(parts.size() - 1));
        if (defer) {
            // nobody waits for its answer: it travels with the transaction's next statement (DeferredWrites)
            deferred.defer(sql.toString(), params);
            return;
        }
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        if (parts.get(parts.size() - 1).startsWith("SELECT")) {
            query.getResultList();
        } else {
            query.executeUpdate();
        }
    }

    @Override
    public Page<ApplicationSummary> list(ApplicationFilter f, int limit, Long after) {
        deferred.flush();
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
        deferred.flush();
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
        deferred.flush();
        return em.createQuery("from RevisionEntity r where r.applicationId = :id order by r.number",
                        RevisionEntity.class).setParameter("id", id).getResultStream()
                .map(ApplicationMapper::toRevision).toList();
    }

    @Override
    public Optional<Revision> revision(UUID id, int number) {
        deferred.flush();
        return em.createQuery("from RevisionEntity r where r.applicationId = :id and r.number = :n",
                        RevisionEntity.class).setParameter("id", id).setParameter("n", number).getResultStream()
                .findFirst().map(ApplicationMapper::toRevision);
    }

    /** The current state of these applications (those that exist), by id: one query. */
    public Map<UUID, ApplicationSnapshot> snapshots(java.util.Collection<UUID> ids) {
        Map<UUID, ApplicationSnapshot> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        deferred.flush();
        rows.read(ids).forEach((id, row) -> found.put(id, row.snapshot()));
        return found;
    }

    @Override
    public List<ApplicationSnapshot> inStages(Set<Stage> stages) {
        deferred.flush();
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

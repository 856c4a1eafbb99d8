package se.socialfund.adapters.rest.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import se.socialfund.adapters.rest.event.EventResource;
import se.socialfund.adapters.rest.problem.BadParameter;
import se.socialfund.application.port.in.task.TaskQuery;
import se.socialfund.application.port.in.task.TaskQuery.TaskKey;
import se.socialfund.application.port.in.task.TaskQuery.TaskPage;
import se.socialfund.domain.application.Action;

/** The caller's work queue: the applications on which they can take a step now, the most urgent first. */
@Path("/api/v1/tasks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {
    private static final String PREFIX = "t1|";

    @Inject
    TaskQuery tasks;

    /** An application's task, or an idea's (kind IDEA: its id, stage and waiting steps in the idea fields). */
    public record TaskDto(String kind, UUID applicationId, UUID ideaId, String registrationNumber, String stage,
                          String ideaStage, long version, List<String> actions, List<String> ideaActions,
                          LocalDate dueOn, String deadline, Instant waitingSince) {
    }

    public record TaskPageDto(List<TaskDto> items, String nextCursor) {
    }

    @GET
    public TaskPageDto list(@QueryParam("step") String step, @QueryParam("limit") String limit,
                            @QueryParam("cursor") String cursor) {
        Action action = null;
        if (step != null) {
            action = Arrays.stream(Action.values()).filter(a -> a.name().equals(step)).findFirst()
                    .orElseThrow(() -> new BadParameter("step", "a step such as ASSESS_CRITERIA"));
        }
        TaskPage page = tasks.tasks(action, se.socialfund.adapters.rest.Paging.limit(limit), decode(cursor));
        return new TaskPageDto(page.items().stream().map(t -> t.isIdea()
                ? new TaskDto("IDEA", null, t.ideaId(), t.registrationNumber(), null, t.ideaStage().name(),
                        t.version(), null, t.ideaActions().stream().map(Enum::name).toList(), t.dueOn(), t.deadline(),
                        t.waitingSince())
                : new TaskDto("APPLICATION", t.applicationId(), null, t.registrationNumber(), t.stage().name(), null,
                        t.version(), t.actions().stream().map(Action::name).toList(), null, t.dueOn(), t.deadline(),
                        t.waitingSince())).toList(), encode(page.next()));
    }

    static String encode(TaskKey key) {
        if (key == null) {
            return null;
        }
        String text = PREFIX + (key.dueOn() == null ? "" : key.dueOn()) + "|" + key.waitingSince() + "|"
                + key.applicationId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static TaskKey decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                String[] parts = text.substring(PREFIX.length()).split("\\|", -1);
                if (parts.length == 3) {
                    return new TaskKey(parts[0].isEmpty() ? null : LocalDate.parse(parts[0]),
                            Instant.parse(parts[1]), UUID.fromString(parts[2]));
                }
            }
        } catch (RuntimeException e) {
            // reported below
        }
        throw new BadParameter("cursor", "the cursor is not one this API handed out; start again without it");
    }
}

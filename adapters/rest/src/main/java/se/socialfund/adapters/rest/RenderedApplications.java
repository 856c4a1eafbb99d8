package se.socialfund.adapters.rest;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import se.socialfund.application.port.in.ApplicationView;
import se.socialfund.domain.application.Action;

/**
 * The JSON of the applications answered last, kept with the view it was written from: an application answered
 * again as exactly the same view (equal by value: the same version, content, state, computed follow-up, allowed
 * actions and origin) is answered with the same bytes instead of being mapped and written anew. Writing the
 * response was a quarter of a read's CPU.
 *
 * <p><b>Why it cannot answer what the caller may not see or what is no longer so</b>: nothing here decides what is
 * answered. Every request still runs the use case (the database's row as committed, the caller's authorization,
 * what the caller may see and do); only the writing of the view it returns is saved, and only when that view
 * equals, component by component, the view the bytes were written from. The view is made of records, lists and
 * values whose equality is their content, and the writing is a function of the view alone; a view that differs in
 * anything (another caller's allowed actions, small groups hidden, a change of the row by anyone) is written
 * anew. Entries are kept per application and per caller's part of the view (allowed
 * actions, small groups), so callers of other roles do not push one another out.
 *
 * <p>Bounded by size, not count (an application's JSON can be small or large, and one application has an entry for
 * each caller's part of the view): at most {@code socialfund.response-cache.max-bytes} (16 MiB), each entry weighed
 * at twice its JSON's length (the bytes, and the view they were written from); the least recently used go first.
 * 0 turns it off.
 */
@Singleton
public class RenderedApplications {
    private record Key(UUID id, List<Action> allowedActions, boolean smallGroupsSuppressed) {
    }

    private record Rendering(ApplicationView view, byte[] json) {
    }

    private final Cache<Key, Rendering> renderings;
    private final boolean enabled;
    private final ObjectWriter writer;
    private final LongAdder written = new LongAdder();

    @Inject
    public RenderedApplications(ObjectMapper mapper,
            @ConfigProperty(name = "socialfund.response-cache.max-bytes", defaultValue = "16777216") long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("socialfund.response-cache.max-bytes must not be negative");
        }
        this.enabled = maxBytes > 0;
        this.renderings = Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Key key, Rendering rendering) -> (int) Math.min(Integer.MAX_VALUE, 2L * rendering.json().length))
                .build();
        this.writer = mapper.writer();
    }

    /** The response body of this view: the bytes written before for an equal view, or written now. */
    public byte[] json(ApplicationView view) {
        if (!enabled) {
            return write(view);
        }
        Key key = new Key(view.application().id(), view.allowedActions(), view.smallGroupsSuppressed());
        Rendering held = renderings.getIfPresent(key);
        if (held != null && held.view().equals(view)) {
            return held.json();
        }
        byte[] json = write(view);
        renderings.put(key, new Rendering(view, json));
        return json;
    }

    /** How many views were mapped and written (not answered with bytes written before). */
    public long written() {
        return written.sum();
    }

    private byte[] write(ApplicationView view) {
        written.increment();
        try {
            return writer.writeValueAsBytes(ResponseMapper.application(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an application's view could not be written as JSON", e);
        }
    }
}

package se.socialfund.adapters.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import se.socialfund.adapters.persistence.ApplicationMapper.StateDocument;
import se.socialfund.domain.application.ApplicationContent;

/**
 * The jsonb documents of the applications read last, already parsed: an application's {@code state} and its
 * current revision's {@code content}, each with the <b>tag</b> of the row it was parsed from. Parsing them was a
 * quarter of a read's CPU (Jackson, tree and records); a row whose tag is unchanged holds the same text, so its
 * parsed records (immutable) can be used again. {@link ApplicationRows} sends the tags it holds with its one
 * SELECT, and the database sends a document only when the row's tag differs: a hit costs neither the text's
 * transfer nor its parse, a miss costs what a read cost before.
 *
 * <p><b>Why a stale document cannot be served</b>: the tag is the row's {@code version} (or the revision's number),
 * its {@code xmin}, the id of the transaction that wrote this version of the row, and its time of change
 * ({@link ApplicationRows#STATE_TAG}). Every write of the row, by this service or anyone else (another instance, a
 * migration, an operator's {@code UPDATE} by hand, with or without raising the version), makes a new row version
 * with a new {@code xmin}; two writes in one transaction (same {@code xmin}) are two versions of the aggregate
 * (the service raises {@code version} on every change); and should transaction ids be used again (a replica
 * promoted, a restore to a point in time, while instances keep running), the time of change still differs. The tag is compared by the database, in the same statement that reads the row, so the answer is always
 * the row as committed when the statement began; the cache only saves the work of turning the same text into the
 * same records again. Entries are per instance and need no invalidation across instances.
 *
 * <p>At most {@code socialfund.read-cache.max-entries} applications are kept (least recently used go first); 0
 * turns the cache off (every read parses, as before: the benchmark's "what each change bought" runs it so).
 */
@ApplicationScoped
public class ParsedDocuments {
    /** A parsed document and the tag of the row it came from. */
    public record Tagged<T>(String tag, T value) {
    }

    private final Cache<UUID, Tagged<StateDocument>> states;
    private final Cache<UUID, Tagged<ApplicationContent>> contents;
    private final boolean enabled;

    @Inject
    public ParsedDocuments(@ConfigProperty(name = "socialfund.read-cache.max-entries", defaultValue = "2000")
                           int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("socialfund.read-cache.max-entries must not be negative");
        }
        this.enabled = maxEntries > 0;
        this.states = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.contents = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    /** The parse of this application's state kept, if any (its tag: what the tests compare with the row's). */
    public Tagged<?> heldState(UUID application) {
        return state(application);
    }

    /** The parse of this application's current revision's content kept, if any. */
    public Tagged<?> heldContent(UUID application) {
        return content(application);
    }

    Tagged<StateDocument> state(UUID application) {
        return enabled ? states.getIfPresent(application) : null;
    }

    Tagged<ApplicationContent> content(UUID application) {
        return enabled ? contents.getIfPresent(application) : null;
    }

    void rememberState(UUID application, String tag, StateDocument state) {
        if (enabled) {
            states.put(application, new Tagged<>(tag, state));
        }
    }

    void rememberContent(UUID application, String tag, ApplicationContent content) {
        if (enabled) {
            contents.put(application, new Tagged<>(tag, content));
        }
    }
}

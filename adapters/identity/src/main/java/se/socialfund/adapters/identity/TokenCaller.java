package se.socialfund.adapters.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

import se.socialfund.application.port.out.Caller;
import se.socialfund.application.port.out.CurrentCaller;
import se.socialfund.domain.audit.RequestIds;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

/**
 * The caller as the verified bearer token describes them: roles from {@code groups} (only the ones the domain
 * knows), the office from {@code office}, a display name, and the OIDC client. Nothing of the token itself is kept.
 * The contract (and the audit trail) keep the subject, the client and the name to {@value #CLAIM_MAX} characters: a
 * token whose subject or client is longer names nobody the service can record, and is refused like any other bad
 * token (401); a longer display name is only cut.
 */
@RequestScoped
public class TokenCaller implements CurrentCaller {
    /** Set by the REST adapter for every request; a client may send its own, in this form. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** The longest subject, client id and display name openapi.yaml states (AuditEvent, actor). */
    static final int CLAIM_MAX = 255;
    /** The identity's attribute that holds the caller of a token verified before. */
    static final String ACTOR = Actor.class.getName();

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    HttpServerRequest request;

    private Caller caller;

    @Override
    public Caller current() {
        if (caller == null) {
            caller = new Caller(actor(), requestId());
        }
        return caller;
    }

    Actor actor() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("a use case that needs a caller was reached without a signed-in one");
        }
        Actor known = identity.getAttribute(ACTOR);
        // kept with a verified token; used only while the identity's roles are still those it was read with (an
        // augmentor or a roles mapping, neither configured today, could change them after the identity is built)
        return known != null && known.roles().equals(roles(identity)) ? known : actorOf(identity, token);
    }

    private static Set<Role> roles(SecurityIdentity identity) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(r -> Role.fromClaim(r).ifPresent(roles::add));
        return roles;
    }

    /**
     * The caller a verified token names. {@link CachedTokenIdentityProvider} keeps it with the token's identity (as
     * the attribute {@link #ACTOR}), so that a token answered from the cache is not read again on every request.
     */
    static Actor actorOf(SecurityIdentity identity, JsonWebToken token) {
        Set<Role> roles = roles(identity);
        String subject = Optional.ofNullable(token.getSubject()).orElse(identity.getPrincipal().getName());
        Optional<String> client = firstClaim(token, "azp", "client_id");
        if (subject == null || subject.length() > CLAIM_MAX || client.filter(c -> c.length() > CLAIM_MAX).isPresent()) {
            throw new AuthenticationFailedException("the token's subject or client id is over " + CLAIM_MAX
                    + " characters");
        }
        String name = cut(firstClaim(token, "name", "preferred_username").orElse(subject));
        Optional<String> office = firstClaim(token, "office").filter(o -> !o.isBlank());
        return new Actor(subject, name, roles, office, client);
    }

    /** At most {@link #CLAIM_MAX} characters, not splitting a character outside the BMP. */
    static String cut(String text) {
        if (text.length() <= CLAIM_MAX) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(CLAIM_MAX - 1)) ? CLAIM_MAX - 1 : CLAIM_MAX;
        return text.substring(0, end);
    }

    private static Optional<String> firstClaim(JsonWebToken token, String... names) {
        for (String n : names) {
            Object value = token.getClaim(n);
            if (value != null) {
                String text = value.toString();
                if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
                    text = text.substring(1, text.length() - 1);
                }
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    private String requestId() {
        String id = request.getHeader(REQUEST_ID_HEADER);
        return RequestIds.isWellFormed(id) ? id : null;
    }
}

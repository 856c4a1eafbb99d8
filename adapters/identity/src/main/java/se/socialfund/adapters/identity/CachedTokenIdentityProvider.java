package se.socialfund.adapters.identity;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.Credential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token's signature and claims once: the first request with a token goes through the OIDC
 * extension's own verification (signature, {@code exp}, {@code nbf}, issuer, audience, algorithm), and the identity
 * it built is kept in {@link VerifiedTokens} under the SHA-256 of the whole token until the token expires (at most
 * {@code socialfund.token-cache.max-age}); the next requests with the very same token get that identity, bound to
 * their own request. Tokens bound to a key of the client ({@code cnf}: DPoP, mTLS) are verified every time, since
 * their proof belongs to each request. Switched off with {@code socialfund.token-cache.max-entries=0}.
 * See the README's Reliability section for why this is safe.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens<Verified> verified;
    private final LongAdder handedToOidc = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder answeredFirst = new LongAdder();

    @Inject
    public CachedTokenIdentityProvider(OidcIdentityProvider oidc,
            @ConfigProperty(name = "socialfund.token-cache.max-entries", defaultValue = "1000") int maxEntries,
            @ConfigProperty(name = "socialfund.token-cache.max-age", defaultValue = "5M") Duration maxAge) {
        this.oidc = oidc;
        this.verified = new VerifiedTokens<>(Clock.systemUTC(), maxAge, maxEntries);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Before the OIDC extension's own provider (the default priority, 1001), which then verifies what this one does
     * not answer from the cache.
     */
    @Override
    public int priority() {
        return 2_000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential credential) || credential.isOpaque()) {
            return Uni.createFrom().nullItem(); // the OIDC extension's provider comes next
        }
        String token = credential.getToken();
        SecurityIdentity known = fromCache(token, HttpSecurityUtils.getRoutingContextAttribute(request), context);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        verified.beforeVerifying(token);
        handedToOidc.increment();
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /**
     * The identity kept for exactly this token, bound to this request ({@link CachedBearerMechanism}, before the
     * OIDC extension reads the token at all), or null when the token is not in the cache.
     */
    SecurityIdentity answer(String token, RoutingContext routing) {
        SecurityIdentity known = fromCache(token, routing, null);
        if (known != null) {
            answeredFirst.increment();
        }
        return known;
    }

    /** The identity kept for this token, bound to this request, or null when the token is not in the cache. */
    private SecurityIdentity fromCache(String token, RoutingContext routing, AuthenticationRequestContext context) {
        Optional<Verified> known = verified.find(token);
        if (known.isEmpty()) {
            return null;
        }
        answered.increment();
        return known.get().forRequest(routing, context);
    }

    /** How many bearer tokens were handed to the OIDC extension to verify (not found in the cache). */
    public long verifications() {
        return handedToOidc.sum();
    }

    /** How many requests were answered from the cache. */
    public long answeredFromCache() {
        return answered.sum();
    }

    /** How many of those were answered before the OIDC extension's mechanism read the token. */
    public long answeredBeforeOidc() {
        return answeredFirst.sum();
    }

    /** How many verified tokens are kept. */
    public int cachedTokens() {
        return verified.size();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.containsClaim("cnf")) {
            return;
        }
        verified.remember(token, jwt.getExpirationTime(), Verified.of(identity, jwt));
    }

    /**
     * What the OIDC extension's identity holds, without the first request's own context: principal (the verified
     * claims), roles, credentials, the other attributes, and the token's scopes, which the extension grants as
     * permissions.
     */
    private record Verified(Principal principal, Set<String> roles, Set<Credential> credentials,
            Map<String, Object> attributes, Set<String> scopes) {
        static Verified of(SecurityIdentity identity, JsonWebToken jwt) {
            Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
            attributes.remove(ROUTING_CONTEXT);
            attributes.remove(REQUEST_CONTEXT);
            attributes.values().removeIf(Objects::isNull);
            Set<String> scopes = new HashSet<>();
            Object scope = jwt.getClaim("scope");
            List<Object> values = scope instanceof JsonArray array ? List.copyOf(array) : Arrays.asList(scope);
            for (Object value : values) {
                String text = value instanceof JsonString string ? string.getString() : String.valueOf(value);
                for (String s : text.trim().split("\\s+")) {
                    if (value != null && !s.isEmpty()) {
                        scopes.add(s);
                    }
                }
            }
            try {
                // the caller the token names, read once for all the requests the cache answers
                attributes.put(TokenCaller.ACTOR, TokenCaller.actorOf(identity, jwt));
            } catch (AuthenticationFailedException e) {
                // a token that names nobody the service can record: each request is refused as before
            }
            return new Verified(identity.getPrincipal(), Set.copyOf(identity.getRoles()),
                    Set.copyOf(identity.getCredentials()), Map.copyOf(attributes), Set.copyOf(scopes));
        }

        /**
         * The identity for this request, as the OIDC extension would have built it (its authentication context
         * only when the answer is given by an identity provider).
         */
        SecurityIdentity forRequest(RoutingContext routing, AuthenticationRequestContext context) {
            QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(principal)
                    .addRoles(roles).addCredentials(credentials).addAttributes(attributes);
            if (routing != null) {
                builder.addAttribute(ROUTING_CONTEXT, routing);
            }
            if (context != null) {
                builder.addAttribute(REQUEST_CONTEXT, context);
            }
            if (!scopes.isEmpty()) {
                builder.addPermissionsAsString(scopes);
            }
            return builder.build();
        }
    }
}

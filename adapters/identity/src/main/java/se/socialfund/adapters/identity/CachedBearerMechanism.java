package se.socialfund.adapters.identity;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a bearer token that {@link CachedTokenIdentityProvider} holds as verified before the OIDC extension's own
 * mechanism reads it: that mechanism decodes the token's JSON on every request (to tell a JWT from an opaque token)
 * and hands it to the identity providers, which was a tenth of a read's CPU for a token already verified. Any other
 * request (no bearer token, a token not in the cache, a forgery made from a cached one) is left to the OIDC
 * extension, which verifies it in full, remembers it when it verifies, and answers the challenge of a refusal.
 * The cache decides nothing here that it did not decide before: the lookup is the same SHA-256 of the whole token.
 * Should an identity augmentor ever be added to the service, or quarkus-oidc be told to read the token from another
 * header or scheme, this mechanism steps aside, so that every request is quarkus-oidc's again.
 */
@ApplicationScoped
public class CachedBearerMechanism implements HttpAuthenticationMechanism {
    private static final String BEARER = "Bearer ";

    private final CachedTokenIdentityProvider cache;
    private final boolean active;

    /**
     * Active only where quarkus-oidc reads the token as this mechanism does ({@code Authorization: Bearer}, its
     * default: no other header or scheme configured), no identity augmentor exists, and the mechanisms are not all
     * required at once ({@code quarkus.http.auth.inclusive}); otherwise every request goes to quarkus-oidc.
     */
    @Inject
    public CachedBearerMechanism(CachedTokenIdentityProvider cache, Instance<SecurityIdentityAugmentor> augmentors,
            @ConfigProperty(name = "quarkus.oidc.token.header") Optional<String> header,
            @ConfigProperty(name = "quarkus.oidc.token.authorization-scheme", defaultValue = "Bearer") String scheme,
            @ConfigProperty(name = "quarkus.http.auth.inclusive", defaultValue = "false") boolean inclusive) {
        this.cache = cache;
        this.active = !augmentors.iterator().hasNext() && header.isEmpty() && "Bearer".equalsIgnoreCase(scheme)
                && !inclusive;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = active ? bearerToken(context.request().headers().get(HttpHeaders.AUTHORIZATION)) : null;
        SecurityIdentity identity = token == null ? null : cache.answer(token, context);
        return identity == null ? Uni.createFrom().nullItem() : Uni.createFrom().item(identity);
    }

    /**
     * The token of an {@code Authorization} header, read as quarkus-oidc reads it: the scheme is what comes before
     * the first space, {@code Bearer} in any case, and the token everything after that space, as it is.
     */
    static String bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return header.substring(BEARER.length());
    }

    /** No challenge of its own: the OIDC extension's ({@code WWW-Authenticate: Bearer}) is the service's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** Before the OIDC extension's mechanism. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }
}

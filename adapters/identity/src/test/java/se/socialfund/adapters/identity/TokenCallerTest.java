package se.socialfund.adapters.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The caller kept with a verified token is used only while the identity's roles are those it was read with;
 * otherwise the caller is read from the token again.
 */
class TokenCallerTest {
    private static DefaultJWTCallerPrincipal token(String subject, String office) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setClaim("azp", "intranet");
        claims.setClaim("office", office);
        return new DefaultJWTCallerPrincipal(claims);
    }

    private static TokenCaller caller(DefaultJWTCallerPrincipal token, Set<String> roles, Actor kept) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(token)
                .addRoles(roles);
        if (kept != null) {
            identity.addAttribute(TokenCaller.ACTOR, kept);
        }
        TokenCaller caller = new TokenCaller();
        caller.identity = identity.build();
        caller.token = token;
        return caller;
    }

    private static Actor kept(Role role) {
        return new Actor("kept@office", "kept@office", EnumSet.of(role), Optional.of("utbildningskontoret"),
                Optional.of("intranet"));
    }

    @Test
    void theCallerKeptWithTheTokenIsUsedWhileTheRolesAreTheSame() {
        DefaultJWTCallerPrincipal token = token("read@office", "utbildningskontoret");
        Actor kept = kept(Role.APPLICANT);
        assertThat(caller(token, Set.of(Role.APPLICANT.claim()), kept).actor()).isSameAs(kept);
    }

    @Test
    void withOtherRolesTheCallerIsReadFromTheTokenAgain() {
        DefaultJWTCallerPrincipal token = token("read@office", "stadsbyggnadskontoret");
        Actor actor = caller(token, Set.of(Role.AUDITOR.claim()), kept(Role.APPLICANT)).actor();
        assertThat(actor.subject()).isEqualTo("read@office");
        assertThat(actor.roles()).containsExactly(Role.AUDITOR);
        assertThat(actor.office()).contains("stadsbyggnadskontoret");
        assertThat(actor.clientId()).contains("intranet");
    }

    @Test
    void withoutAKeptCallerTheTokenIsReadAndAnOverlongSubjectIsRefused() {
        DefaultJWTCallerPrincipal token = token("read@office", "utbildningskontoret");
        assertThat(caller(token, Set.of(Role.APPLICANT.claim()), null).actor().subject()).isEqualTo("read@office");
        DefaultJWTCallerPrincipal overlong = token("x".repeat(TokenCaller.CLAIM_MAX + 1), "utbildningskontoret");
        SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(overlong).addRole(Role.APPLICANT.claim())
                .build();
        assertThatThrownBy(() -> TokenCaller.actorOf(identity, overlong))
                .isInstanceOf(AuthenticationFailedException.class);
    }
}

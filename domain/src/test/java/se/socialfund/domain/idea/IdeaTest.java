package se.socialfund.domain.idea;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Step;
import se.socialfund.domain.idea.IdeaContent.Contact;
import se.socialfund.domain.idea.IdeaContent.Organisation;
import se.socialfund.domain.idea.IdeaContent.TargetGroup;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.IllegalTransition;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.Role;
import se.socialfund.domain.shared.RuleViolation;
import se.socialfund.domain.shared.StaleVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The idea's lifecycle and rules, without the service around it. */
class IdeaTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor FORM = actor("form-client", null, Role.FORM_INTEGRATION);
    private static final Actor OTHER_FORM = actor("other-form", null, Role.FORM_INTEGRATION);
    private static final Actor OFFICER = actor("officer", "kommunstyrelsens-kontor", Role.FUND_OFFICER);
    private static final Actor HEAD = actor("head", "socialkontoret", Role.OFFICE_HEAD);
    private static final Actor APPLICANT = actor("applicant", "socialkontoret", Role.APPLICANT);
    private static final Actor OTHER_HEAD = actor("other-head", "utbildningskontoret", Role.OFFICE_HEAD);
    private static final Actor AUDITOR = actor("auditor", null, Role.AUDITOR);

    static Actor actor(String subject, String office, Role... roles) {
        return new Actor(subject, subject, Set.of(roles), Optional.ofNullable(office), Optional.empty());
    }

    static IdeaContent content(Integer size, String organisationNumber) {
        return new IdeaContent("Läxhjälp", "Behov", new TargetGroup("Elever", size), null, "Mänskliga",
                "Ekonomiska", List.of("socialkontoret", "utbildningskontoret"), Money.of("100000"), "Två år",
                new Organisation("Föreningen", organisationNumber), null,
                new Contact("Kim Kontaktsson", "kim@example.org", null));
    }

    static Step step(Actor by, long version) {
        return new Step(by, version, AT, ZONE);
    }

    static Idea received() {
        return Idea.receive(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 12), content(40, "802002-3241"),
                step(FORM, 0));
    }

    @Test
    void received_screened_asked_answered_sponsored_and_converted() {
        Idea idea = received();
        assertThat(idea.stage()).isEqualTo(IdeaStage.RECEIVED);
        assertThat(idea.version()).isEqualTo(1);
        idea.startScreening(step(OFFICER, 1));
        idea.askQuestion("Hur många?", step(OFFICER, 2));
        assertThat(idea.allowedActions(OFFICER)).doesNotContain(IdeaAction.ASK_QUESTION)
                .contains(IdeaAction.ANSWER_QUESTION, IdeaAction.DECLINE);
        assertThat(idea.allowedActions(FORM)).containsExactly(IdeaAction.ANSWER_QUESTION, IdeaAction.WITHDRAW);
        idea.answerQuestion("Fyrtio", step(FORM, 3));
        idea.askQuestion("Och sedan?", step(OFFICER, 4));
        idea.answerQuestion("Mer", step(OFFICER, 5));
        assertThat(idea.snapshot().questions()).hasSize(2).allMatch(q -> !q.isOpen());
        assertThat(idea.allowedActions(HEAD)).containsExactly(IdeaAction.SPONSOR);
        idea.sponsor("Vi tar den", step(HEAD, 6));
        assertThat(idea.stage()).isEqualTo(IdeaStage.SPONSORED);
        assertThat(idea.allowedActions(APPLICANT)).containsExactly(IdeaAction.CONVERT);
        assertThat(idea.allowedActions(OTHER_HEAD)).isEmpty();
        List<Organisation> partners = idea.beginConversion(List.of(new Organisation("Studieförbundet",
                "817605-3968"), new Organisation("Föreningen igen", "802002-3241")), step(APPLICANT, 7));
        assertThat(partners).extracting(Organisation::organisationNumber).containsExactly("802002-3241",
                "817605-3968");
        UUID application = UUID.randomUUID();
        idea.converted(application, "KS 2026/0013", partners, step(APPLICANT, 7));
        assertThat(idea.stage()).isEqualTo(IdeaStage.CONVERTED);
        assertThat(idea.snapshot().conversion().applicationId()).isEqualTo(application);
        assertThat(idea.version()).isEqualTo(8);
        assertThat(idea.newEvents()).extracting(IdeaEvent::type).containsExactly("RECEIVED", "SCREENING_STARTED",
                "QUESTION_ASKED", "QUESTION_ANSWERED", "QUESTION_ASKED", "QUESTION_ANSWERED", "SPONSORED",
                "CONVERTED");
        assertThatThrownBy(() -> idea.beginConversion(null, step(APPLICANT, 8)))
                .as("twice").isInstanceOf(IllegalTransition.class);
    }

    @Test
    void refusals_come_in_the_order_role_version_stage_content() {
        Idea idea = received();
        assertThatThrownBy(() -> idea.askQuestion("", step(AUDITOR, 99))).isInstanceOf(AccessDenied.class);
        assertThatThrownBy(() -> idea.askQuestion("", step(OFFICER, 99))).isInstanceOf(StaleVersion.class);
        assertThatThrownBy(() -> idea.askQuestion("", step(OFFICER, 1))).isInstanceOf(IllegalTransition.class);
        idea.startScreening(step(OFFICER, 1));
        assertThatThrownBy(() -> idea.askQuestion(" ", step(OFFICER, 2))).isInstanceOf(RuleViolation.class);
        assertThat(idea.version()).isEqualTo(2);
    }

    @Test
    void only_the_form_that_sent_it_answers_for_the_submitter_and_only_a_concerned_office_sponsors() {
        Idea idea = received();
        idea.startScreening(step(OFFICER, 1));
        idea.askQuestion("?", step(OFFICER, 2));
        assertThatThrownBy(() -> idea.answerQuestion("!", step(OTHER_FORM, 3))).isInstanceOf(AccessDenied.class);
        assertThat(idea.isVisibleTo(OTHER_FORM)).isFalse();
        Actor stranger = actor("h", "stadsbyggnadskontoret", Role.OFFICE_HEAD);
        assertThat(idea.isVisibleTo(stranger)).isFalse();
        assertThatThrownBy(() -> idea.sponsor("Ja", step(stranger, 3))).isInstanceOf(AccessDenied.class);
    }

    @Test
    void the_contact_is_for_fund_officers_and_the_sponsoring_offices_staff_only() {
        Idea idea = received();
        idea.startScreening(step(OFFICER, 1));
        assertThat(List.of(OFFICER, HEAD, APPLICANT, AUDITOR, FORM, OTHER_HEAD)).filteredOn(idea::seesContact)
                .containsExactly(OFFICER);
        idea.sponsor("Ja", step(HEAD, 2));
        assertThat(List.of(OFFICER, HEAD, APPLICANT, AUDITOR, FORM, OTHER_HEAD)).filteredOn(idea::seesContact)
                .containsExactly(OFFICER, HEAD, APPLICANT);
        assertThat(idea.isVisibleTo(OTHER_HEAD)).as("once sponsored, only the sponsor's office").isFalse();
        assertThat(idea.snapshot().withoutContact().content().contact()).isNull();
    }

    @Test
    void content_rules_name_each_field() {
        assertThatThrownBy(() -> Idea.receive(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 1),
                content(4, "802002-3242"), step(FORM, 0))).isInstanceOfSatisfying(RuleViolation.class, e ->
                assertThat(e.violations()).extracting(RuleViolation.Violation::field)
                        .containsExactlyInAnyOrder("targetGroup.size", "organisation.organisationNumber"));
        assertThat(IdeaContent.isOrganisationNumber("212000-0449")).isTrue();
        assertThat(IdeaContent.isOrganisationNumber("2120000449")).isFalse();
        assertThatThrownBy(() -> Idea.receive(UUID.randomUUID(), new RegistrationNumber("KS", 2026, 1),
                content(40, "802002-3241"), step(HEAD, 0))).isInstanceOf(AccessDenied.class);
    }
}

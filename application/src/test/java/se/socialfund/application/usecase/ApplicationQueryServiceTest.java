package se.socialfund.application.usecase;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import se.socialfund.application.port.in.ApplicationSearch;
import se.socialfund.application.port.in.SubmitApplicationUseCase;
import se.socialfund.application.port.in.ApplicationSummary;
import se.socialfund.application.port.in.Page;
import se.socialfund.domain.application.Action;
import se.socialfund.domain.audit.AuditRecord;
import se.socialfund.domain.shared.Actor;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.socialfund.application.usecase.World.*;

class ApplicationQueryServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final ApplicationSearch NO_FILTER = new ApplicationSearch(null, null, null, null);
    private final World world = World.on(DAY).withPeriodAround(DAY);

    private UUID utbWithSoc;
    private UUID kul;
    private UUID kulByForm;

    @BeforeEach
    void three_applications_from_three_offices() {
        utbWithSoc = world.submitted(LEAD, PARTNER).applicationId();
        kul = world.submitted(OTHER).applicationId();
        world.as(form());
        kulByForm = world.submit.submit(new SubmitApplicationUseCase.Command(content(DAY, OTHER), null, null))
                .receipt().applicationId();
    }

    private List<UUID> listedFor(Actor actor, ApplicationSearch filter) {
        Page<ApplicationSummary> page = world.as(actor).queries.list(filter, 50, null);
        return page.items().stream().map(ApplicationSummary::id).toList();
    }

    @Test
    void office_staff_see_only_the_applications_their_office_takes_part_in() {
        assertThat(listedFor(applicant(LEAD), NO_FILTER)).containsExactly(utbWithSoc);
        assertThat(listedFor(officeHead(PARTNER), NO_FILTER)).containsExactly(utbWithSoc);
        assertThat(listedFor(applicant(OTHER), NO_FILTER)).containsExactly(kulByForm, kul);
    }

    @Test
    void a_caller_cannot_widen_the_office_scope_by_asking_for_another_office() {
        ApplicationSearch byOffice = new ApplicationSearch(null, OTHER, null, null);

        // the caller's search has no say in what they may see: only the use case sets the office scope
        assertThat(ApplicationSearch.class.getRecordComponents()).extracting(RecordComponent::getName)
                .containsExactly("stage", "office", "periodId", "registrationNumber");
        assertThat(listedFor(applicant(LEAD), byOffice)).isEmpty();
        assertThat(listedFor(applicant(LEAD), new ApplicationSearch(null, LEAD, null, null)))
                .containsExactly(utbWithSoc);
    }

    @Test
    void fund_officers_auditors_and_advisors_see_every_office() {
        assertThat(listedFor(fundOfficer(), NO_FILTER)).containsExactly(kulByForm, kul, utbWithSoc);
        assertThat(listedFor(auditor(), NO_FILTER)).containsExactly(kulByForm, kul, utbWithSoc);
        assertThat(listedFor(advisor(), NO_FILTER)).containsExactly(kulByForm, kul, utbWithSoc);
        assertThat(listedFor(fundOfficer(), new ApplicationSearch(null, OTHER, null, null)))
                .containsExactly(kulByForm, kul);
    }

    @Test
    void the_application_form_sees_what_it_submitted_and_staff_without_an_office_see_nothing() {
        Actor officeless = new Actor("nobody", null, Set.of(Role.APPLICANT), Optional.empty(), Optional.empty());

        assertThat(listedFor(form(), NO_FILTER)).containsExactly(kulByForm);
        assertThat(listedFor(officeless, NO_FILTER)).isEmpty();
    }

    @Test
    void listing_is_a_read_and_is_not_audited() {
        int before = world.audit.size();

        listedFor(applicant(LEAD), NO_FILTER);

        assertThat(world.audit.size()).isEqualTo(before);
    }

    @Test
    void reading_another_offices_application_is_not_found_and_audited_as_denied() {
        int before = world.audit.size();

        assertThatThrownBy(() -> world.as(applicant(LEAD)).queries.get(kul)).isInstanceOf(NotFound.class);

        assertThat(world.audit.size()).isEqualTo(before + 1);
        assertThat(world.audit.last().outcome()).isEqualTo(AuditRecord.Outcome.DENIED);
        assertThat(world.audit.last().action()).isEqualTo("getApplication");
        assertThat(world.audit.last().objectId()).isEqualTo(kul.toString());
    }

    @Test
    void reading_an_own_application_shows_it_with_the_callers_next_steps_and_audits_nothing() {
        int before = world.audit.size();

        var view = world.as(officeHead(PARTNER)).queries.get(utbWithSoc);

        assertThat(view.application().id()).isEqualTo(utbWithSoc);
        assertThat(view.allowedActions()).containsExactly(Action.WITHDRAW);
        assertThat(world.audit.size()).isEqualTo(before);
    }

    @Test
    void the_history_and_revisions_of_another_offices_application_are_not_found_either() {
        assertThatThrownBy(() -> world.as(applicant(LEAD)).queries.history(kul)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> world.as(applicant(LEAD)).queries.revisions(kul)).isInstanceOf(NotFound.class);
        assertThat(world.as(applicant(OTHER)).queries.revision(kul, 1).number()).isEqualTo(1);
        assertThatThrownBy(() -> world.as(applicant(OTHER)).queries.revision(kul, 2)).isInstanceOf(NotFound.class);
    }
}

package se.socialfund.domain.board;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.BoardDecision.Outcome;
import se.socialfund.domain.application.CriteriaAssessment;
import se.socialfund.domain.application.Fixtures;
import se.socialfund.domain.application.MunicipalPerspective;
import se.socialfund.domain.application.RegistrationNumber;
import se.socialfund.domain.application.Stage;
import se.socialfund.domain.fund.Fund;
import se.socialfund.domain.fund.FundBalance;
import se.socialfund.domain.fund.LedgerEntryKind;
import se.socialfund.domain.period.ApplicationPeriod;
import se.socialfund.domain.shared.AccessDenied;
import se.socialfund.domain.shared.Money;
import se.socialfund.domain.shared.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static se.socialfund.domain.application.Fixtures.*;

class BoardMeetingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate MEETING = DAY.plusDays(10);
    private final ApplicationPeriod period = periodAround(DAY);
    private final AtomicInteger locks = new AtomicInteger();

    private Application ready(int number, ApplicationPeriod in) {
        Application app = Application.submit(UUID.randomUUID(), new RegistrationNumber("KS", 2026, number), in,
                content(DAY).build(), Fixtures.step(applicant(LEAD), 0, DAY));
        app.assessCriteria(new CriteriaAssessment.Draft(allCriteriaMet(), List.of()),
                Fixtures.step(fundOfficer(), app.version(), DAY.plusDays(1)));
        app.addMunicipalPerspective(new MunicipalPerspective.Draft(List.of("safe-childhood"), List.of("4.2"),
                MunicipalPerspective.Recommendation.GRANT, "Fits"), KNOWN_GOALS,
                Fixtures.step(fundOfficer(), app.version(), DAY.plusDays(2)));
        return app;
    }

    private Supplier<Fund> fund(String capital) {
        Fund fund = Fund.restore(new FundBalance(Money.of(capital), Money.ZERO, Money.ZERO));
        return () -> {
            locks.incrementAndGet();
            return fund;
        };
    }

    private static BoardMeeting.Item grant(Application app, String amount) {
        return new BoardMeeting.Item(app.id(), app.version(), Outcome.GRANTED, Money.of(amount), List.of("Rapportera"),
                List.of());
    }

    private static BoardMeeting.Item decline(Application app) {
        return new BoardMeeting.Item(app.id(), app.version(), Outcome.DECLINED, null, List.of(),
                List.of("Andra prioriterades"));
    }

    private static Map<UUID, Application> byId(Application... apps) {
        Map<UUID, Application> m = new HashMap<>();
        for (Application a : apps) {
            m.put(a.id(), a);
        }
        return m;
    }

    private BoardMeeting.Outcome decide(List<BoardMeeting.Item> items, Map<UUID, Application> loaded,
                                        Supplier<Fund> fund) {
        return BoardMeeting.decide(period.id(), new BoardMeeting.Draft(MEETING, "§ 12", items), loaded,
                fundOfficer(), noon(MEETING), STOCKHOLM, fund);
    }

    @Test
    void an_act_decides_every_application_and_commits_every_grant_in_one_fund_locked_once() {
        Application a = ready(1, period), b = ready(2, period), c = ready(3, period);
        BoardMeeting.Outcome outcome = decide(List.of(grant(a, "1000000.00"), decline(b), grant(c, "400000.50")),
                byId(a, b, c), fund("2000000.00"));
        assertThat(List.of(a.stage(), b.stage(), c.stage())).containsExactly(Stage.GRANTED, Stage.DECLINED,
                Stage.GRANTED);
        assertThat(outcome.decisions()).hasSize(3);
        assertThat(outcome.granted()).isEqualTo(Money.of("1400000.50"));
        assertThat(locks.get()).isEqualTo(1);
        Fund fund = outcome.fund().orElseThrow();
        assertThat(fund.newEntries()).extracting(e -> e.kind() + " " + e.amount().format() + " " + e.reference())
                .containsExactly("COMMITMENT 1000000.00 KS " + MEETING + " § 12",
                        "COMMITMENT 400000.50 KS " + MEETING + " § 12");
        assertThat(fund.balance().available()).isEqualTo(Money.of("599999.50"));
        assertThat(fund.newEntries()).allMatch(e -> e.kind() == LedgerEntryKind.COMMITMENT);
    }

    @Test
    void an_act_of_declines_only_locks_no_fund() {
        Application a = ready(1, period);
        assertThat(decide(List.of(decline(a)), byId(a), fund("0.00")).fund()).isEmpty();
        assertThat(locks.get()).isZero();
    }

    @Test
    void a_refused_act_names_every_reason_at_its_place() {
        Application a = ready(1, period), b = ready(2, period), stale = ready(3, period), other = ready(4,
                periodAround(DAY.plusYears(1))), noReason = ready(5, period);
        long staleVersion = stale.version() - 1;
        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> decide(List.of(
                grant(a, "1000000.00"), grant(b, "1000000.01"),
                new BoardMeeting.Item(stale.id(), staleVersion, Outcome.DECLINED, null, List.of(), List.of("x")),
                decline(other),
                new BoardMeeting.Item(noReason.id(), noReason.version(), Outcome.DECLINED, null, List.of(),
                        List.of()),
                decline(ready(6, period))), byId(a, b, stale, other, noReason), fund("2000000.00")));
        assertThat(refused.violations()).extracting(RuleViolation.Violation::field).containsExactly("decisions",
                "decisions.1.grantedAmount", "decisions.2.version", "decisions.3.applicationId",
                "decisions.4.reasons", "decisions.5.applicationId");
        assertThat(refused.getMessage()).contains("6 reasons").contains("nothing was decided");
        assertThat(refused.violations().get(0).message()).contains("2000000.01").contains("2000000.00");
    }

    @Test
    void the_meeting_and_the_list_are_checked_before_any_application_and_a_role_without_the_right_is_403() {
        Application a = ready(1, period);
        assertThatThrownBy(() -> BoardMeeting.decide(period.id(), new BoardMeeting.Draft(null, "12",
                List.of(decline(a), decline(a))), byId(a), fundOfficer(), noon(MEETING), STOCKHOLM, fund("0")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.violations())
                        .extracting(RuleViolation.Violation::field)
                        .containsExactly("meetingDate", "minutesParagraph", "decisions.1.applicationId"));
        assertThat(a.stage()).isEqualTo(Stage.READY_FOR_DECISION);
        assertThatThrownBy(() -> BoardMeeting.decide(period.id(), new BoardMeeting.Draft(MEETING, "§ 1",
                List.of(decline(a))), byId(a), auditor(), noon(MEETING), STOCKHOLM, fund("0")))
                .isInstanceOf(AccessDenied.class);
    }
}

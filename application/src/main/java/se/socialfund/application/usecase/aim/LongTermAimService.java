package se.socialfund.application.usecase.aim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import se.socialfund.application.port.in.FollowUpQueries.AnnualReport;
import se.socialfund.application.port.in.aim.LongTermAimUseCases;
import se.socialfund.application.port.out.ApplicationRepository;
import se.socialfund.application.port.out.aim.LongTermAims;
import se.socialfund.application.usecase.AuditedChanges;
import se.socialfund.application.usecase.Authorization;
import se.socialfund.domain.aim.AimLink;
import se.socialfund.domain.aim.AimValue;
import se.socialfund.domain.aim.ContextIndicator;
import se.socialfund.domain.application.Application;
import se.socialfund.domain.application.ApplicationContent;
import se.socialfund.domain.application.ApplicationSnapshot;
import se.socialfund.domain.shared.NotFound;
import se.socialfund.domain.shared.Role;

/** The long-term aim: context indicators, their yearly values and the investments linked to them. */
public final class LongTermAimService implements LongTermAimUseCases {
    private final AuditedChanges changes;
    private final LongTermAims aims;
    private final ApplicationRepository applications;

    public LongTermAimService(AuditedChanges changes, LongTermAims aims, ApplicationRepository applications) {
        this.changes = changes;
        this.aims = aims;
        this.applications = applications;
    }

    @Override
    public ContextIndicator define(String code, ContextIndicator.Draft draft) {
        return changes.run("defineContextIndicator", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "defining the long-term aim's indicators", Role.FUND_OFFICER);
            subject.object("context-indicator", code, null, null);
            ContextIndicator indicator = ContextIndicator.define(code, draft);
            aims.define(indicator);
            return indicator;
        });
    }

    @Override
    public AimValue enter(String code, Integer year, BigDecimal value) {
        return changes.run("setContextIndicatorValue", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "entering the long-term aim's values", Role.FUND_OFFICER);
            subject.object("context-indicator", code, null, null);
            if (aims.indicator(code).isEmpty()) {
                throw new NotFound("context indicator " + code);
            }
            AimValue entered = AimValue.enter(code, year, value, subject.today().getYear());
            aims.enter(entered);
            return entered;
        });
    }

    @Override
    public AimLink link(UUID applicationId, String indicatorCode, String contextIndicator) {
        return changes.run("linkIndicatorToAim", (caller, subject) -> {
            Application app = applications.find(applicationId)
                    .orElseThrow(() -> new NotFound("application " + applicationId));
            Authorization.visible(app, caller.actor(), subject, applicationId);
            Authorization.requireAny(caller.actor(), "linking an investment to the long-term aim",
                    Role.FUND_OFFICER);
            AimLink link = AimLink.link(applicationId, indicatorCode, app.snapshot().content().indicators().stream()
                            .map(ApplicationContent.Indicator::code).toList(), contextIndicator,
                    contextIndicator != null && aims.indicator(contextIndicator).isPresent());
            aims.link(link);
            return link;
        });
    }

    @Override
    public List<Aim> list() {
        return changes.read("listContextIndicators", (caller, subject) -> {
            Authorization.requireAny(caller.actor(), "the long-term aim", Role.FUND_OFFICER, Role.AUDITOR,
                    Role.SCIENTIFIC_ADVISOR);
            Map<String, List<AimValue>> values = aims.values(Integer.MIN_VALUE, Integer.MAX_VALUE).stream()
                    .sorted(Comparator.comparingInt(AimValue::year))
                    .collect(Collectors.groupingBy(AimValue::indicator));
            Map<String, List<AimLink>> links = aims.links().stream()
                    .collect(Collectors.groupingBy(AimLink::contextIndicator));
            return aims.indicators().stream().map(i -> new Aim(i, values.getOrDefault(i.code(), List.of()),
                    links.getOrDefault(i.code(), List.of()))).toList();
        });
    }

    /**
     * The aim in the annual report of a year (inside the report's read): each indicator's value for the year and the
     * year before, and the year's investments whose indicators are linked to it.
     */
    public List<AnnualReport.AimIndicator> aimOf(int year, List<ApplicationSnapshot> investments) {
        Map<String, Map<Integer, BigDecimal>> values = aims.values(year - 1, year).stream().collect(
                Collectors.groupingBy(AimValue::indicator, Collectors.toMap(AimValue::year, AimValue::value)));
        Map<UUID, ApplicationSnapshot> byId = investments.stream()
                .collect(Collectors.toMap(ApplicationSnapshot::id, Function.identity()));
        List<AnnualReport.AimIndicator> out = new ArrayList<>();
        for (ContextIndicator i : aims.indicators()) {
            List<AnnualReport.LinkedInvestment> linked = new ArrayList<>();
            for (AimLink l : aims.links()) {
                ApplicationSnapshot app = byId.get(l.applicationId());
                if (app == null || !l.contextIndicator().equals(i.code())) {
                    continue;
                }
                Optional<ApplicationContent.Indicator> ind = app.content().indicators().stream()
                        .filter(x -> x.code().equals(l.indicatorCode())).findFirst();
                linked.add(new AnnualReport.LinkedInvestment(app.id(), app.registrationNumber().toString(),
                        app.content().title(), l.indicatorCode(), ind.map(ApplicationContent.Indicator::name)
                        .orElse(null)));
            }
            linked.sort(Comparator.comparing(AnnualReport.LinkedInvestment::registrationNumber)
                    .thenComparing(AnnualReport.LinkedInvestment::indicatorCode));
            Map<Integer, BigDecimal> v = values.getOrDefault(i.code(), Map.of());
            out.add(new AnnualReport.AimIndicator(i.code(), i.name(), i.unit(), i.source(), i.sourceKey(),
                    v.get(year), v.get(year - 1), linked));
        }
        return out;
    }
}

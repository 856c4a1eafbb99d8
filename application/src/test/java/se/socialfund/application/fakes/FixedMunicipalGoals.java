package se.socialfund.application.fakes;

import java.util.Map;

import se.socialfund.application.port.out.MunicipalGoals;

public final class FixedMunicipalGoals implements MunicipalGoals {
    private final Map<String, String> goals;

    public FixedMunicipalGoals(Map<String, String> goals) {
        this.goals = Map.copyOf(goals);
    }

    @Override
    public Map<String, String> all() {
        return goals;
    }
}

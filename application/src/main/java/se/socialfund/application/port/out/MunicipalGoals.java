package se.socialfund.application.port.out;

import java.util.Map;

/** The municipality's overall goals (kommunens övergripande mål), as configured: code to name. */
public interface MunicipalGoals {
    Map<String, String> all();
}

package se.socialfund.application.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import se.socialfund.application.port.in.SubmitApplicationUseCase.Receipt;
import se.socialfund.application.port.out.IdempotencyKeys;

/**
 * Keys per caller. A claim that was never completed (its transaction failed) is forgotten, as a rolled-back claim
 * would be; tests here run one request at a time, so no claim is ever still in progress.
 */
public final class InMemoryIdempotencyKeys implements IdempotencyKeys {
    private final Map<String, String> claimed = new HashMap<>();
    private final Map<String, Earlier> completed = new HashMap<>();

    private static String key(String caller, String key) {
        return caller + "\u0000" + key;
    }

    @Override
    public Optional<Earlier> claim(String caller, String key, String fingerprint) {
        Earlier earlier = completed.get(key(caller, key));
        if (earlier == null) {
            claimed.put(key(caller, key), fingerprint);
        }
        return Optional.ofNullable(earlier);
    }

    @Override
    public void complete(String caller, String key, Receipt receipt) {
        String fingerprint = claimed.remove(key(caller, key));
        if (fingerprint == null) {
            throw new IllegalStateException("completing a key that was not claimed: " + key);
        }
        completed.put(key(caller, key), new Earlier(fingerprint, receipt));
    }

    public int completedKeys() {
        return completed.size();
    }
}

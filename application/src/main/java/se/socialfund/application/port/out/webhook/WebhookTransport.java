package se.socialfund.application.port.out.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import se.socialfund.domain.event.ChangeEvent;

/** Sends a change event to a receiver, signed per the Standard Webhooks specification, and guards where it goes. */
public interface WebhookTransport {
    /** Why the URL may not be called (its host resolves to a private, link-local or other refused address), if so. */
    Optional<String> refusal(URI url);

    /** One attempt: the answer's status, or -1 and the reason when no answer came (or the target was refused). */
    Outcome post(URI url, String messageId, Instant timestamp, ChangeEvent event, List<String> secrets);

    record Outcome(int status, String error) {
        public boolean delivered() {
            return status >= 200 && status < 300;
        }

        public boolean gone() {
            return status == 410;
        }
    }
}

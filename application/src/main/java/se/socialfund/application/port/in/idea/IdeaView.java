package se.socialfund.application.port.in.idea;

import java.util.List;

import se.socialfund.domain.idea.IdeaAction;
import se.socialfund.domain.idea.IdeaSnapshot;

/**
 * An idea as one caller may see it: its state (without the contact unless the caller is a fund officer or of the
 * sponsoring office: the use case removes it, so no adapter can show it by mistake) and the steps this caller may
 * take now.
 *
 * @param contactShown whether {@code idea.content().contact()} is the contact (false: it was removed)
 */
public record IdeaView(IdeaSnapshot idea, List<IdeaAction> allowedActions, boolean contactShown) {
    public IdeaView {
        allowedActions = List.copyOf(allowedActions);
    }
}

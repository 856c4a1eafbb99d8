package se.socialfund.application.usecase;

import se.socialfund.application.port.in.SubmitApplicationUseCase;

/**
 * A submission of an application as a part of another change (an idea's conversion, issue 16): it joins the
 * enclosing change's transaction, so the application, its number, its audit and feed events and whatever the
 * enclosing change writes after it commit together or not at all. Not an in-port: only use cases compose it.
 */
@FunctionalInterface
public interface SubmissionWithinChange {
    SubmitApplicationUseCase.Receipt submitWithin(AuditedChanges.Subject enclosing,
                                                  SubmitApplicationUseCase.Command command);
}

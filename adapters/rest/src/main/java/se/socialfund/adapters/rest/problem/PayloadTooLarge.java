package se.socialfund.adapters.rest.problem;

import java.io.IOException;

/** A body without a declared length that grew past the API's limit while it was read (413). */
public final class PayloadTooLarge extends IOException {
    public PayloadTooLarge(String message) {
        super(message, null);
    }
}

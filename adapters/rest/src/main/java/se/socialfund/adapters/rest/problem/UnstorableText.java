package se.socialfund.adapters.rest.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON string with a character that no text column can hold (NUL) or that is not a character at all (half of a
 * surrogate pair): valid JSON, but it could only be stored altered, so it is refused (422) with its field.
 */
public final class UnstorableText extends JsonMappingException {
    public UnstorableText(JsonParser parser, String message) {
        super(parser, message);
    }

    /** Why the text cannot be stored, or null when it can. */
    public static String problemWith(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "contains a NUL character (\\u0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a surrogate pair (\\u" + Integer.toHexString(c) + "), which is not a character";
            }
        }
        return null;
    }
}

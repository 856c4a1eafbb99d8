package se.socialfund.adapters.rest.dto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/** The size limits of the API, the same as openapi.yaml states. */
public final class Limits {
    public static final int TITLE = 200;
    public static final int NAME = 200;
    public static final int SHORT_TEXT = 2_000;
    public static final int TEXT = 20_000;
    public static final String OFFICE = "[a-z0-9][a-z0-9-]{1,63}";
    public static final String OFFICE_MESSAGE = "an office code: lower-case letters, digits and hyphens";

    private Limits() {
    }

    /** An indicator's value: a decimal number within ±10^12 with at most six decimals. */
    @Documented
    @Constraint(validatedBy = {})
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT,
            ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    @DecimalMin("-1000000000000")
    @DecimalMax("1000000000000")
    @Digits(integer = 13, fraction = 6)
    @ReportAsSingleViolation
    public @interface Measure {
        String message() default "a number within ±1000000000000 with at most six decimals";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}

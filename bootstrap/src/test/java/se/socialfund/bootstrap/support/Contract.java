package se.socialfund.bootstrap.support;

import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

/**
 * openapi.yaml as a test oracle: every request a REST test sends and every response it gets are checked against it.
 * Tests that send a deliberately wrong request check only the response.
 */
public final class Contract {
    public static final Path SPEC = Path.of("..", "openapi.yaml").toAbsolutePath().normalize();

    private static final OpenApiInteractionValidator VALIDATOR =
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString()).build();

    private static final OpenApiValidationFilter FULL = new OpenApiValidationFilter(VALIDATOR);

    private static final OpenApiValidationFilter RESPONSES = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    private Contract() {
    }

    /** Request and response must both follow the contract. */
    public static OpenApiValidationFilter full() {
        return FULL;
    }

    /** The validator behind {@link #full()}, for clients other than RestAssured ({@link PlainClient}). */
    public static OpenApiInteractionValidator validator() {
        return VALIDATOR;
    }

    /** Only the response must follow the contract (the request is wrong on purpose). */
    public static OpenApiValidationFilter responses() {
        return RESPONSES;
    }
}

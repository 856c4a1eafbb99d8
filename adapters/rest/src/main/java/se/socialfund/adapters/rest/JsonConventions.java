package se.socialfund.adapters.rest;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

import se.socialfund.adapters.rest.problem.UnstorableText;

/**
 * Strict JSON: unknown fields, wrong types (a number where text is due, or the reverse), duplicate keys, trailing
 * content, absurd nesting, bodies of too many items and text that cannot be stored as sent are refused rather than
 * guessed at.
 */
@Singleton
public class JsonConventions implements ObjectMapperCustomizer {
    /** Deeper than any request of this API needs; refuses "nesting thousands deep" before it costs anything. */
    static final int MAX_NESTING = 32;
    static final int MAX_STRING = 100_000;
    /**
     * About three times the JSON tokens of the largest request the contract allows (20 goals of 20 indicators,
     * 200 budget lines, 500 measurements): a body of many small items is refused before each is validated.
     */
    static final long MAX_TOKENS = 50_000;

    @Override
    public void customize(ObjectMapper mapper) {
        // reading and writing properties without reflection: a fifth of a read's CPU was Jackson's
        mapper.registerModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        // text stays text: no number or boolean is taken as a string, and no string as a number or boolean
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean,
                            type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(40)
                .maxTokenCount(MAX_TOKENS).build());
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableText()));
        mapper.registerModule(new SimpleModule("contract-bounds").setDeserializerModifier(
                new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                                  BeanDescription description,
                                                                  JsonDeserializer<?> deserializer) {
                        Class<?> type = description.getBeanClass();
                        return type == LocalDate.class ? new Bounded<>(deserializer, 10, "a date, YYYY-MM-DD")
                                : type == UUID.class ? new Bounded<>(deserializer, 36, "a UUID") : deserializer;
                    }
                }));
    }

    /**
     * A date or an id only in the form the contract states (format date, maxLength 10; format uuid, 36): Jackson
     * alone would also take "+10000-01-01" or a 24-character base64 id.
     */
    static final class Bounded<T> extends StdDeserializer<T> implements ContextualDeserializer {
        private final JsonDeserializer<T> delegate;
        private final int length;
        private final String form;

        @SuppressWarnings("unchecked")
        Bounded(JsonDeserializer<?> delegate, int length, String form) {
            super(delegate.handledType());
            this.delegate = (JsonDeserializer<T>) delegate;
            this.length = length;
            this.form = form;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getTextLength() != length) {
                throw InvalidFormatException.from(p, "expected " + form, p.getText(), handledType());
            }
            return delegate.deserialize(p, ctxt);
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            return delegate instanceof ContextualDeserializer c
                    ? new Bounded<>(c.createContextual(ctxt, property), length, form) : this;
        }
    }

    /** Text as Jackson reads it, refused when it holds a character PostgreSQL cannot store as sent. */
    static final class StorableText extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = super.deserialize(p, ctxt);
            String problem = text == null ? null : UnstorableText.problemWith(text);
            if (problem != null) {
                throw new UnstorableText(p, problem);
            }
            return text;
        }
    }
}

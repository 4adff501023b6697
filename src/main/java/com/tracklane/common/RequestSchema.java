package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body checked against its schema in the contract ({@code openapi/openapi.yaml}, as served) and bound to a
 * typed record. Every problem is a {@link FieldError} with the field's path, and the checks live in the contract only.
 *
 * <p>{@link #check} also binds what is valid when something else is not (the top-level fields with a problem are left
 * out, so they are null), so a service can add what the schema cannot know (an unknown airport, a time in the future)
 * and answer every problem at once.
 */
public final class RequestSchema<T> {

    public static final String CONTRACT = "openapi/openapi.yaml";

    private final JsonSchemaCheck schema;
    private final Class<T> type;

    private RequestSchema(JsonSchemaCheck schema, Class<T> type) {
        this.schema = schema;
        this.type = type;
    }

    /** @param name a schema of the contract's {@code components/schemas} */
    public static <T> RequestSchema<T> of(String name, Class<T> type) {
        return new RequestSchema<>(JsonSchemaCheck.of(CONTRACT, "/components/schemas/" + name), type);
    }

    /** The body as far as it is valid, and every problem of it. */
    public record Checked<T>(T value, List<FieldError> errors) {
    }

    /**
     * @throws InvalidInputException when there is no JSON object to bind at all (no body, an array, a number …)
     *                               or the valid part does not bind
     */
    public Checked<T> check(ObjectMapper mapper, JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw InvalidInputException.of("(body)", "a JSON object is required");
        }
        // Numbers a double cannot hold (1e400) are refused first, with their paths: the schema validator and the
        // binding would otherwise turn them into Infinity.
        List<FieldError> errors = InputChecks.numbersOutOfRange(body, "");
        if (errors.isEmpty()) {
            errors = schema.validate(body);
        }
        if (!body.isObject()) {
            throw new InvalidInputException("The request body is not a JSON object.", errors.isEmpty()
                    ? List.of(new FieldError("(body)", "a JSON object is required")) : errors);
        }
        ObjectNode valid = ((ObjectNode) body).deepCopy();
        for (FieldError e : errors) {
            valid.remove(topLevel(e.field()));
        }
        try {
            return new Checked<>(mapper.treeToValue(valid, type), List.copyOf(errors));
        } catch (JsonProcessingException e) {
            // Cannot happen for a body the schema accepts, unless schema and record disagree: still the caller's 400.
            List<FieldError> all = new ArrayList<>(errors);
            all.add(new FieldError("(body)", "invalid value: " + Messages.sanitize(e.getOriginalMessage())));
            throw new InvalidInputException("The request has " + all.size() + " invalid field(s).", all);
        }
    }

    /**
     * {@link #check}, and a 400 with every problem when there is one ({@code what}: "The batch has 2 invalid field(s).").
     */
    public T require(ObjectMapper mapper, JsonNode body, String what) {
        Checked<T> checked = check(mapper, body);
        if (!checked.errors().isEmpty()) {
            throw new InvalidInputException("The " + what + " has " + checked.errors().size() + " invalid field(s).", checked.errors());
        }
        return checked.value();
    }

    /**
     * {@link #require} for a body whose array {@code itemsField} holds items that are checked one by one later (a
     * batch answers a bad item at its index): the envelope is checked against the schema — the array's type and size
     * included — but not the items, which are bound as they are.
     */
    public T requireEnvelope(ObjectMapper mapper, JsonNode body, String itemsField, String what) {
        if (body == null || !body.isObject() || !body.path(itemsField).isArray()) {
            return require(mapper, body, what);
        }
        ObjectNode shell = ((ObjectNode) body).deepCopy();
        ArrayNode placeholders = shell.putArray(itemsField);
        body.get(itemsField).forEach(item -> placeholders.addNull());
        String itemPrefix = itemsField + "[";
        List<FieldError> errors = check(mapper, shell).errors().stream()
                .filter(e -> !e.field().startsWith(itemPrefix))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The " + what + " has " + errors.size() + " invalid field(s).", errors);
        }
        try {
            return mapper.treeToValue(body, type);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.of("(body)", "invalid value: " + Messages.sanitize(e.getOriginalMessage()));
        }
    }

    /** {@code quarantineAddress.lat} → {@code quarantineAddress}; {@code symptoms[0]} → {@code symptoms}. */
    static String topLevel(String path) {
        int end = path.length();
        int dot = path.indexOf('.');
        int bracket = path.indexOf('[');
        if (dot >= 0) {
            end = dot;
        }
        if (bracket >= 0 && bracket < end) {
            end = bracket;
        }
        return path.substring(0, end);
    }
}

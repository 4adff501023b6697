package com.tracklane.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Validates JSON documents against a JSON Schema (2020-12) kept as a classpath resource, e.g. a schema of the
 * OpenAPI contract, and reports every violation as a {@link FieldError} whose field is a path such as
 * {@code itinerary[0].from}.
 */
public final class JsonSchemaCheck {

    private static final String BASE = "https://tracklane.dev/schemas/";

    private final Schema schema;
    /** Answers "conforms" for a valid document without the full validator; see {@link ConformanceCheck}. */
    private final ConformanceCheck.Check fastPath;

    private JsonSchemaCheck(Schema schema, ConformanceCheck.Check fastPath) {
        this.schema = schema;
        this.fastPath = fastPath;
    }

    /**
     * @param resource classpath resource holding the schema document (JSON or YAML)
     * @param pointer  JSON pointer to the schema inside the document ("" for the whole document)
     */
    public static JsonSchemaCheck of(String resource, String pointer) {
        String text = read(resource);
        String iri = BASE + resource;
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(iri, text)));
        return new JsonSchemaCheck(registry.getSchema(SchemaLocation.of(iri + "#" + pointer)), fastPath(text, pointer));
    }

    private static ConformanceCheck.Check fastPath(String text, String pointer) {
        try {
            return ConformanceCheck.compile(new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text), pointer);
        } catch (IOException | RuntimeException e) {
            return document -> false; // every document goes to the full validator
        }
    }

    /**
     * Every violation of the schema, as field errors (empty when the document conforms). A document that certainly
     * conforms is recognised by a compiled fast path; any other goes through the full validator, which words the
     * problems.
     */
    public List<FieldError> validate(JsonNode document) {
        if (document != null && fastPath.conforms(document)) {
            return List.of();
        }
        return validateFully(document);
    }

    /** Always with the full validator (tests compare the fast path with it). */
    List<FieldError> validateFully(JsonNode document) {
        List<Error> errors;
        try {
            errors = schema.validate(document);
        } catch (RuntimeException e) {
            // The validator itself can fail on values it cannot represent (e.g. 1e400 where an enum is expected).
            return List.of(new FieldError("(body)", "contains a value that cannot be validated (e.g. a number out of range)"));
        }
        return errors.stream().map(JsonSchemaCheck::toFieldError).distinct().toList();
    }

    private static FieldError toFieldError(Error error) {
        String path = path(error.getInstanceLocation());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
            return new FieldError(path, "is required");
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
            return new FieldError(path, "is not a known field");
        }
        JsonNode maxItems = error.getSchemaNode() == null ? null
                : error.getSchemaNode().isObject() ? error.getSchemaNode().get("maxItems") : error.getSchemaNode();
        if ("maxItems".equals(error.getKeyword()) && maxItems != null && maxItems.isIntegralNumber()
                && error.getInstanceNode() != null) {
            // The library's message groups digits by locale ("1,000"); counts are written plainly, as elsewhere.
            return new FieldError(path.isEmpty() ? "(body)" : path, "must have at most " + maxItems.asLong()
                    + " items but found " + error.getInstanceNode().size());
        }
        String message = error.getMessage();
        // The library prefixes some messages with the instance path; the field already says where.
        int colon = message.indexOf(": ");
        if (colon > 0 && message.startsWith("$")) {
            message = message.substring(colon + 2);
        }
        return new FieldError(path.isEmpty() ? "(body)" : path, message);
    }

    /** {@code /itinerary/0/from} → {@code itinerary[0].from}. */
    static String path(NodePath location) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                s.append('[').append(index).append(']');
            } else {
                if (!s.isEmpty()) {
                    s.append('.');
                }
                s.append(element);
            }
        }
        return s.toString();
    }

    private static String read(String resource) {
        try (InputStream in = JsonSchemaCheck.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing schema resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

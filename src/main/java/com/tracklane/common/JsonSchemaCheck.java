package com.tracklane.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON documents against a JSON Schema (2020-12) kept as a classpath resource, e.g. a schema of the
 * OpenAPI contract, and reports every violation as a {@link FieldError} whose field is a path such as
 * {@code itinerary[0].from}.
 *
 * <p>Each resource document is read, parsed and made a schema once, and every check taken from it is a sub-schema of
 * that one document (what the library does for a {@code #pointer} location, without parsing the document again each
 * time): the contract is 100 KB of YAML and a dozen request schemas come from it, most of them built while the first
 * requests are answered. Parsing it once instead of a dozen times takes about half a second of CPU off the start.
 */
public final class JsonSchemaCheck {

    private static final String BASE = "https://tracklane.dev/schemas/";

    /** Each resource document as one schema, by resource name. */
    private static final Map<String, Schema> DOCUMENTS = new ConcurrentHashMap<>();
    /** The same documents as parsed trees (the fast path is compiled from them). */
    private static final Map<String, JsonNode> NODES = new ConcurrentHashMap<>();

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
        String iri = BASE + resource;
        Schema document = document(resource, iri);
        ConformanceCheck.Check fast = fastPath(NODES.get(resource), pointer);
        if (pointer.isEmpty()) {
            return new JsonSchemaCheck(document, fast);
        }
        // Sub-schemas of one document share its reference caches: they are resolved one at a time, all at once.
        synchronized (document) {
            Schema sub = document.getRefSchema(SchemaLocation.of(iri + "#" + pointer).getFragment());
            sub.initializeValidators();
            return new JsonSchemaCheck(sub, fast);
        }
    }

    private static Schema document(String resource, String iri) {
        return DOCUMENTS.computeIfAbsent(resource, r -> {
            ObjectMapper reader = r.endsWith(".yaml") || r.endsWith(".yml") ? new YAMLMapper() : new ObjectMapper();
            JsonNode node;
            try {
                node = reader.readTree(read(r));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse schema resource " + r, e);
            }
            NODES.put(r, node);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SchemaLocation.of(iri), node);
        });
    }

    private static ConformanceCheck.Check fastPath(JsonNode document, String pointer) {
        try {
            return ConformanceCheck.compile(document, pointer);
        } catch (RuntimeException e) {
            return body -> false; // every document goes to the full validator
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

    static FieldError toFieldError(Error error) {
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

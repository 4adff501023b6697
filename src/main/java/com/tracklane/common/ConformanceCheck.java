package com.tracklane.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fast path of {@link JsonSchemaCheck}: a schema compiled once into plain checks that answer only "certainly
 * conforms" or "not sure". It is sound in one direction only, which is the one that matters: it says a document
 * conforms only when the full validator would find no problem. Anything else — a violation, a keyword or a
 * construct it does not know (oneOf, not, an unusual pattern, a format other than date and date-time …) in a schema
 * that applies to the document or one of its parts, a string with a line break, a number written as 1.0 where an
 * integer is expected — is "not sure", and the full validator
 * then decides and words the problems, so the problems and their paths are the contract's, exactly as before.
 */
final class ConformanceCheck {

    /** One compiled (sub)schema. */
    @FunctionalInterface
    interface Check {
        boolean conforms(JsonNode node);
    }

    private static final Check NOT_SURE = node -> false;
    private static final Check ANYTHING = node -> true;

    /** Keywords that only annotate: they never make a document invalid. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "examples", "example", "title", "default",
            "$comment", "deprecated");
    /** Patterns of only these (once \d \. \- \+ \s \S are removed) read alike in Java and ECMA-262 on plain text. */
    private static final Pattern SIMPLE_PATTERN = Pattern.compile("[\\^$\\[\\](){}*+?|,0-9A-Za-z_:.@ -]*");
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final JsonNode document;
    /** Compiled $ref targets; a holder first, so that a schema that refers to itself compiles. */
    private final Map<String, Check[]> refs = new HashMap<>();

    private ConformanceCheck(JsonNode document) {
        this.document = document;
    }

    /** The check of the schema at {@code pointer} in {@code document}; $refs resolve within the document. */
    static Check compile(JsonNode document, String pointer) {
        return new ConformanceCheck(document).ref("#" + pointer);
    }

    private Check ref(String ref) {
        if (!ref.startsWith("#")) {
            return NOT_SURE;
        }
        Check[] holder = refs.get(ref);
        if (holder == null) {
            holder = new Check[1];
            refs.put(ref, holder);
            JsonNode target = document.at(ref.substring(1));
            holder[0] = target.isMissingNode() ? NOT_SURE : schema(target);
        }
        Check[] resolved = holder;
        return node -> resolved[0].conforms(node);
    }

    private Check schema(JsonNode schema) {
        if (!schema.isObject()) {
            return schema.isBoolean() && schema.booleanValue() ? ANYTHING : NOT_SURE;
        }
        List<Check> checks = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            if (ANNOTATIONS.contains(keyword.getKey())) {
                continue;
            }
            Check check = keyword(keyword.getKey(), keyword.getValue(), schema);
            if (check == NOT_SURE) {
                return NOT_SURE;
            }
            if (check != ANYTHING) {
                checks.add(check);
            }
        }
        Check[] all = checks.toArray(Check[]::new);
        return node -> {
            for (Check c : all) {
                if (!c.conforms(node)) {
                    return false;
                }
            }
            return true;
        };
    }

    private Check keyword(String name, JsonNode value, JsonNode schema) {
        return switch (name) {
            case "$ref" -> value.isTextual() ? ref(value.asText()) : NOT_SURE;
            case "type" -> type(value);
            case "properties" -> properties(value);
            case "required" -> required(value);
            case "additionalProperties" -> additionalProperties(value, schema.get("properties"));
            case "items" -> items(value);
            case "minItems", "maxItems" -> itemCount(name, value);
            case "uniqueItems" -> uniqueItems(value);
            case "enum" -> textEnum(value);
            case "pattern" -> pattern(value);
            case "minLength", "maxLength" -> length(name, value);
            case "minimum", "maximum" -> bound(name, value);
            case "format" -> format(value);
            case "allOf" -> allOf(value);
            case "anyOf" -> anyOf(value);
            default -> NOT_SURE; // oneOf, not, const, if/then, patternProperties, readOnly … : the full validator decides
        };
    }

    private static Check type(JsonNode value) {
        List<String> types = new ArrayList<>();
        if (value.isTextual()) {
            types.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(t -> types.add(t.asText()));
        } else {
            return NOT_SURE;
        }
        List<Check> any = new ArrayList<>();
        for (String type : types) {
            Check check = switch (type) {
                case "object" -> JsonNode::isObject;
                case "array" -> JsonNode::isArray;
                case "string" -> JsonNode::isTextual;
                case "boolean" -> JsonNode::isBoolean;
                case "null" -> JsonNode::isNull;
                case "number" -> JsonNode::isNumber;
                case "integer" -> JsonNode::isIntegralNumber; // 1.0 is not sure: the full validator decides
                default -> null;
            };
            if (check == null) {
                return NOT_SURE;
            }
            any.add(check);
        }
        return node -> {
            for (Check c : any) {
                if (c.conforms(node)) {
                    return true;
                }
            }
            return false;
        };
    }

    private Check properties(JsonNode value) {
        if (!value.isObject()) {
            return NOT_SURE;
        }
        Map<String, Check> properties = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            // A property whose schema is not sure only matters when the property is there.
            properties.put(property.getKey(), schema(property.getValue()));
        }
        return node -> {
            if (!node.isObject()) {
                return true;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Check check = properties.get(field.getKey());
                if (check != null && !check.conforms(field.getValue())) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check required(JsonNode value) {
        if (!value.isArray()) {
            return NOT_SURE;
        }
        List<String> names = new ArrayList<>();
        value.forEach(n -> names.add(n.asText()));
        return node -> !node.isObject() || names.stream().allMatch(node::has);
    }

    private static Check additionalProperties(JsonNode value, JsonNode properties) {
        if (value.isBoolean() && value.booleanValue()) {
            return ANYTHING;
        }
        if (!value.isBoolean() || (properties != null && !properties.isObject())) {
            return NOT_SURE;
        }
        Set<String> known = new HashSet<>();
        if (properties != null) {
            properties.fieldNames().forEachRemaining(known::add);
        }
        return node -> {
            if (!node.isObject()) {
                return true;
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                if (!known.contains(it.next())) {
                    return false;
                }
            }
            return true;
        };
    }

    private Check items(JsonNode value) {
        if (!value.isObject() && !value.isBoolean()) {
            return NOT_SURE;
        }
        Check item = schema(value); // not sure: only an empty array is sure
        return node -> {
            if (!node.isArray()) {
                return true;
            }
            for (JsonNode element : node) {
                if (!item.conforms(element)) {
                    return false;
                }
            }
            return true;
        };
    }

    private static Check itemCount(String name, JsonNode value) {
        int limit = value.asInt();
        boolean min = name.equals("minItems");
        return !value.canConvertToExactIntegral() ? NOT_SURE
                : node -> !node.isArray() || (min ? node.size() >= limit : node.size() <= limit);
    }

    private static Check uniqueItems(JsonNode value) {
        if (!value.isBoolean()) {
            return NOT_SURE;
        }
        if (!value.booleanValue()) {
            return ANYTHING;
        }
        return node -> {
            if (!node.isArray()) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode element : node) {
                if (!element.isTextual() || !seen.add(element.textValue())) {
                    return false; // a duplicate, or items compared by other rules: not sure
                }
            }
            return true;
        };
    }

    /** An enum of texts (and null). */
    private static Check textEnum(JsonNode value) {
        if (!value.isArray()) {
            return NOT_SURE;
        }
        Set<String> allowed = new HashSet<>();
        boolean nullAllowed = false;
        for (JsonNode v : value) {
            if (v.isNull()) {
                nullAllowed = true;
            } else if (v.isTextual()) {
                allowed.add(v.textValue());
            } else {
                return NOT_SURE;
            }
        }
        boolean orNull = nullAllowed;
        return node -> node.isTextual() ? allowed.contains(node.textValue()) : orNull && node.isNull();
    }

    private static Check pattern(JsonNode value) {
        if (!value.isTextual()) {
            return NOT_SURE;
        }
        String source = value.textValue();
        String unescaped = source.replace("\\d", "").replace("\\.", "").replace("\\-", "").replace("\\+", "");
        // \s and \S read the same in Java and ECMA-262 on ASCII text only (ECMA's spaces include Unicode ones).
        boolean asciiOnly = unescaped.contains("\\s") || unescaped.contains("\\S");
        unescaped = unescaped.replace("\\s", "").replace("\\S", "");
        if (!SIMPLE_PATTERN.matcher(unescaped).matches()) {
            return NOT_SURE;
        }
        Pattern pattern = Pattern.compile(source);
        return node -> !node.isTextual() || (plain(node.textValue(), asciiOnly) && pattern.matcher(node.textValue()).find());
    }

    /**
     * No line break (where Java's {@code $} and ECMA-262's differ: Java's also matches before a final one) and, when
     * asked, nothing beyond ASCII.
     */
    private static boolean plain(String s, boolean asciiOnly) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029' || (asciiOnly && c > 0x7e)) {
                return false;
            }
        }
        return true;
    }

    private static Check length(String name, JsonNode value) {
        int limit = value.asInt();
        // Lengths count code points; UTF-16 units are never fewer, so each bound takes the stricter count.
        return !value.canConvertToExactIntegral() ? NOT_SURE : name.equals("minLength")
                ? node -> !node.isTextual() || node.textValue().codePointCount(0, node.textValue().length()) >= limit
                : node -> !node.isTextual() || node.textValue().length() <= limit;
    }

    private static Check bound(String name, JsonNode value) {
        if (!value.isNumber()) {
            return NOT_SURE;
        }
        BigDecimal limit = value.decimalValue();
        boolean min = name.equals("minimum");
        return node -> {
            if (!node.isNumber()) {
                return true;
            }
            if (node.isDouble() && !Double.isFinite(node.doubleValue())) {
                return false;
            }
            int c = node.decimalValue().compareTo(limit);
            return min ? c >= 0 : c <= 0;
        };
    }

    /** Formats a valid value of which passes whether the validator asserts formats or only annotates them. */
    private static Check format(JsonNode value) {
        return switch (value.asText()) {
            case "date" -> node -> !node.isTextual() || isDate(node.textValue());
            case "date-time" -> node -> !node.isTextual() || isDateTime(node.textValue());
            default -> NOT_SURE;
        };
    }

    private static boolean isDate(String s) {
        return FULL_DATE.matcher(s).matches() && parses(() -> LocalDate.parse(s));
    }

    private static boolean isDateTime(String s) {
        return RFC3339.matcher(s).matches() && !s.contains(":60") && parses(() -> OffsetDateTime.parse(s));
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Check allOf(JsonNode value) {
        List<Check> all = subschemas(value);
        return all == null ? NOT_SURE : node -> all.stream().allMatch(c -> c.conforms(node));
    }

    /** Any branch that conforms proves it (a branch that is not sure proves nothing). */
    private Check anyOf(JsonNode value) {
        List<Check> any = new ArrayList<>();
        value.forEach(s -> any.add(schema(s)));
        return value.isArray() ? node -> any.stream().anyMatch(c -> c.conforms(node)) : NOT_SURE;
    }

    private List<Check> subschemas(JsonNode value) {
        if (!value.isArray()) {
            return null;
        }
        List<Check> checks = new ArrayList<>();
        for (JsonNode s : value) {
            Check check = schema(s);
            if (check == NOT_SURE) {
                return null;
            }
            checks.add(check);
        }
        return checks;
    }
}

package com.tracklane.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person's identifying values (names, passport number, date of birth, e-mail) and their removal from text and JSON
 * where they were copied: every occurrence as a whole word, in any case, becomes {@value #ERASED}. JSON keeps its
 * shape (member names are never touched, only string values).
 */
public final class PersonalValues {

    /** What an erased value reads as. */
    public static final String ERASED = "[erased]";

    private final Pattern pattern;

    private PersonalValues(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The values to erase; null and blank ones are ignored. */
    public static PersonalValues of(Collection<String> values) {
        List<String> words = values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty())
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (words.isEmpty()) {
            return new PersonalValues(null);
        }
        StringBuilder alternatives = new StringBuilder();
        for (String w : words) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(w));
        }
        // a value is a whole word: not preceded or followed by a letter or digit (N0123 is not erased from N01234567)
        return new PersonalValues(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The text with every value erased; null stays null. */
    public String scrub(String text) {
        if (text == null || pattern == null) {
            return text;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.replaceAll(Matcher.quoteReplacement(ERASED)) : text;
    }

    /** A copy of the JSON with every string value scrubbed (the input is never changed); null stays null. */
    public JsonNode scrub(JsonNode json) {
        if (json == null || pattern == null) {
            return json;
        }
        JsonNode copy = json.deepCopy();
        return scrubInPlace(copy);
    }

    private JsonNode scrubInPlace(JsonNode node) {
        if (node.isTextual()) {
            String scrubbed = scrub(node.asText());
            return scrubbed.equals(node.asText()) ? node : TextNode.valueOf(scrubbed);
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                e.setValue(scrubInPlace(e.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrubInPlace(array.get(i)));
            }
        }
        return node;
    }
}

package com.tracklane.web.pages.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * A JSON merge patch (RFC 7396) from the stored document to the edited one: only what changed — a changed member is
 * replaced, a removed one becomes {@code null}, objects are compared member by member, arrays are replaced whole
 * (merge patches cannot change an array in part). Numbers are compared by value (36.9 stored equals "36.90" typed).
 */
final class MergePatches {

    private MergePatches() {
    }

    /** The patch turning {@code before} into {@code after} (both objects); empty when nothing changed. */
    static ObjectNode between(JsonNode before, JsonNode after) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        Iterator<String> names = before.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!after.has(name)) {
                patch.putNull(name);
            }
        }
        Iterator<String> now = after.fieldNames();
        while (now.hasNext()) {
            String name = now.next();
            JsonNode old = before.get(name);
            JsonNode value = after.get(name);
            if (old == null || !same(old, value)) {
                if (old != null && old.isObject() && value.isObject()) {
                    patch.set(name, between(old, value));
                } else {
                    patch.set(name, value);
                }
            }
        }
        return patch;
    }

    /** Equal documents, numbers compared by value. */
    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!b.has(n) || !same(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}

package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A JSON document written canonically (object keys sorted, no white space), so that two bodies that differ only in key
 * order or spacing have the same bytes and the same {@link Hashing} fingerprint.
 */
public final class CanonicalJson {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CanonicalJson() {
    }

    public static byte[] bytes(JsonNode document) {
        try {
            return CANONICAL.writeValueAsBytes(CANONICAL.treeToValue(document, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always writable", e);
        }
    }

    /** SHA-256 (lower-case hex) of the canonical bytes. */
    public static String sha256Hex(JsonNode document) {
        return Hashing.sha256Hex(bytes(document));
    }
}

package com.tracklane.track.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.track.repository.RuleSetRecord;
import com.tracklane.track.repository.RuleVersionRecord;
import java.util.List;

/** Rule sets as stored: the JSON of headers and versions, and the rule-set file the stored rows make. */
public final class RuleSetJson {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RuleSetJson() {
    }

    /** The rule-set file the stored rows make: header, published versions, and an optional extra (draft) version. */
    public static ObjectNode document(RuleSetRecord set, List<RuleVersionRecord> published, JsonNode extra) {
        ObjectNode doc = (ObjectNode) parse(set.headerJson);
        ArrayNode versions = doc.putArray("versions");
        published.forEach(v -> versions.add(parse(v.document)));
        if (extra != null) {
            versions.add(extra);
        }
        return doc;
    }

    /** Stored rule-set JSON (a header or a version); stored JSON that does not parse is a broken database. */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rule-set JSON does not parse", e);
        }
    }

    /** JSON to store. */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Request bodies: at most 256 KiB, parsed as JSON (malformed JSON becomes a 400 problem). */
public final class JsonBodies {

    public static final int MAX_BYTES = 256 * 1024;

    private JsonBodies() {
    }

    public static JsonNode parse(ObjectMapper mapper, byte[] body) throws JsonProcessingException {
        if (body != null && body.length > MAX_BYTES) {
            throw new PayloadTooLargeException(body.length, MAX_BYTES);
        }
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.tracklane.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Request bodies: at most 256 KiB ({@link #MAX_BYTES}), parsed as JSON (malformed JSON becomes a 400 problem). The
 * batch check alone takes up to 4 MiB ({@link #MAX_BATCH_BYTES}): 1,000 realistic checks of about 1.1 KiB each do
 * not fit in 256 KiB (see bench/batch/run).
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 256 * 1024;
    public static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;
    /** The only path with the larger limit. */
    public static final String BATCH_PATH = "/api/v1/eligibility/batch";

    private JsonBodies() {
    }

    public static JsonNode parse(ObjectMapper mapper, byte[] body) throws JsonProcessingException {
        return parse(mapper, body, MAX_BYTES);
    }

    /** With a limit of its own (the batch check's). */
    public static JsonNode parse(ObjectMapper mapper, byte[] body, int limit) throws JsonProcessingException {
        if (body != null && body.length > limit) {
            throw new PayloadTooLargeException(body.length, limit);
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

    /** The limit of a path: 4 MiB for the batch check, 256 KiB for everything else. */
    public static int limitFor(String path) {
        return BATCH_PATH.equals(path) || (BATCH_PATH + "/").equals(path) ? MAX_BATCH_BYTES : MAX_BYTES;
    }

    /** "256 KiB", "4 MiB". */
    public static String describe(long limit) {
        return limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit / 1024 + " KiB";
    }
}

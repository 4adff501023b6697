package com.tracklane.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example requests under {@code examples/} (the tests run with the project directory as working directory). */
public final class Examples {

    public static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {
    }

    /** The text of {@code examples/eligibility.json}, the spec's example check. */
    public static String eligibilityText() {
        try {
            return Files.readString(Path.of("examples", "eligibility.json"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, modifiable copy of the example check. */
    public static ObjectNode eligibility() {
        try {
            return (ObjectNode) JSON.readTree(eligibilityText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A trip as an application's request: without {@code knownAt}, which a submission does not accept. Textual, so
     * that the rest of the text keeps its layout for the tests that edit it further.
     */
    public static String withoutKnownAt(String trip) {
        return trip.replaceFirst("\"knownAt\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*", "");
    }

    public static String text(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.tracklane.track.service;

import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.model.RuleSetProblem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The rule-set files shipped in the jar (and an optional folder of extra or replacing files), parsed, not compiled. */
public final class ShippedRuleSets {

    /** A key written twice is refused, not silently replaced by its last value. */
    private static final YAMLMapper YAML = RuleSetCompiler.YAML;

    /** One file: where it came from and its content. */
    public record Source(String file, JsonNode document) {
        public String id() {
            return document.path("id").asText();
        }
    }

    private ShippedRuleSets() {
    }

    /** By rule-set id; a file in the folder replaces a shipped one with the same id. */
    public static Map<String, Source> read(RuleSetConfig config) {
        Map<String, Source> out = new LinkedHashMap<>();
        List<RuleSetProblem> problems = new ArrayList<>();
        java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> index =
                config.prepared() ? ShippedIndex.documents() : java.util.Optional.empty();
        for (String resource : config.resources()) {
            byte[] bytes = readResource(resource);
            // The tree the build prepared from these very bytes (ShippedIndex), else the YAML parsed here.
            java.util.Optional<JsonNode> prepared = ShippedIndex.document(index, resource, bytes);
            if (prepared.isPresent() && prepared.get().path("id").isTextual()) {
                out.put(prepared.get().get("id").asText(), new Source(resource, prepared.get()));
            } else {
                add(out, problems, resource, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        config.directory().filter(d -> !d.isBlank()).map(Path::of).ifPresent(dir -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                    add(out, problems, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule-set directory " + dir, e);
            }
        });
        if (!problems.isEmpty()) {
            throw new RuleSetLoadException(problems);
        }
        return out;
    }

    private static void add(Map<String, Source> out, List<RuleSetProblem> problems, String file, String text) {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || !node.isObject() || !node.path("id").isTextual()) {
                problems.add(new RuleSetProblem(file, "(file)", null, 0, 0, "the file is empty or has no id"));
                return;
            }
            out.put(node.get("id").asText(), new Source(file, node));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            problems.add(new RuleSetProblem(file, "(file)", null, at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(), "not valid YAML: " + com.tracklane.common.Messages.sanitize(e.getOriginalMessage())));
        }
    }

    private static byte[] readResource(String resource) {
        try (InputStream in = ShippedRuleSets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("rule-set resource not found: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

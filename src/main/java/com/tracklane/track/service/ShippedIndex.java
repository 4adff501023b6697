package com.tracklane.track.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.common.Hashing;
import com.tracklane.track.model.RuleSetLoadException;
import com.tracklane.track.repository.CompiledRuleVersionRepository.Row;
import io.smallrye.config.WithDefault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the build prepares for the shipped rule-set files, so that a start neither parses their YAML nor compiles their
 * CEL: {@value #DOCUMENTS}, each shipped file's tree as JSON keyed by the SHA-256 of the file's bytes, and
 * {@value #COMPILED}, the compiled cache's entries of every shipped version (as {@link CompiledRuleCache} writes them
 * to the database: content hash, payload, digest over the compiling environment).
 *
 * <p>Made by {@link #main} at {@code process-classes} (exec-maven-plugin). Nothing in them is trusted blindly: a file
 * whose bytes do not have the recorded hash is parsed from its YAML, and an entry is used only when its digest matches
 * the running environment, as any entry read from the database ({@link CompiledRuleCache}); anything else is compiled.
 * Without them (dev mode, an IDE build) the service parses and compiles as before.
 */
public final class ShippedIndex {

    static final String DOCUMENTS = "rulesets/shipped-documents.json";
    static final String COMPILED = "rulesets/shipped-compiled.bin";
    private static final int MAGIC = 0x544C5331; // "TLS1"
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private ShippedIndex() {
    }

    /** The tree of a shipped file prepared at build time, when the file's bytes are those it was made from. */
    static Optional<JsonNode> document(Optional<ObjectNode> index, String resource, byte[] bytes) {
        if (index.isEmpty()) {
            return Optional.empty();
        }
        JsonNode entry = index.get().get(resource);
        if (entry == null || !entry.path("sha256").asText("").equals(Hashing.sha256Hex(bytes))) {
            return Optional.empty();
        }
        JsonNode document = entry.get("document");
        return document != null && document.isObject() ? Optional.of(document) : Optional.empty();
    }

    /** The prepared trees (read once per use: the service needs them at start only). */
    static Optional<ObjectNode> documents() {
        byte[] bytes = resource(DOCUMENTS);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            return node instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The compiled entries of the shipped versions; none when the build made none or they do not read back. */
    static List<Row> compiled() {
        return Compiled.ROWS;
    }

    private static final class Compiled {
        static final List<Row> ROWS = read(resource(COMPILED));
    }

    static List<Row> read(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                return List.of();
            }
            int count = in.readInt();
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String contentHash = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    return List.of();
                }
                byte[] payload = in.readNBytes(length);
                rows.add(new Row(contentHash, payload, in.readUTF()));
            }
            return in.available() == 0 ? List.copyOf(rows) : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static byte[] write(List<Row> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(rows.size());
            for (Row r : rows) {
                out.writeUTF(r.contentHash());
                out.writeInt(r.payload().length);
                out.write(r.payload());
                out.writeUTF(r.digest());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = ShippedIndex.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The shipped resources, as configured by default ({@link RuleSetConfig#resources()}). */
    static List<String> shippedResources() {
        try {
            return List.of(RuleSetConfig.class.getMethod("resources").getAnnotation(WithDefault.class).value().split(","));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The build step: {@code args[0]} is the classes directory holding {@code rulesets/}; writes both resources there.
     * A file that does not parse or compile is left out (the service reports it at start, as without the index).
     */
    public static void main(String[] args) throws IOException {
        Path classes = Path.of(args[0]);
        ObjectNode documents = JSON.createObjectNode();
        CompiledRuleCache cache = new CompiledRuleCache(List.of());
        for (String resource : shippedResources()) {
            Path file = classes.resolve(resource);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(file);
            JsonNode document;
            try {
                document = RuleSetCompiler.YAML.readTree(new String(bytes, StandardCharsets.UTF_8));
            } catch (IOException e) {
                continue;
            }
            if (document == null || !document.isObject()) {
                continue;
            }
            ObjectNode entry = documents.putObject(resource);
            entry.put("sha256", Hashing.sha256Hex(bytes));
            entry.set("document", document);
            try {
                new RuleSetCompiler().compile(resource, document, cache);
            } catch (RuleSetLoadException e) {
                // reported by the service at start
            }
        }
        List<Row> rows = cache.writes().stream().map(w -> new Row(w.contentHash(), w.payload(), w.digest()))
                .sorted(java.util.Comparator.comparing(Row::contentHash)).toList();
        Files.write(classes.resolve(DOCUMENTS), JSON.writeValueAsBytes(documents));
        Files.write(classes.resolve(COMPILED), write(rows));
        System.out.printf("[shipped-index] %d rule-set files, %d compiled versions (%s)%n", documents.size(), rows.size(),
                CompiledRuleCache.environment());
    }
}

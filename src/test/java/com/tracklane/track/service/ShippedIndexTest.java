package com.tracklane.track.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.repository.CompiledRuleVersionRepository.Row;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the build prepares for the shipped rule sets ({@link ShippedIndex}, made at process-classes): the prepared tree
 * of each file is the tree its YAML parses to, and only for the very bytes it was made from; the prepared compiled
 * entries are those a compile here writes, byte for byte, so that a load from them is the load CompiledRuleCacheTest
 * proves equal to a fresh compile; and a load from them compiles nothing and copies them for the database.
 */
class ShippedIndexTest {

    private static final List<String> RESOURCES = ShippedIndex.shippedResources();

    private static byte[] source(String resource) throws Exception {
        return Files.readAllBytes(Path.of("src/main/resources").resolve(resource));
    }

    @Test
    void shouldPrepareTheTreeTheYamlParsesToForTheSameBytesOnly() throws Exception {
        Optional<ObjectNode> index = ShippedIndex.documents();
        assertThat(index).as("the build wrote " + ShippedIndex.DOCUMENTS).isPresent();
        assertThat(RESOURCES).hasSize(4);
        for (String resource : RESOURCES) {
            byte[] bytes = source(resource);
            JsonNode yaml = RuleSetCompiler.YAML.readTree(new String(bytes, StandardCharsets.UTF_8));
            assertThat(ShippedIndex.document(index, resource, bytes)).as(resource).contains(yaml);

            byte[] edited = (new String(bytes, StandardCharsets.UTF_8) + "\n# edited\n").getBytes(StandardCharsets.UTF_8);
            assertThat(ShippedIndex.document(index, resource, edited)).as(resource + " edited").isEmpty();
            assertThat(ShippedIndex.document(Optional.empty(), resource, bytes)).isEmpty();
        }
    }

    @Test
    void shouldShipTheEntriesACompileWritesAndLoadFromThemWithoutCompiling() throws Exception {
        CompiledRuleCache fresh = new CompiledRuleCache(List.of());
        List<JsonNode> documents = new ArrayList<>();
        for (String resource : RESOURCES) {
            JsonNode document = RuleSetCompiler.YAML.readTree(new String(source(resource), StandardCharsets.UTF_8));
            documents.add(document);
            new RuleSetCompiler().compile(resource, document, fresh);
        }
        List<Row> shipped = ShippedIndex.compiled();
        List<CompiledRuleCache.Write> written = fresh.writes().stream().sorted(Comparator.comparing(CompiledRuleCache.Write::contentHash)).toList();
        assertThat(shipped).hasSize(written.size()).isNotEmpty();
        for (int i = 0; i < shipped.size(); i++) {
            assertThat(shipped.get(i).contentHash()).isEqualTo(written.get(i).contentHash());
            assertThat(shipped.get(i).digest()).isEqualTo(written.get(i).digest());
            assertThat(shipped.get(i).payload()).isEqualTo(written.get(i).payload());
        }

        CompiledRuleCache cache = CompiledRuleCache.withShipped(List.of());
        for (int i = 0; i < RESOURCES.size(); i++) {
            RuleSetSpec spec = new RuleSetCompiler().compile(RESOURCES.get(i), documents.get(i), cache);
            assertThat(cache.fromCache(spec)).as(RESOURCES.get(i)).isTrue();
        }
        assertThat(cache.writes()).as("copied for the database as they are").hasSize(shipped.size())
                .noneMatch(CompiledRuleCache.Write::replace);

        // Entries stored in the database win; a shipped entry is used only for what they lack, and not copied then.
        CompiledRuleCache stored = CompiledRuleCache.withShipped(shipped.subList(0, 1));
        for (int i = 0; i < RESOURCES.size(); i++) {
            new RuleSetCompiler().compile(RESOURCES.get(i), documents.get(i), stored);
        }
        assertThat(stored.writes()).hasSize(shipped.size() - 1)
                .noneMatch(w -> w.contentHash().equals(shipped.get(0).contentHash()));
    }

    @Test
    void shouldNotTrustEntriesMadeUnderAnotherEnvironmentOrCorrupt() {
        List<Row> shipped = ShippedIndex.compiled();
        CompiledRuleCache other = new CompiledRuleCache(List.of(), shipped, "sha256:another-environment");
        Row first = shipped.get(0);
        assertThat(other.version(first.contentHash(), new CelExpressions(java.util.Map.of()))).isNotNull();
        assertThat(ShippedIndex.read(new byte[] {1, 2, 3})).isEmpty();
        assertThat(ShippedIndex.read(ShippedIndex.write(shipped))).hasSize(shipped.size());
    }
}

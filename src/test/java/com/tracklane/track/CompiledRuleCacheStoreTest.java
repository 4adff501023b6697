package com.tracklane.track;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.repository.CompiledRuleVersionRepository;
import com.tracklane.track.service.CompiledRuleCache;
import com.tracklane.track.service.RuleSetCatalog;
import com.tracklane.track.service.RuleSetCompiler;
import com.tracklane.track.service.RuleSetConfig;
import com.tracklane.track.service.ShippedRuleSets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled rule-set cache in the database: the start wrote an entry for every version it loaded, a load from what
 * is stored compiles nothing, a write of a key another instance wrote first is ignored, and a corrupt entry is
 * compiled again and rewritten.
 */
@QuarkusTest
class CompiledRuleCacheStoreTest {

    @Inject
    CompiledRuleVersionRepository rows;
    @Inject
    CompiledRuleCache.Store store;
    @Inject
    RuleSetCatalog catalog;
    @Inject
    RuleSetConfig config;

    private List<CompiledRuleVersionRepository.Row> stored() {
        return QuarkusTransaction.requiringNew().call(() -> rows.ofEnvironment(CompiledRuleCache.environment()));
    }

    private int loadFromStore(CompiledRuleCache cache) {
        int fromCache = 0;
        RuleSetCompiler compiler = new RuleSetCompiler();
        for (ShippedRuleSets.Source source : ShippedRuleSets.read(config).values()) {
            RuleSetSpec spec = compiler.compile(source.file(), source.document(), cache);
            fromCache += cache.fromCache(spec) ? 1 : 0;
        }
        return fromCache;
    }

    @Test
    void shouldLoadTheShippedRuleSetsFromTheEntriesTheStartWrote() {
        List<String> loaded = catalog.all().stream().flatMap(s -> s.versions().stream()).map(VersionSpec::contentHash).toList();
        assertThat(stored()).extracting(CompiledRuleVersionRepository.Row::contentHash).containsAll(loaded);

        CompiledRuleCache cache = store.read();
        assertThat(loadFromStore(cache)).isEqualTo(ShippedRuleSets.read(config).size());
        assertThat(cache.writes()).isEmpty();
    }

    @Test
    void shouldIgnoreAnEntryWrittenFirstByAnotherInstanceAndRewriteACorruptOne() {
        Map<String, byte[]> before = stored().stream()
                .collect(Collectors.toMap(CompiledRuleVersionRepository.Row::contentHash, CompiledRuleVersionRepository.Row::payload));
        // Another instance compiled the same versions: its inserts meet the stored keys and are ignored.
        CompiledRuleCache racing = new CompiledRuleCache(List.of());
        loadFromStore(racing);
        assertThat(racing.writes()).isNotEmpty().noneMatch(CompiledRuleCache.Write::replace);
        store.write(racing);
        assertThat(stored()).hasSize(before.size());

        // A corrupt entry: not trusted, compiled again, and rewritten as a fresh compile writes it.
        CompiledRuleVersionRepository.Row victim = stored().get(0);
        QuarkusTransaction.requiringNew().run(() -> rows.write(victim.contentHash(), CompiledRuleCache.environment(),
                new byte[] {0, 1, 2}, victim.digest(), true));
        CompiledRuleCache cache = store.read();
        assertThat(loadFromStore(cache)).isLessThan(ShippedRuleSets.read(config).size());
        assertThat(cache.writes()).singleElement().satisfies(w -> {
            assertThat(w.contentHash()).isEqualTo(victim.contentHash());
            assertThat(w.replace()).isTrue();
        });
        store.write(cache);
        Map<String, CompiledRuleVersionRepository.Row> after = stored().stream()
                .collect(Collectors.toMap(CompiledRuleVersionRepository.Row::contentHash, Function.identity()));
        assertThat(after.get(victim.contentHash()).payload()).isEqualTo(before.get(victim.contentHash()));
        assertThat(loadFromStore(store.read())).isEqualTo(ShippedRuleSets.read(config).size());
    }
}

package com.tracklane.track.service;

import com.tracklane.common.Hashing;
import com.tracklane.track.model.RuleSetSpec;
import com.tracklane.track.model.VersionSpec;
import com.tracklane.track.repository.CompiledRuleVersionRepository;
import com.tracklane.track.repository.CompiledRuleVersionRepository.Row;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What compiling rule-set versions produced, for one load: the checked expressions of each version, keyed by the
 * version's content hash and the compiling {@link CheckedExpressions#ENVIRONMENT environment}. A version whose every
 * condition and placeholder is in its entry is not parsed or type-checked again; anything else (no entry, an entry
 * whose digest does not match, bytes that are not a checked expression, an expression the entry lacks) is compiled as
 * without the cache, and the version's entry is (re)written from what compiling gave.
 *
 * <p>The content hash names everything a version's expressions are compiled from (its rules, obligations, grace and
 * the types of its parameters, inherited ones included); the environment names everything else. Entry format: a
 * magic number, then per expression its kind (condition or value), its source and its {@code CheckedExpr} bytes.
 */
public final class CompiledRuleCache {

    private static final int MAGIC = 0x544C4331; // "TLC1"
    private static final byte CONDITION = 'c';
    private static final byte VALUE = 'v';

    /** An entry to write: with {@code replace}, a stored entry under the same key could not be used and goes. */
    public record Write(String contentHash, byte[] payload, String digest, boolean replace) {
    }

    private final String environment;
    /** Entries read back and trusted: content hash → (kind and source → checked bytes). */
    private final Map<String, Map<String, byte[]>> entries = new HashMap<>();
    /** Content hashes whose stored entry could not be trusted. */
    private final Set<String> untrusted = ConcurrentHashMap.newKeySet();
    private final Map<String, Write> writes = new ConcurrentHashMap<>();
    /** Versions compiled wholly from their entries. */
    private final Set<String> restored = ConcurrentHashMap.newKeySet();

    /** Entries from the build's {@link ShippedIndex} that the stored rows lack: copied to the database when used. */
    private final Map<String, Row> shippedOnly = new HashMap<>();

    /** A cache of the stored rows, trusted only when made under {@code environment}. */
    public CompiledRuleCache(Collection<Row> rows, String environment) {
        this(rows, List.of(), environment);
    }

    /**
     * A cache of the stored rows and, for the content hashes they do not hold in a form that can be trusted, of the
     * entries the build made for the shipped versions; each trusted only when made under {@code environment}.
     */
    CompiledRuleCache(Collection<Row> rows, Collection<Row> shipped, String environment) {
        this.environment = environment;
        for (Row row : rows) {
            Optional<Map<String, byte[]>> entry = trusted(row);
            if (entry.isPresent()) {
                entries.put(row.contentHash(), entry.get());
            } else {
                untrusted.add(row.contentHash());
            }
        }
        for (Row row : shipped) {
            if (!entries.containsKey(row.contentHash())) {
                trusted(row).ifPresent(entry -> {
                    entries.put(row.contentHash(), entry);
                    shippedOnly.put(row.contentHash(), row);
                });
            }
        }
    }

    private Optional<Map<String, byte[]>> trusted(Row row) {
        return row.digest() != null && row.payload() != null
                && row.digest().equals(digest(environment, row.contentHash(), row.payload())) ? decode(row.payload()) : Optional.empty();
    }

    /** A cache of the stored rows and of the shipped versions' entries, made under the current environment. */
    static CompiledRuleCache withShipped(Collection<Row> rows) {
        return new CompiledRuleCache(rows, ShippedIndex.compiled(), CheckedExpressions.ENVIRONMENT);
    }

    /** A cache of the stored rows made under the current environment. */
    public CompiledRuleCache(Collection<Row> rows) {
        this(rows, CheckedExpressions.ENVIRONMENT);
    }

    public static String environment() {
        return CheckedExpressions.ENVIRONMENT;
    }

    /** The entries to write after this load (new versions, and replacements of entries that could not be used). */
    public List<Write> writes() {
        return List.copyOf(writes.values());
    }

    /** Whether every version of the rule set was compiled from its entry (nothing parsed or type-checked). */
    public boolean fromCache(RuleSetSpec spec) {
        return spec.versions().stream().map(VersionSpec::contentHash).allMatch(restored::contains);
    }

    /** The expressions of one version, whose content hash is given: from its entry when it has them, else compiled. */
    Version version(String contentHash, CelExpressions cel) {
        return new Version(contentHash, cel, entries.get(contentHash));
    }

    /** Compiles the expressions of one version (one thread), recording their checked form for its entry. */
    final class Version implements ExpressionCompiler {
        private final String contentHash;
        private final CelExpressions cel;
        private final Map<String, byte[]> stored;
        private final Map<String, byte[]> recorded = new LinkedHashMap<>();
        private boolean compiled;

        private Version(String contentHash, CelExpressions cel, Map<String, byte[]> stored) {
            this.contentHash = contentHash;
            this.cel = cel;
            this.stored = stored;
            this.compiled = stored == null;
        }

        @Override
        public CelExpressions.Compiled condition(String source) {
            return expression(CONDITION, source);
        }

        @Override
        public CelExpressions.Compiled value(String source) {
            CelExpressions.Compiled name = cel.bareName(source);
            return name != null ? name : expression(VALUE, source);
        }

        private CelExpressions.Compiled expression(byte kind, String source) {
            String key = (char) kind + source;
            byte[] checked = stored == null ? null : stored.get(key);
            if (checked != null) {
                Optional<CelExpressions.Compiled> restored = cel.restore(source, checked, kind == CONDITION);
                if (restored.isPresent()) {
                    recorded.put(key, checked);
                    return restored.get();
                }
            }
            compiled = true;
            CelExpressions.Compiled fresh = kind == CONDITION ? cel.condition(source) : cel.value(source);
            if (fresh.ok()) {
                CheckedExpressions.write(fresh.expression()).ifPresent(bytes -> recorded.put(key, bytes));
            }
            return fresh;
        }

        /** The version compiled without a problem: its entry is written when it had to compile anything. */
        void finish(boolean ok) {
            if (!ok) {
                return;
            }
            if (!compiled) {
                restored.add(contentHash);
                Row shipped = shippedOnly.get(contentHash);
                if (shipped != null) { // the database gets the build's entry, as if compiled here
                    writes.put(contentHash, new Write(contentHash, shipped.payload(), shipped.digest(), untrusted.contains(contentHash)));
                }
                return;
            }
            byte[] payload = encode(recorded);
            writes.put(contentHash, new Write(contentHash, payload, digest(environment, contentHash, payload),
                    stored != null || untrusted.contains(contentHash)));
        }
    }

    static String digest(String environment, String contentHash, byte[] payload) {
        byte[] head = (environment + "\n" + contentHash + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + payload.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(payload, 0, all, head.length, payload.length);
        return "sha256:" + Hashing.sha256Hex(all);
    }

    static byte[] encode(Map<String, byte[]> expressions) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(expressions.size());
            for (Map.Entry<String, byte[]> e : expressions.entrySet()) {
                byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** The expressions of an entry; empty when the bytes are not in the format (they are then compiled again). */
    static Optional<Map<String, byte[]>> decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (in.readInt() != MAGIC) {
                return Optional.empty();
            }
            int count = in.readInt();
            Map<String, byte[]> out = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String key = new String(in.readNBytes(length(in, payload)), StandardCharsets.UTF_8);
                out.put(key, in.readNBytes(length(in, payload)));
            }
            return in.available() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int length(DataInputStream in, byte[] payload) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("length " + length + " is outside the entry of " + payload.length + " bytes");
        }
        return length;
    }

    /**
     * The stored entries: read in a transaction of their own (a cache that cannot be read only makes the load
     * slower), and written one per transaction — an instance starting at the same time may write the same key first
     * (its entry is as good), and a failed write never fails the load.
     */
    @ApplicationScoped
    public static class Store {
        private static final Logger LOG = Logger.getLogger(CompiledRuleCache.class);
        private final CompiledRuleVersionRepository rows;

        public Store(CompiledRuleVersionRepository rows) {
            this.rows = rows;
        }

        /** The cache as stored; an empty one when it cannot be read (every rule set is then compiled). */
        public CompiledRuleCache read() {
            return read(false);
        }

        /** The cache as stored, and with {@code shipped} the build's entries of the shipped versions it lacks. */
        public CompiledRuleCache read(boolean shipped) {
            List<Row> stored;
            try {
                stored = QuarkusTransaction.requiringNew().call(() -> rows.ofEnvironment(environment()));
            } catch (RuntimeException e) {
                LOG.warnf("The compiled rule-set cache cannot be read (%s): compiling every rule set", e.getClass().getSimpleName());
                stored = List.of();
            }
            return shipped ? withShipped(stored) : new CompiledRuleCache(stored);
        }

        /** Writes what the cache lacked after a load. */
        public void write(CompiledRuleCache cache) {
            for (Write w : cache.writes()) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> rows.write(w.contentHash(), cache.environment, w.payload(), w.digest(),
                            w.replace()));
                } catch (RuntimeException e) {
                    LOG.debugf("Compiled cache entry %s not written (%s); it is compiled again next time", w.contentHash(),
                            e.getClass().getSimpleName());
                }
            }
        }
    }
}

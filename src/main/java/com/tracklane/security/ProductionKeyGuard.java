package com.tracklane.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Refuses to start when the service would trust the development key pair shipped in the repository (whose private
 * key is public), or would serve development tokens, in any profile set that is not purely a development one
 * ({@link DevTokens#developmentOnly}: every active profile among {@code embedded}, {@code dev}, {@code test}).
 * So {@code prod}, {@code staging}, {@code prod,eu} and {@code embedded,staging} are all guarded.
 *
 * <p>At start-up the guard loads <em>every</em> verification key SmallRye JWT 4.x could use, from every property
 * it reads ({@link #KEY_PROPERTIES}; {@code smallrye.jwt.verify.key.location} overrides
 * {@code mp.jwt.verify.publickey.location}, and the inline {@code mp.jwt.verify.publickey} wins over both, but the
 * guard checks all that are set), resolved as SmallRye resolves them ({@code http(s)} URL, {@code file:},
 * {@code classpath:}, or a bare path tried as a file then as a class-path resource; a key store when
 * {@code smallrye.jwt.keystore.password} and {@code smallrye.jwt.keystore.verify.key.alias} are set). It parses
 * PEM public keys, X.509 certificates, bare base64 DER, JWKs, JWK sets (with Jackson: a JSON member name written with
 * escapes is the same name) and base64url-encoded JWKs, and compares key material (RSA modulus and exponent, else the
 * encoded key) with {@code dev-keys/jwt-public.pem}. A key that cannot be loaded or recognised refuses the start; so
 * does any symmetric (HMAC) verification configuration and a dynamic key provider the guard cannot load.
 *
 * <p>A remote JWK set can change after the start; {@link TokenChecks} therefore refuses, at
 * verification time, any token whose signature verifies with the development key in a guarded profile set.
 */
@ApplicationScoped
public class ProductionKeyGuard {

    private static final Logger LOG = Logger.getLogger(ProductionKeyGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String DEV_PUBLIC_KEY_RESOURCE = "dev-keys/jwt-public.pem";
    public static final String INLINE_PROPERTY = "mp.jwt.verify.publickey";
    public static final String LOCATION_PROPERTY = "mp.jwt.verify.publickey.location";
    public static final String SMALLRYE_LOCATION_PROPERTY = "smallrye.jwt.verify.key.location";
    /** Every property SmallRye JWT 4.x reads a verification key from, in its order of precedence. */
    public static final List<String> KEY_PROPERTIES = List.of(INLINE_PROPERTY, SMALLRYE_LOCATION_PROPERTY, LOCATION_PROPERTY);
    public static final String SECRET_KEY_PROPERTY = "smallrye.jwt.verify.secretkey";
    public static final List<String> ALGORITHM_PROPERTIES = List.of("mp.jwt.verify.publickey.algorithm", "smallrye.jwt.verify.algorithm");
    public static final String KEY_PROVIDER_PROPERTY = "smallrye.jwt.verify.key-provider";
    public static final String KEYSTORE_PASSWORD_PROPERTY = "smallrye.jwt.keystore.password";
    public static final String KEYSTORE_ALIAS_PROPERTY = "smallrye.jwt.keystore.verify.key.alias";
    public static final String AUDIENCES_PROPERTY = "mp.jwt.verify.audiences";
    private static final String NONE = "NONE"; // SmallRye JWT's "not set"
    private static final int URL_TIMEOUT_MILLIS = 5_000;
    private static final int URL_ATTEMPTS = 3;

    /** Thrown at start-up; Quarkus then stops with this message. */
    public static final class RefusedToStart extends IllegalStateException {
        public RefusedToStart(String message) {
            super(message);
        }
    }

    /**
     * One configured verification key as the guard sees it.
     *
     * @param source    where it comes from (for messages)
     * @param content   the key text, {@code null} when it could not be read
     * @param readError why it could not be read, {@code null} when it was read
     */
    public record ConfiguredKey(String source, String content, String readError) {
        public static ConfiguredKey of(String source, String content) {
            return new ConfiguredKey(source, content, null);
        }

        public static ConfiguredKey unreadable(String source, String why) {
            return new ConfiguredKey(source, null, why);
        }
    }

    /** What a key text holds: public keys, and whether it also holds a symmetric (secret) key. */
    public record KeyMaterial(List<PublicKey> publicKeys, boolean symmetric) {
        static KeyMaterial none() {
            return new KeyMaterial(List.of(), false);
        }
    }

    void onStart(@Observes StartupEvent event) {
        check(ConfigUtils.getProfiles(), ConfigProvider.getConfig());
    }

    /** True when the active profiles need the guard: anything but a set made only of embedded, dev and test. */
    public static boolean guarded(List<String> activeProfiles) {
        return !DevTokens.developmentOnly(activeProfiles);
    }

    /** Reads the configuration and throws {@link RefusedToStart} when anything is wrong. */
    static void check(List<String> profiles, Config config) {
        if (!guarded(profiles)) {
            return;
        }
        boolean devTokens = optional(config, DevTokens.ENABLED_PROPERTY, Boolean.class).orElse(false);
        List<String> refusals = new ArrayList<>(refusals(profiles, devTokens, configuredKeys(config), devPublicKey()));
        refusals.addAll(configurationRefusals(config));
        if (!refusals.isEmpty()) {
            throw new RefusedToStart(message(profiles, refusals));
        }
        LOG.debug("Production key guard: no verification key is the development key; development tokens are off");
    }

    /**
     * The decision on the keys. Returns why the service must not start (empty: it may). Profile sets made only of
     * embedded, dev and test are not guarded: they are meant to use the development key.
     */
    public static List<String> refusals(List<String> activeProfiles, boolean devTokensEnabled, List<ConfiguredKey> keys, String devPublicKeyPem) {
        List<String> out = new ArrayList<>();
        if (!guarded(activeProfiles)) {
            return out;
        }
        if (devTokensEnabled) {
            out.add(DevTokens.ENABLED_PROPERTY + " is true: the development token endpoint (POST " + DevTokens.PATH
                    + ") only runs in the embedded, dev and test profiles. Remove the setting (and any TRACKLANE_DEV_TOKENS_ENABLED variable).");
        }
        if (keys.isEmpty()) {
            out.add("no token verification key is configured: set TRACKLANE_JWT_PUBLIC_KEY_LOCATION (" + LOCATION_PROPERTY
                    + ") to your identity provider's public key or JWKS, and TRACKLANE_JWT_ISSUER to its issuer.");
        }
        List<PublicKey> dev = publicKeys(devPublicKeyPem);
        for (ConfiguredKey key : keys) {
            if (key.readError() != null) {
                out.add("the token verification key at " + key.source() + " cannot be loaded (" + key.readError()
                        + "); a key the guard cannot load is not trusted.");
                continue;
            }
            KeyMaterial material = material(key.content());
            if (material.symmetric()) {
                out.add("the token verification key (" + key.source() + ") holds a symmetric (HMAC) key: only asymmetric keys "
                        + "from your identity provider are accepted outside the embedded, dev and test profiles.");
            } else if (material.publicKeys().isEmpty()) {
                out.add("the token verification key (" + key.source() + ") is not a PEM public key, X.509 certificate, JWK or "
                        + "JWK set the guard can read; a key the guard cannot load is not trusted.");
            } else if (containsAny(material.publicKeys(), dev)) {
                out.add("the token verification key (" + key.source() + ") is the development key shipped in the repository ("
                        + DEV_PUBLIC_KEY_RESOURCE + "), whose private key is public: anyone could sign a token for any role. "
                        + "Set TRACKLANE_JWT_PUBLIC_KEY_LOCATION to your identity provider's public key or JWKS.");
            }
        }
        return out;
    }

    /** Refusals that do not depend on key material: symmetric keys, HMAC algorithms, dynamic key providers, no audience. */
    static List<String> configurationRefusals(Config config) {
        List<String> out = new ArrayList<>();
        if (optional(config, SECRET_KEY_PROPERTY).isPresent()) {
            out.add(SECRET_KEY_PROPERTY + " is set: symmetric (HMAC) verification keys are not accepted outside the embedded, dev "
                    + "and test profiles (anyone holding the secret can sign tokens).");
        }
        for (String property : ALGORITHM_PROPERTIES) {
            optional(config, property).filter(a -> a.strip().toUpperCase(Locale.ROOT).startsWith("HS"))
                    .ifPresent(a -> out.add(property + "=" + a + ": symmetric (HMAC) signatures are not accepted outside the embedded, "
                            + "dev and test profiles."));
        }
        optional(config, KEY_PROVIDER_PROPERTY).filter(p -> !p.strip().equalsIgnoreCase("DEFAULT"))
                .ifPresent(p -> out.add(KEY_PROVIDER_PROPERTY + "=" + p + ": keys fetched per token cannot be checked at start; "
                        + "configure TRACKLANE_JWT_PUBLIC_KEY_LOCATION instead."));
        if (optional(config, AUDIENCES_PROPERTY).isEmpty()) {
            out.add("no token audience is configured: set TRACKLANE_JWT_AUDIENCE (" + AUDIENCES_PROPERTY
                    + ") to the audience your identity provider puts in Tracklane's tokens.");
        }
        return out;
    }

    public static String message(List<String> profiles, List<String> refusals) {
        return "Tracklane refuses to start with the profiles " + profiles + ": " + String.join(" Also: ", refusals);
    }

    /** True when {@code configured} holds the same public key as {@code devPem} (PEM, certificate, DER, JWK or JWK set). */
    public static boolean sameKey(String configured, String devPem) {
        return containsAny(material(configured).publicKeys(), publicKeys(devPem));
    }

    static boolean containsAny(List<PublicKey> candidates, List<PublicKey> dev) {
        for (PublicKey candidate : candidates) {
            for (PublicKey d : dev) {
                if (sameKey(candidate, d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Same key material: RSA modulus and public exponent, otherwise the encoded (SubjectPublicKeyInfo) form. */
    public static boolean sameKey(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey ra && b instanceof RSAPublicKey rb) {
            return ra.getModulus().equals(rb.getModulus()) && ra.getPublicExponent().equals(rb.getPublicExponent());
        }
        return a.getAlgorithm().equals(b.getAlgorithm()) && Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    static List<PublicKey> publicKeys(String text) {
        return material(text).publicKeys();
    }

    /**
     * The keys in a PEM public key, PEM certificate(s), bare base64 DER key, JWK, JWK set or base64url-encoded JWK
     * (SmallRye JWT's "any" key format); none when nothing can be read.
     */
    public static KeyMaterial material(String text) {
        if (text == null) {
            return KeyMaterial.none();
        }
        String trimmed = text.strip();
        try {
            if (trimmed.startsWith("{")) {
                return jwkMaterial(trimmed);
            }
            if (trimmed.contains("BEGIN CERTIFICATE")) {
                List<PublicKey> keys = new ArrayList<>();
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (Certificate certificate : factory.generateCertificates(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.US_ASCII)))) {
                    keys.add(certificate.getPublicKey());
                }
                return new KeyMaterial(keys, false);
            }
            Optional<PublicKey> der = derKey(trimmed);
            if (der.isPresent()) {
                return new KeyMaterial(List.of(der.get()), false);
            }
            String decoded = new String(Base64.getUrlDecoder().decode(trimmed.replace("=", "")), StandardCharsets.UTF_8).strip();
            if (decoded.startsWith("{")) {
                return jwkMaterial(decoded);
            }
        } catch (Exception unreadable) {
            LOG.debugf("Production key guard: a configured key is not a PEM, certificate or JWK (%s)", unreadable.getClass().getSimpleName());
        }
        return KeyMaterial.none();
    }

    /** A JWK or JWK set, parsed as JSON (escapes in member names are decoded like any JSON parser does). */
    private static KeyMaterial jwkMaterial(String json) throws Exception {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            return KeyMaterial.none();
        }
        List<JsonNode> jwks = new ArrayList<>();
        JsonNode set = root.get("keys");
        if (set != null) {
            set.forEach(jwks::add);
        } else {
            jwks.add(root);
        }
        List<PublicKey> keys = new ArrayList<>();
        boolean symmetric = false;
        for (JsonNode node : jwks) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = JSON.convertValue(node, Map.class);
                JsonWebKey jwk = JsonWebKey.Factory.newJwk(params);
                if (jwk instanceof OctetSequenceJsonWebKey) {
                    symmetric = true;
                } else if (jwk instanceof PublicJsonWebKey pub) {
                    if (pub.getPublicKey() != null) {
                        keys.add(pub.getPublicKey());
                    }
                    if (pub.getCertificateChain() != null) {
                        pub.getCertificateChain().forEach(c -> keys.add(c.getPublicKey()));
                    }
                }
            } catch (Exception unreadable) {
                LOG.debugf("Production key guard: a JWK could not be read (%s)", unreadable.getClass().getSimpleName());
            }
        }
        return new KeyMaterial(keys, symmetric);
    }

    private static Optional<PublicKey> derKey(String text) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(normalize(text));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        for (String algorithm : List.of("RSA", "EC", "EdDSA")) {
            try {
                return Optional.of(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
            } catch (java.security.GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    /** PEM armour ({@code -----BEGIN …-----}, {@code -----END …-----}) and all whitespace removed. */
    static String normalize(String text) {
        return text.replaceAll("-----(BEGIN|END)[A-Z0-9 ]*-----", "").replaceAll("\\s", "");
    }

    /** Every verification key the configuration names, each loaded now (a key store, a URL, a file, a resource, inline). */
    static List<ConfiguredKey> configuredKeys(Config config) {
        List<ConfiguredKey> keys = new ArrayList<>();
        optional(config, INLINE_PROPERTY).ifPresent(inline -> keys.add(ConfiguredKey.of(INLINE_PROPERTY, inline)));
        boolean keyStore = optional(config, KEYSTORE_PASSWORD_PROPERTY).isPresent() && optional(config, KEYSTORE_ALIAS_PROPERTY).isPresent();
        for (String property : List.of(SMALLRYE_LOCATION_PROPERTY, LOCATION_PROPERTY)) {
            optional(config, property).ifPresent(location -> keys.add(keyStore && !isRemote(location)
                    ? readKeyStore(property, location.strip(), config)
                    : readKey(property, location.strip())));
        }
        return keys;
    }

    /** Reads the key at {@code mp.jwt.verify.publickey.location}-style location the way SmallRye JWT resolves it. */
    public static ConfiguredKey readKey(String location) {
        return readKey(LOCATION_PROPERTY, location);
    }

    /** Reads a key location the way SmallRye JWT resolves it; a key that cannot be read is a refusal, remote or not. */
    public static ConfiguredKey readKey(String property, String location) {
        String source = property + "=" + location;
        try {
            String content = isRemote(location) ? fetch(location) : readLocal(location);
            if (content == null) {
                return ConfiguredKey.unreadable(source, "no such file or class-path resource");
            }
            return ConfiguredKey.of(source, content);
        } catch (java.net.MalformedURLException notAUrl) {
            return ConfiguredKey.unreadable(source, "no such file or class-path resource"); // neither, then not a URL
        } catch (IOException | RuntimeException e) {
            return ConfiguredKey.unreadable(source, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The verification certificate's public key from a key store, as a PEM text. */
    static ConfiguredKey readKeyStore(String property, String location, Config config) {
        String source = property + "=" + location + " (key store)";
        String alias = optional(config, KEYSTORE_ALIAS_PROPERTY).orElseThrow();
        char[] password = optional(config, KEYSTORE_PASSWORD_PROPERTY).orElseThrow().toCharArray();
        String type = optional(config, "smallrye.jwt.keystore.type")
                .orElse(location.toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = ResourceUtils.getResourceStream(location)) {
            if (in == null) {
                return ConfiguredKey.unreadable(source, "no such file or class-path resource");
            }
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            Certificate certificate = store.getCertificate(alias);
            if (certificate == null) {
                return ConfiguredKey.unreadable(source, "no certificate with the alias '" + alias + "'");
            }
            return ConfiguredKey.of(source, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(certificate.getPublicKey().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            return ConfiguredKey.unreadable(source, e.getClass().getSimpleName());
        }
    }

    /** SmallRye JWT treats a location starting with "http" as a URL to fetch. */
    static boolean isRemote(String location) {
        return location.startsWith("http");
    }

    /** {@link ResourceUtils#getResourceStream} resolves like SmallRye JWT; its readResource would drop the line breaks. */
    private static String readLocal(String location) throws IOException {
        try (InputStream in = ResourceUtils.getResourceStream(location)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A few attempts, so that a passing network fault does not stop the start; still unreachable: a refusal. */
    private static String fetch(String url) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= URL_ATTEMPTS; attempt++) {
            try {
                URLConnection connection = URI.create(url).toURL().openConnection();
                connection.setConnectTimeout(URL_TIMEOUT_MILLIS);
                connection.setReadTimeout(URL_TIMEOUT_MILLIS);
                try (InputStream in = connection.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (java.net.MalformedURLException | IllegalArgumentException notAUrl) {
                throw notAUrl;
            } catch (IOException e) {
                last = e;
                LOG.warnf("Production key guard: could not fetch the verification key from %s (attempt %d of %d: %s)",
                        url, attempt, URL_ATTEMPTS, e.getClass().getSimpleName());
                if (attempt < URL_ATTEMPTS) {
                    try {
                        Thread.sleep(500L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
        throw last;
    }

    static String devPublicKey() {
        try (InputStream in = ProductionKeyGuard.class.getClassLoader().getResourceAsStream(DEV_PUBLIC_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the class-path resource " + DEV_PUBLIC_KEY_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEV_PUBLIC_KEY_RESOURCE, e);
        }
    }

    /** The development public key (shipped in the repository). */
    public static PublicKey devPublicKeyMaterial() {
        List<PublicKey> keys = publicKeys(devPublicKey());
        if (keys.size() != 1) {
            throw new IllegalStateException(DEV_PUBLIC_KEY_RESOURCE + " does not hold one public key");
        }
        return keys.get(0);
    }

    private static Optional<String> optional(Config config, String name) {
        return optional(config, name, String.class).filter(value -> !value.isBlank() && !value.strip().equals(NONE));
    }

    /** Converted as the application converts it (a boolean also accepts yes/on/1); unresolvable counts as absent. */
    private static <T> Optional<T> optional(Config config, String name, Class<T> type) {
        try {
            return config.getOptionalValue(name, type);
        } catch (NoSuchElementException | IllegalArgumentException unresolved) {
            return Optional.empty(); // e.g. ${TRACKLANE_JWT_PUBLIC_KEY_LOCATION} without the variable
        }
    }
}

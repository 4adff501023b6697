package com.tracklane.security;

import static com.tracklane.security.ProductionKeyGuard.DEV_PUBLIC_KEY_RESOURCE;
import static com.tracklane.security.ProductionKeyGuard.INLINE_PROPERTY;
import static com.tracklane.security.ProductionKeyGuard.KEYSTORE_ALIAS_PROPERTY;
import static com.tracklane.security.ProductionKeyGuard.KEYSTORE_PASSWORD_PROPERTY;
import static com.tracklane.security.ProductionKeyGuard.LOCATION_PROPERTY;
import static com.tracklane.security.ProductionKeyGuard.SMALLRYE_LOCATION_PROPERTY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tracklane.security.ProductionKeyGuard.ConfiguredKey;
import com.tracklane.security.ProductionKeyGuard.KeyMaterial;
import io.smallrye.jwt.util.ResourceUtils;
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
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Loads the verification keys the configuration names, for {@link ProductionKeyGuard}, as SmallRye JWT 4.x resolves
 * them (inline, {@code http(s)} URL fetched with a few attempts, {@code file:}, {@code classpath:}, a bare path, a key
 * store), and reads their key material: PEM public keys, X.509 certificates, bare base64 DER, JWKs, JWK sets and
 * base64url-encoded JWKs. The guard decides; this class only loads and compares.
 */
final class KeyMaterialLoader {

    private static final Logger LOG = Logger.getLogger(ProductionKeyGuard.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "NONE"; // SmallRye JWT's "not set"
    private static final int URL_TIMEOUT_MILLIS = 5_000;
    private static final int URL_ATTEMPTS = 3;

    private KeyMaterialLoader() {
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
        try (InputStream in = KeyMaterialLoader.class.getClassLoader().getResourceAsStream(DEV_PUBLIC_KEY_RESOURCE)) {
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

    static Optional<String> optional(Config config, String name) {
        return optional(config, name, String.class).filter(value -> !value.isBlank() && !value.strip().equals(NONE));
    }

    /** Converted as the application converts it (a boolean also accepts yes/on/1); unresolvable counts as absent. */
    static <T> Optional<T> optional(Config config, String name, Class<T> type) {
        try {
            return config.getOptionalValue(name, type);
        } catch (NoSuchElementException | IllegalArgumentException unresolved) {
            return Optional.empty(); // e.g. ${TRACKLANE_JWT_PUBLIC_KEY_LOCATION} without the variable
        }
    }
}

package com.tracklane.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

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

    /** @see KeyMaterialLoader#material(String) */
    public static KeyMaterial material(String text) {
        return KeyMaterialLoader.material(text);
    }

    /** @see KeyMaterialLoader#sameKey(PublicKey, PublicKey) */
    public static boolean sameKey(PublicKey a, PublicKey b) {
        return KeyMaterialLoader.sameKey(a, b);
    }

    /** @see KeyMaterialLoader#readKey(String, String) */
    public static ConfiguredKey readKey(String location) {
        return KeyMaterialLoader.readKey(LOCATION_PROPERTY, location);
    }

    /** @see KeyMaterialLoader#readKey(String, String) */
    public static ConfiguredKey readKey(String property, String location) {
        return KeyMaterialLoader.readKey(property, location);
    }

    static List<ConfiguredKey> configuredKeys(Config config) {
        return KeyMaterialLoader.configuredKeys(config);
    }

    static String normalize(String text) {
        return KeyMaterialLoader.normalize(text);
    }

    static String devPublicKey() {
        return KeyMaterialLoader.devPublicKey();
    }

    /** The development public key (shipped in the repository). */
    public static PublicKey devPublicKeyMaterial() {
        return KeyMaterialLoader.devPublicKeyMaterial();
    }

    private static List<PublicKey> publicKeys(String text) {
        return KeyMaterialLoader.publicKeys(text);
    }

    private static boolean containsAny(List<PublicKey> candidates, List<PublicKey> dev) {
        return KeyMaterialLoader.containsAny(candidates, dev);
    }

    private static Optional<String> optional(Config config, String name) {
        return KeyMaterialLoader.optional(config, name);
    }

    private static <T> Optional<T> optional(Config config, String name, Class<T> type) {
        return KeyMaterialLoader.optional(config, name, type);
    }
}

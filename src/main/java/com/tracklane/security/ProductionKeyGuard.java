package com.tracklane.security;

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
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;

/**
 * Refuses to start the {@code prod} profile when it would trust the development key pair shipped in the
 * repository (whose private key is public), or when it would serve development tokens.
 *
 * <p>At start-up in {@code prod}: the configured verification key ({@code mp.jwt.verify.publickey} inline, else
 * the resource at {@code mp.jwt.verify.publickey.location}, resolved as SmallRye JWT resolves it: {@code http(s)}
 * URL, {@code file:}, {@code classpath:}, or a bare path tried as a file then as a class-path resource) is
 * compared with {@code dev-keys/jwt-public.pem} by key material, so a re-wrapped PEM, an X.509 certificate or a
 * JWK / JWK set holding the same key is caught too. The decision itself is {@link #refusals}, a plain method.
 */
@ApplicationScoped
public class ProductionKeyGuard {

    private static final Logger LOG = Logger.getLogger(ProductionKeyGuard.class);

    public static final String DEV_PUBLIC_KEY_RESOURCE = "dev-keys/jwt-public.pem";
    public static final String LOCATION_PROPERTY = "mp.jwt.verify.publickey.location";
    public static final String INLINE_PROPERTY = "mp.jwt.verify.publickey";
    private static final int URL_TIMEOUT_MILLIS = 5_000;

    /** Thrown at start-up; Quarkus then stops with this message. */
    public static final class RefusedToStart extends IllegalStateException {
        public RefusedToStart(String message) {
            super(message);
        }
    }

    /**
     * The configured verification key as the guard sees it.
     *
     * @param source    where it comes from (for messages), {@code null} when no key is configured
     * @param content   the key text, {@code null} when it could not be read
     * @param readError why it could not be read, {@code null} when it was read (or is remote and unreachable,
     *                  which is only logged: SmallRye JWT reports that itself)
     */
    public record ConfiguredKey(String source, String content, String readError) {
        public static ConfiguredKey none() {
            return new ConfiguredKey(null, null, null);
        }

        public static ConfiguredKey of(String source, String content) {
            return new ConfiguredKey(source, content, null);
        }
    }

    void onStart(@Observes StartupEvent event) {
        check(ConfigUtils.getProfiles(), ConfigProvider.getConfig());
    }

    /** Reads the configuration and throws {@link RefusedToStart} when {@link #refusals} finds anything. */
    static void check(List<String> profiles, Config config) {
        if (!profiles.contains(DevTokens.PROD_PROFILE)) {
            return;
        }
        boolean devTokens = optional(config, DevTokens.ENABLED_PROPERTY, Boolean.class).orElse(false);
        List<String> refusals = refusals(profiles, devTokens, configuredKey(config), devPublicKey());
        if (!refusals.isEmpty()) {
            throw new RefusedToStart(message(refusals));
        }
        LOG.debug("Production key guard: the verification key is not the development key; development tokens are off");
    }

    /**
     * The decision. Returns why the service must not start (empty: it may). Only the {@code prod} profile is
     * guarded; the embedded, dev and test profiles are meant to use the development key.
     */
    public static List<String> refusals(List<String> activeProfiles, boolean devTokensEnabled, ConfiguredKey key, String devPublicKeyPem) {
        List<String> out = new ArrayList<>();
        if (!activeProfiles.contains(DevTokens.PROD_PROFILE)) {
            return out;
        }
        if (devTokensEnabled) {
            out.add(DevTokens.ENABLED_PROPERTY + " is true: the development token endpoint (POST " + DevTokens.PATH
                    + ") must never run in production. Remove the setting (and any TRACKLANE_DEV_TOKENS_ENABLED variable).");
        }
        if (key.source() == null) {
            out.add("no token verification key is configured: set TRACKLANE_JWT_PUBLIC_KEY_LOCATION (" + LOCATION_PROPERTY
                    + ") to your identity provider's public key or JWKS, and TRACKLANE_JWT_ISSUER to its issuer.");
        } else if (key.readError() != null) {
            out.add("the token verification key at " + key.source() + " cannot be read (" + key.readError() + ").");
        } else if (key.content() != null && sameKey(key.content(), devPublicKeyPem)) {
            out.add("the token verification key (" + key.source() + ") is the development key shipped in the repository ("
                    + DEV_PUBLIC_KEY_RESOURCE + "), whose private key is public: anyone could sign a token for any role. "
                    + "Set TRACKLANE_JWT_PUBLIC_KEY_LOCATION to your identity provider's public key or JWKS.");
        }
        return out;
    }

    public static String message(List<String> refusals) {
        return "Tracklane refuses to start in the prod profile: " + String.join(" Also: ", refusals);
    }

    /** True when {@code configured} holds the same public key as {@code devPem} (PEM, certificate, JWK or JWK set), or the same text. */
    public static boolean sameKey(String configured, String devPem) {
        if (normalize(configured).equals(normalize(devPem))) {
            return true;
        }
        List<PublicKey> dev = publicKeys(devPem);
        for (PublicKey candidate : publicKeys(configured)) {
            for (PublicKey d : dev) {
                if (Arrays.equals(candidate.getEncoded(), d.getEncoded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The public keys in a PEM public key, PEM certificate(s), bare base64 key, JWK or JWK set; empty when none can be read. */
    static List<PublicKey> publicKeys(String text) {
        String trimmed = text.strip();
        List<PublicKey> keys = new ArrayList<>();
        try {
            if (trimmed.startsWith("{")) {
                List<JsonWebKey> jwks = trimmed.contains("\"keys\"") ? new JsonWebKeySet(trimmed).getJsonWebKeys()
                        : List.of(JsonWebKey.Factory.newJwk(trimmed));
                for (JsonWebKey jwk : jwks) {
                    if (jwk instanceof PublicJsonWebKey pub && pub.getPublicKey() != null) {
                        keys.add(pub.getPublicKey());
                    }
                }
            } else if (trimmed.contains("BEGIN CERTIFICATE")) {
                CertificateFactory factory = CertificateFactory.getInstance("X.509");
                for (Certificate certificate : factory.generateCertificates(
                        new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.US_ASCII)))) {
                    keys.add(certificate.getPublicKey());
                }
            } else {
                byte[] der = Base64.getMimeDecoder().decode(normalize(trimmed));
                for (String algorithm : List.of("RSA", "EC")) {
                    try {
                        keys.add(KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der)));
                        break;
                    } catch (java.security.GeneralSecurityException wrongAlgorithm) {
                        // try the next one
                    }
                }
            }
        } catch (Exception unreadable) {
            LOG.debugf("Production key guard: the configured key is not a PEM, certificate or JWK (%s)", unreadable.getClass().getSimpleName());
        }
        return keys;
    }

    /** PEM armour ({@code -----BEGIN …-----}, {@code -----END …-----}) and all whitespace removed. */
    static String normalize(String text) {
        return text.replaceAll("-----(BEGIN|END)[A-Z0-9 ]*-----", "").replaceAll("\\s", "");
    }

    static ConfiguredKey configuredKey(Config config) {
        Optional<String> inline = optional(config, INLINE_PROPERTY);
        if (inline.isPresent()) {
            return ConfiguredKey.of(INLINE_PROPERTY, inline.get());
        }
        Optional<String> location = optional(config, LOCATION_PROPERTY);
        if (location.isEmpty()) {
            return ConfiguredKey.none();
        }
        return readKey(location.get());
    }

    /** Reads the key at a location the way SmallRye JWT resolves it; a remote one that cannot be fetched is only logged. */
    public static ConfiguredKey readKey(String location) {
        String source = LOCATION_PROPERTY + "=" + location;
        boolean remote = location.startsWith("http:") || location.startsWith("https:");
        try {
            String content = remote ? fetch(location) : readLocal(location);
            if (content == null) {
                return new ConfiguredKey(source, null, "no such file or class-path resource");
            }
            return ConfiguredKey.of(source, content);
        } catch (IOException | RuntimeException e) {
            if (remote) {
                LOG.warnf("Production key guard: could not fetch %s to compare it with the development key (%s)", location, e.getClass().getSimpleName());
                return new ConfiguredKey(source, null, null);
            }
            if (e instanceof java.net.MalformedURLException) {
                return new ConfiguredKey(source, null, "no such file or class-path resource"); // neither, then not a URL
            }
            return new ConfiguredKey(source, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** {@link ResourceUtils#getResourceStream} resolves like SmallRye JWT; its readResource would drop the line breaks. */
    private static String readLocal(String location) throws IOException {
        try (InputStream in = ResourceUtils.getResourceStream(location)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String fetch(String url) throws IOException {
        URLConnection connection = URI.create(url).toURL().openConnection();
        connection.setConnectTimeout(URL_TIMEOUT_MILLIS);
        connection.setReadTimeout(URL_TIMEOUT_MILLIS);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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

    private static Optional<String> optional(Config config, String name) {
        return optional(config, name, String.class).filter(value -> !value.isBlank());
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

package com.tracklane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.tracklane.security.ProductionKeyGuard.ConfiguredKey;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.OctetSequenceJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up decision of {@link ProductionKeyGuard}, as plain methods: no prod Quarkus is started. */
class ProductionKeyGuardTest {

    static final List<String> PROD = List.of("prod");
    static final String DEV_PEM = ProductionKeyGuard.devPublicKey();

    static PublicKey otherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }

    static String otherPem() throws Exception {
        return pem(otherKey());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey devKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(ProductionKeyGuard.normalize(DEV_PEM))));
    }

    static String jwk(PublicKey key) {
        return new RsaJsonWebKey((RSAPublicKey) key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static String devJwk() throws Exception {
        return jwk(devKey());
    }

    /** A JWK set holding a foreign key and the development key, with "keys" written as a JSON escape. */
    static String escapedJwks() throws Exception {
        return "{\"\\u006beys\":[" + jwk(otherKey()) + "," + devJwk() + "]}";
    }

    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    /** A production configuration plus {@code more}. */
    static Config prodConfig(Path dir, Map<String, String> more) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("mp.jwt.verify.publickey.location", Files.writeString(dir.resolve("idp-" + System.nanoTime() + ".pem"), otherPem()).toString());
        properties.put("mp.jwt.verify.audiences", "tracklane");
        properties.put("tracklane.dev-tokens.enabled", "false");
        properties.putAll(more);
        return config(properties);
    }

    static ConfiguredKey key(String content) {
        return ConfiguredKey.of("k", content);
    }

    // --- the decision on keys --------------------------------------------------------------------------------------

    @Test
    void shouldRefuseTheShippedDevelopmentKeyInProd() {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, false,
                List.of(ConfiguredKey.of("mp.jwt.verify.publickey.location=dev-keys/jwt-public.pem", DEV_PEM)), DEV_PEM);
        assertThat(refusals).singleElement().asString()
                .contains("mp.jwt.verify.publickey.location=dev-keys/jwt-public.pem")
                .contains("development key shipped in the repository")
                .contains("TRACKLANE_JWT_PUBLIC_KEY_LOCATION");
    }

    @Test
    void shouldRefuseEnabledDevTokensInProd() throws Exception {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, true, List.of(key(otherPem())), DEV_PEM);
        assertThat(refusals).singleElement().asString().contains("tracklane.dev-tokens.enabled is true").contains("POST /dev/tokens");
    }

    @Test
    void shouldReportBothProblemsAtOnce() {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, true, List.of(key(DEV_PEM)), DEV_PEM);
        assertThat(refusals).hasSize(2);
        assertThat(ProductionKeyGuard.message(PROD, refusals)).startsWith("Tracklane refuses to start with the profiles [prod]: ");
    }

    @Test
    void shouldAcceptAnotherKeyWithDevTokensOffInProd() throws Exception {
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key(otherPem())), DEV_PEM)).isEmpty();
    }

    @Test
    void shouldRefuseWhenAnyOfSeveralConfiguredKeysIsTheDevelopmentKey() throws Exception {
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key(otherPem()), ConfiguredKey.of("second", DEV_PEM)), DEV_PEM))
                .singleElement().asString().contains("(second)");
    }

    // --- finding 1d: the profile rule ------------------------------------------------------------------------------

    @Test
    void shouldAcceptTheDevelopmentKeyOnlyInDevelopmentProfileSets() {
        for (List<String> profiles : List.of(List.of("embedded"), List.of("dev"), List.of("test"), List.of("test", "embedded"))) {
            assertThat(ProductionKeyGuard.refusals(profiles, true, List.of(key(DEV_PEM)), DEV_PEM)).as("%s", profiles).isEmpty();
        }
    }

    @Test
    void shouldGuardEveryOtherProfileSet() {
        for (List<String> profiles : List.<List<String>>of(List.of("staging"), List.of("prod", "foo"), List.of("foo", "prod"), List.of("prod", "eu"),
                List.of("embedded", "staging"), List.of("production"), List.of("PROD"), List.of())) {
            assertThat(ProductionKeyGuard.guarded(profiles)).as("%s", profiles).isTrue();
            assertThat(ProductionKeyGuard.refusals(profiles, true, List.of(key(DEV_PEM)), DEV_PEM)).as("%s", profiles).hasSize(2);
        }
    }

    @Test
    void shouldRefuseToStartTheStagingProfileWithTheDevelopmentKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem", "mp.jwt.verify.audiences", "tracklane"));
        for (List<String> profiles : List.of(List.of("staging"), List.of("prod", "foo"))) {
            assertThatThrownBy(() -> ProductionKeyGuard.check(profiles, config)).as("%s", profiles)
                    .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                    .hasMessageContaining("development key shipped in the repository");
        }
    }

    @Test
    void shouldServeDevTokensOnlyInDevelopmentProfileSets() {
        assertThat(DevTokens.enabled(true, List.of("embedded"))).isTrue();
        assertThat(DevTokens.enabled(true, List.of("test"))).isTrue();
        assertThat(DevTokens.enabled(true, List.of("dev"))).isTrue();
        assertThat(DevTokens.enabled(false, List.of("embedded"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("prod"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("staging"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("prod", "foo"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("embedded", "prod"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("embedded", "staging"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of())).isFalse();
    }

    // --- finding 1a: parse, don't match text -----------------------------------------------------------------------

    @Test
    void shouldRecogniseTheDevelopmentKeyWhateverItsWrapping() throws Exception {
        PublicKey dev = devKey();
        String crlf = DEV_PEM.replace("\n", "\r\n");
        String oneLine = ProductionKeyGuard.normalize(DEV_PEM);
        String rewrapped = pem(dev); // 64-column lines instead of the file's
        String jwk = devJwk();
        String jwks = "{\"keys\":[" + jwk(otherKey()) + "," + jwk + "]}";
        String base64UrlJwk = Base64.getUrlEncoder().withoutPadding().encodeToString(jwk.getBytes(StandardCharsets.UTF_8));
        String base64UrlJwks = Base64.getUrlEncoder().encodeToString(jwks.getBytes(StandardCharsets.UTF_8));
        String jwkWithKid = jwk.replace("{", "{\"kid\":\"idp-2026\",\"use\":\"sig\",\"alg\":\"RS256\",");
        for (String form : List.of(DEV_PEM, crlf, oneLine, DEV_PEM.replace("\n", ""), "  " + DEV_PEM + "\n\n", rewrapped, jwk, jwks,
                escapedJwks(), base64UrlJwk, base64UrlJwks, jwkWithKid)) {
            assertThat(ProductionKeyGuard.sameKey(form, DEV_PEM)).as(form).isTrue();
        }
    }

    @Test
    void shouldReadJsonEscapesInEveryMemberNameAndValue() throws Exception {
        // "keys", "kty", "n" and "e" written with escapes, as any JSON parser reads them
        String escaped = devJwk().replace("\"kty\"", "\"\\u006bty\"").replace("\"n\"", "\"\\u006e\"").replace("\"RSA\"", "\"\\u0052SA\"");
        assertThat(ProductionKeyGuard.sameKey("{\"k\\u0065ys\":[" + escaped + "]}", DEV_PEM)).isTrue();
        assertThat(ProductionKeyGuard.sameKey(escapedJwks(), DEV_PEM)).isTrue();
    }

    @Test
    void shouldRefuseToStartWithAnEscapedJwksFile(@TempDir Path dir) throws Exception {
        Path jwks = Files.writeString(dir.resolve("jwks.json"), escapedJwks());
        Config config = prodConfig(dir, Map.of("mp.jwt.verify.publickey.location", jwks.toString()));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("development key shipped in the repository");
    }

    @Test
    void shouldNotMistakeOtherKeysForTheDevelopmentKey() throws Exception {
        for (String form : List.of(otherPem(), jwk(otherKey()), "{\"keys\":[" + jwk(otherKey()) + "]}")) {
            assertThat(ProductionKeyGuard.sameKey(form, DEV_PEM)).as(form).isFalse();
            assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key(form)), DEV_PEM)).as(form).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"keys\":[]}", "not a key", "{broken json", "[1,2]", "", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"})
    void shouldRefuseKeyMaterialItCannotRead(String garbage) {
        assertThat(ProductionKeyGuard.sameKey(garbage, DEV_PEM)).isFalse();
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key(garbage)), DEV_PEM))
                .singleElement().asString().contains("a key the guard cannot load is not trusted");
    }

    @Test
    void shouldRefuseASymmetricJwk() {
        String oct = new OctetSequenceJsonWebKey(new javax.crypto.spec.SecretKeySpec(new byte[32], "HmacSHA256"))
                .toJson(JsonWebKey.OutputControlLevel.INCLUDE_SYMMETRIC);
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key("{\"keys\":[" + oct + "]}")), DEV_PEM))
                .singleElement().asString().contains("symmetric (HMAC) key");
    }

    // --- finding 1b: every property SmallRye JWT reads -------------------------------------------------------------

    @Test
    void shouldRefuseTheDevelopmentKeyInSmallRyesOwnLocationProperty(@TempDir Path dir) throws Exception {
        // TRACKLANE_JWT_PUBLIC_KEY_LOCATION holds a foreign key; smallrye.jwt.verify.key.location (which wins) the dev key
        Config config = prodConfig(dir, Map.of("smallrye.jwt.verify.key.location", "dev-keys/jwt-public.pem"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("(smallrye.jwt.verify.key.location=dev-keys/jwt-public.pem)")
                .hasMessageContaining("development key shipped in the repository");
    }

    @Test
    void shouldLoadEveryConfiguredKeyProperty(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.pem"), otherPem());
        Path b = Files.writeString(dir.resolve("b.pem"), otherPem());
        List<ConfiguredKey> keys = ProductionKeyGuard.configuredKeys(config(Map.of("mp.jwt.verify.publickey", otherPem(),
                "smallrye.jwt.verify.key.location", a.toString(), "mp.jwt.verify.publickey.location", "file:" + b)));
        assertThat(keys).extracting(ConfiguredKey::source).containsExactly("mp.jwt.verify.publickey",
                "smallrye.jwt.verify.key.location=" + a, "mp.jwt.verify.publickey.location=file:" + b);
        assertThat(keys).allSatisfy(k -> assertThat(ProductionKeyGuard.material(k.content()).publicKeys()).hasSize(1));
        assertThat(ProductionKeyGuard.configuredKeys(config(Map.of("mp.jwt.verify.publickey", "NONE")))).isEmpty();
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithAnInlineDevelopmentKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey", ProductionKeyGuard.normalize(DEV_PEM),
                "mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem", "mp.jwt.verify.audiences", "tracklane"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("(mp.jwt.verify.publickey)");
    }

    @Test
    void shouldRefuseAnInlineJwkOfTheDevelopmentKeyNextToAForeignLocation(@TempDir Path dir) throws Exception {
        Config config = prodConfig(dir, Map.of("mp.jwt.verify.publickey", escapedJwks()));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class).hasMessageContaining("(mp.jwt.verify.publickey)");
    }

    @Test
    void shouldRefuseSymmetricKeyConfiguration(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, prodConfig(dir, Map.of("smallrye.jwt.verify.secretkey", "c2VjcmV0"))))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class).hasMessageContaining("smallrye.jwt.verify.secretkey is set");
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, prodConfig(dir, Map.of("smallrye.jwt.verify.algorithm", "HS256"))))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class).hasMessageContaining("smallrye.jwt.verify.algorithm=HS256");
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, prodConfig(dir, Map.of("smallrye.jwt.verify.key-provider", "AWS_ALB"))))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class).hasMessageContaining("smallrye.jwt.verify.key-provider=AWS_ALB");
    }

    @Test
    void shouldRefuseToStartWithoutAnAudience(@TempDir Path dir) throws Exception {
        Map<String, String> noAudience = new HashMap<>(Map.of("mp.jwt.verify.audiences", "${TRACKLANE_TEST_SURELY_UNSET_AUDIENCE}"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, prodConfig(dir, noAudience)))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class).hasMessageContaining("no token audience is configured")
                .hasMessageContaining("TRACKLANE_JWT_AUDIENCE");
    }

    // --- finding 1c: a key that cannot be loaded refuses the start -------------------------------------------------

    @Test
    void shouldRefuseAMissingOrUnreadableKeyInProd() {
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(), DEV_PEM))
                .singleElement().asString().contains("no token verification key is configured");
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(ProductionKeyGuard.readKey("/nonexistent/idp.pem")), DEV_PEM))
                .singleElement().asString().contains("cannot be loaded (no such file or class-path resource)");
    }

    @Test
    void shouldRefuseWhenARemoteKeyCannotBeFetched() {
        ConfiguredKey key = ProductionKeyGuard.readKey("http://127.0.0.1:1/jwks.json");
        assertThat(key.readError()).isNotNull();
        assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(key), DEV_PEM))
                .singleElement().asString().contains("mp.jwt.verify.publickey.location=http://127.0.0.1:1/jwks.json cannot be loaded");
    }

    @Test
    void shouldFetchARemoteJwksAndRefuseTheDevelopmentKeyInIt() throws Exception {
        String foreign = "{\"keys\":[" + jwk(otherKey()) + "]}";
        String dev = escapedJwks();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dev", exchange -> respond(exchange, 200, dev));
        server.createContext("/foreign", exchange -> respond(exchange, 200, foreign));
        server.createContext("/flaky", exchange -> respond(exchange, calls.getAndIncrement() == 0 ? 503 : 200, dev));
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(ProductionKeyGuard.readKey(base + "/dev")), DEV_PEM))
                    .singleElement().asString().contains("development key shipped in the repository");
            assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(ProductionKeyGuard.readKey(base + "/foreign")), DEV_PEM)).isEmpty();
            // fails once, then serves the development key: the guard tries again and refuses
            assertThat(ProductionKeyGuard.refusals(PROD, false, List.of(ProductionKeyGuard.readKey(base + "/flaky")), DEV_PEM))
                    .singleElement().asString().contains("development key shipped in the repository");
        } finally {
            server.stop(0);
        }
    }

    static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    // --- reading, and the whole check from configuration -----------------------------------------------------------

    @Test
    void shouldReadTheKeyFromClasspathFileAndFileUrl(@TempDir Path dir) throws Exception {
        Path copy = Files.writeString(dir.resolve("key.pem"), DEV_PEM);
        for (String location : List.of("dev-keys/jwt-public.pem", "classpath:dev-keys/jwt-public.pem", "classpath:/dev-keys/jwt-public.pem",
                copy.toString(), "file:" + copy)) {
            ConfiguredKey key = ProductionKeyGuard.readKey(location);
            assertThat(key.readError()).as(location).isNull();
            assertThat(ProductionKeyGuard.sameKey(key.content(), DEV_PEM)).as(location).isTrue();
        }
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithTheDevelopmentKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem", "mp.jwt.verify.audiences", "tracklane"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("development key shipped in the repository");
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithDevTokensOn(@TempDir Path dir) throws Exception {
        for (String on : List.of("true", "yes", "on", "1")) {
            Config config = prodConfig(dir, Map.of("tracklane.dev-tokens.enabled", on));
            assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config)).as(on)
                    .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                    .hasMessageContaining("tracklane.dev-tokens.enabled is true");
        }
    }

    @Test
    void shouldStartFromAProductionConfiguration(@TempDir Path dir) throws Exception {
        ProductionKeyGuard.check(PROD, prodConfig(dir, Map.of()));
        ProductionKeyGuard.check(List.of("staging"), prodConfig(dir, Map.of("smallrye.jwt.verify.key.location", "file:"
                + Files.writeString(dir.resolve("jwks.json"), "{\"keys\":[" + jwk(otherKey()) + "]}"))));
        ProductionKeyGuard.check(List.of("embedded"), config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem",
                "tracklane.dev-tokens.enabled", "true")));
    }

    @Test
    void shouldTreatAnUnsetEnvironmentVariableAsNoKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey.location", "${TRACKLANE_TEST_SURELY_UNSET_VARIABLE}", "mp.jwt.verify.audiences", "t"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("no token verification key is configured");
    }
}

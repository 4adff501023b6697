package com.tracklane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.security.ProductionKeyGuard.ConfiguredKey;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The start-up decision of {@link ProductionKeyGuard}, as plain methods: no prod Quarkus is started. */
class ProductionKeyGuardTest {

    static final List<String> PROD = List.of("prod");
    static final String DEV_PEM = ProductionKeyGuard.devPublicKey();

    static String otherPem() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return pem(generator.generateKeyPair().getPublic());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey devKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getMimeDecoder().decode(ProductionKeyGuard.normalize(DEV_PEM))));
    }

    static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
    }

    @Test
    void shouldRefuseTheShippedDevelopmentKeyInProd() {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, false,
                ConfiguredKey.of("mp.jwt.verify.publickey.location=dev-keys/jwt-public.pem", DEV_PEM), DEV_PEM);
        assertThat(refusals).singleElement().asString()
                .contains("mp.jwt.verify.publickey.location=dev-keys/jwt-public.pem")
                .contains("development key shipped in the repository")
                .contains("TRACKLANE_JWT_PUBLIC_KEY_LOCATION");
    }

    @Test
    void shouldRefuseEnabledDevTokensInProd() throws Exception {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, true, ConfiguredKey.of("idp.pem", otherPem()), DEV_PEM);
        assertThat(refusals).singleElement().asString().contains("tracklane.dev-tokens.enabled is true").contains("POST /dev/tokens");
    }

    @Test
    void shouldReportBothProblemsAtOnce() {
        List<String> refusals = ProductionKeyGuard.refusals(PROD, true, ConfiguredKey.of("k", DEV_PEM), DEV_PEM);
        assertThat(refusals).hasSize(2);
        assertThat(ProductionKeyGuard.message(refusals)).startsWith("Tracklane refuses to start in the prod profile: ");
    }

    @Test
    void shouldAcceptAnotherKeyWithDevTokensOffInProd() throws Exception {
        assertThat(ProductionKeyGuard.refusals(PROD, false, ConfiguredKey.of("idp.pem", otherPem()), DEV_PEM)).isEmpty();
    }

    @Test
    void shouldAcceptTheDevelopmentKeyOutsideProd() {
        for (List<String> profiles : List.of(List.of("embedded"), List.of("dev"), List.of("test"))) {
            assertThat(ProductionKeyGuard.refusals(profiles, true, ConfiguredKey.of("k", DEV_PEM), DEV_PEM)).isEmpty();
        }
    }

    @Test
    void shouldGuardProdEvenWithAnExtraProfile() {
        assertThat(ProductionKeyGuard.refusals(List.of("prod", "eu"), false, ConfiguredKey.of("k", DEV_PEM), DEV_PEM)).hasSize(1);
    }

    @Test
    void shouldRefuseAMissingOrUnreadableKeyInProd() {
        assertThat(ProductionKeyGuard.refusals(PROD, false, ConfiguredKey.none(), DEV_PEM))
                .singleElement().asString().contains("no token verification key is configured");
        assertThat(ProductionKeyGuard.refusals(PROD, false, ProductionKeyGuard.readKey("/nonexistent/idp.pem"), DEV_PEM))
                .singleElement().asString().contains("cannot be read (no such file or class-path resource)");
    }

    @Test
    void shouldRecogniseTheDevelopmentKeyWhateverItsWrapping() throws Exception {
        PublicKey dev = devKey();
        String crlf = DEV_PEM.replace("\n", "\r\n");
        String oneLine = ProductionKeyGuard.normalize(DEV_PEM);
        String rewrapped = pem(dev); // 64-column lines instead of the file's
        String jwk = new RsaJsonWebKey((RSAPublicKey) dev).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        String jwks = "{\"keys\":[" + new RsaJsonWebKey((RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "," + jwk + "]}";
        for (String form : List.of(DEV_PEM, crlf, oneLine, DEV_PEM.replace("\n", ""), "  " + DEV_PEM + "\n\n", rewrapped, jwk, jwks)) {
            assertThat(ProductionKeyGuard.sameKey(form, DEV_PEM)).as(form).isTrue();
        }
    }

    @Test
    void shouldNotMistakeOtherKeysOrGarbageForTheDevelopmentKey() throws Exception {
        String otherJwk = new RsaJsonWebKey((RSAPublicKey) KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        for (String form : List.of(otherPem(), otherJwk, "{\"keys\":[]}", "not a key", "{broken json")) {
            assertThat(ProductionKeyGuard.sameKey(form, DEV_PEM)).as(form).isFalse();
        }
    }

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
    void shouldOnlyWarnWhenARemoteKeyCannotBeFetched() {
        ConfiguredKey key = ProductionKeyGuard.readKey("http://127.0.0.1:1/jwks.json");
        assertThat(key.source()).isNotNull();
        assertThat(key.readError()).isNull();
        assertThat(ProductionKeyGuard.refusals(PROD, false, key, DEV_PEM)).isEmpty();
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithTheDevelopmentKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("development key shipped in the repository");
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithAnInlineDevelopmentKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey", ProductionKeyGuard.normalize(DEV_PEM),
                "mp.jwt.verify.publickey.location", "https://idp.example.com/jwks"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("(mp.jwt.verify.publickey)");
    }

    @Test
    void shouldRefuseToStartFromConfigurationWithDevTokensOn(@TempDir Path dir) throws Exception {
        Path idp = Files.writeString(dir.resolve("idp.pem"), otherPem());
        for (String on : List.of("true", "yes", "on", "1")) {
            Config config = config(Map.of("mp.jwt.verify.publickey.location", idp.toString(), "tracklane.dev-tokens.enabled", on));
            assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config)).as(on)
                    .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                    .hasMessageContaining("tracklane.dev-tokens.enabled is true");
        }
    }

    @Test
    void shouldStartFromAProductionConfiguration(@TempDir Path dir) throws Exception {
        Path idp = Files.writeString(dir.resolve("idp.pem"), otherPem());
        ProductionKeyGuard.check(PROD, config(Map.of("mp.jwt.verify.publickey.location", idp.toString(), "tracklane.dev-tokens.enabled", "false")));
        ProductionKeyGuard.check(List.of("embedded"), config(Map.of("mp.jwt.verify.publickey.location", "dev-keys/jwt-public.pem",
                "tracklane.dev-tokens.enabled", "true")));
    }

    @Test
    void shouldTreatAnUnsetEnvironmentVariableAsNoKey() {
        Config config = config(Map.of("mp.jwt.verify.publickey.location", "${TRACKLANE_TEST_SURELY_UNSET_VARIABLE}"));
        assertThatThrownBy(() -> ProductionKeyGuard.check(PROD, config))
                .isInstanceOf(ProductionKeyGuard.RefusedToStart.class)
                .hasMessageContaining("no token verification key is configured");
    }

    @Test
    void shouldServeDevTokensOnlyWhenEnabledAndNotInProd() {
        assertThat(DevTokens.enabled(true, List.of("embedded"))).isTrue();
        assertThat(DevTokens.enabled(true, List.of("test"))).isTrue();
        assertThat(DevTokens.enabled(false, List.of("embedded"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("prod"))).isFalse();
        assertThat(DevTokens.enabled(true, List.of("embedded", "prod"))).isFalse();
    }
}

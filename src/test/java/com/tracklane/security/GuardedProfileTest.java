package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import com.tracklane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Findings 1c and 1d with a running service: the profile set {@code test,staging} is guarded (not only {@code prod}),
 * and a remote JWK set that the start-up guard saw without the development key but that serves it afterwards does
 * not make development-signed tokens valid: {@link TokenChecks} refuses them at verification time.
 */
@QuarkusTest
@TestProfile(GuardedProfileTest.Staging.class)
class GuardedProfileTest {

    static final String FOREIGN_KEY_PROPERTY = "tracklane.test.guarded.foreign-private-key";

    public static class Staging implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "test,staging";
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(DevTokens.ENABLED_PROPERTY, "false");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SwappingJwks.class));
        }
    }

    /**
     * The identity provider's JWK set: its first answer (what the start-up guard fetches) holds the provider's key
     * only; every later answer (what SmallRye JWT fetches when the first token arrives) adds the development key.
     */
    public static class SwappingJwks implements QuarkusTestResourceLifecycleManager {
        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair idp = generator.generateKeyPair();
                System.setProperty(FOREIGN_KEY_PROPERTY, Base64.getEncoder().encodeToString(idp.getPrivate().getEncoded()));
                RsaJsonWebKey idpJwk = new RsaJsonWebKey((RSAPublicKey) idp.getPublic());
                idpJwk.setKeyId("idp");
                RsaJsonWebKey devJwk = new RsaJsonWebKey((RSAPublicKey) ProductionKeyGuard.devPublicKeyMaterial());
                devJwk.setKeyId("dev");
                String before = "{\"keys\":[" + idpJwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
                String after = "{\"keys\":[" + idpJwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + ","
                        + devJwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
                AtomicInteger fetches = new AtomicInteger();
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    byte[] body = (fetches.getAndIncrement() == 0 ? before : after).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.createContext("/fetches", exchange -> {
                    byte[] body = String.valueOf(fetches.get()).getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return Map.of("mp.jwt.verify.publickey.location", "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
            System.clearProperty(FOREIGN_KEY_PROPERTY);
        }
    }

    static PrivateKey idpKey() throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(FOREIGN_KEY_PROPERTY))));
    }

    static int fetches() throws Exception {
        String jwks = ConfigProvider.getConfig().getValue("mp.jwt.verify.publickey.location", String.class);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(jwks.replace("/jwks", "/fetches"))).build(),
                HttpResponse.BodyHandlers.ofString());
        return Integer.parseInt(r.body());
    }

    @Test
    void shouldRefuseDevelopmentSignedTokensEvenWhenTheRemoteKeySetServesTheDevelopmentKey() throws Exception {
        // the identity provider's own tokens work (and make SmallRye fetch the key set, now with the development key)
        String idpToken = Tokens.claims(Roles.OFFICER, "olga").jws().keyId("idp").sign(idpKey());
        given().header("Authorization", "Bearer " + idpToken).get("/test/protected/officer")
                .then().statusCode(200).body(equalTo("hello olga"));
        assertThat(fetches()).as("the guard's fetch and SmallRye's").isGreaterThanOrEqualTo(2);

        String forged = Tokens.claims(Roles.OFFICER, "mallory").jws().keyId("dev").sign(Tokens.devPrivateKey());
        BearerTokenTest.unauthorized(given().header("Authorization", "Bearer " + forged).get("/test/protected/officer").then(),
                        "/test/protected/officer")
                .header("WWW-Authenticate", equalTo(com.tracklane.common.ProblemMappers.INVALID_TOKEN_CHALLENGE))
                .body("detail", equalTo(BearerTokenTest.INVALID_DETAIL));
        String noKid = Tokens.token(Roles.OFFICER, "mallory");
        BearerTokenTest.unauthorized(given().header("Authorization", "Bearer " + noKid).get("/test/protected/whoami").then(),
                "/test/protected/whoami");
    }

    @Test
    void shouldNotServeDevelopmentTokensInAMixedProfileSet() {
        given().queryParam("role", Roles.OFFICER).post("/dev/tokens")
                .then().statusCode(404).contentType("application/problem+json").body("detail", equalTo("No resource at /dev/tokens."));
    }

    @Test
    void shouldRunWithTheGuardedProfiles() {
        assertThat(ProductionKeyGuard.guarded(io.quarkus.runtime.configuration.ConfigUtils.getProfiles())).isTrue();
        assertThat(io.quarkus.runtime.configuration.ConfigUtils.getProfiles()).contains("staging", "test");
    }
}

package com.tracklane.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the repository's development private key ({@code dev-keys/jwt-private.pem})
 * and issued by the test profile's issuer for its audience. Works in {@code @QuarkusTest}s and in plain unit tests alike (the key
 * and issuer are explicit, nothing depends on the running application's configuration).
 *
 * <pre>given().header("Authorization", Tokens.bearer("officer")).get("/api/v1/applications")</pre>
 */
public final class Tokens {

    /** {@code %test.mp.jwt.verify.issuer} in application.properties. */
    public static final String ISSUER = "https://tracklane.dev/embedded";
    /** {@code %test.mp.jwt.verify.audiences} in application.properties. */
    public static final String AUDIENCE = "tracklane";
    public static final String DEV_PRIVATE_KEY = "dev-keys/jwt-private.pem";
    public static final Duration LIFESPAN = Duration.ofHours(1);

    private static PrivateKey devKey;

    private Tokens() {
    }

    /** A token for one role; the subject (and upn) is {@code <role>-test}. */
    public static String token(String role) {
        return token(role, role + "-test");
    }

    /** A token for one role and subject (also the upn, which is the principal's name). */
    public static String token(String role, String subject) {
        return sign(claims(role, subject));
    }

    /** {@code "Bearer " + token(role)}, for an Authorization header. */
    public static String bearer(String role) {
        return "Bearer " + token(role);
    }

    /** The claims {@link #token} signs, to adjust (expiry, issuer, more groups) before {@link #sign}. */
    public static JwtClaimsBuilder claims(String role, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(subject).subject(subject).groups(Set.of(role)).expiresIn(LIFESPAN);
    }

    /** Signs with the development private key. */
    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(devPrivateKey());
    }

    /**
     * Signs any JSON payload (RS256, development key) as it is, for claims the builder refuses to write (a
     * {@code groups} object or number, say): what an attacker holding the public development key can do.
     */
    public static String signRaw(String payloadJson) {
        try {
            org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
            jws.setPayload(payloadJson);
            jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JWT");
            jws.setKey(devPrivateKey());
            return jws.getCompactSerialization();
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid payload (issuer, audience, subject, iat, exp one hour on) with {@code groupsJson} as the groups claim. */
    public static String payloadWithGroups(String groupsJson) {
        long now = java.time.Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"odd\",\"upn\":\"odd\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"groups\":" + groupsJson + "}";
    }

    public static synchronized PrivateKey devPrivateKey() {
        if (devKey == null) {
            try (InputStream in = Tokens.class.getClassLoader().getResourceAsStream(DEV_PRIVATE_KEY)) {
                if (in == null) {
                    throw new IllegalStateException("class-path resource " + DEV_PRIVATE_KEY + " is missing");
                }
                devKey = KeyUtils.decodePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + DEV_PRIVATE_KEY, e);
            }
        }
        return devKey;
    }
}

package com.tracklane.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Checks every bearer token after SmallRye JWT has verified it (signature, issuer, audience, expiry, lifetime), at
 * the one place every token passes: a CDI decorator of {@link JWTParser}, which Quarkus' JWT validator calls before
 * it builds the security identity. A {@link ParseException} here becomes Quarkus' {@code AuthenticationFailedException},
 * i.e. the 401 {@code invalid_token} problem of {@code common/ProblemMappers}.
 * <ul>
 * <li><b>Development key</b>: outside the embedded, dev and test profiles ({@link ProductionKeyGuard#guarded}) a
 * token whose signature verifies with the development public key shipped in the repository is refused, whatever
 * key SmallRye JWT verified it with. The start-up guard compares the configured keys once; a remote JWK set can
 * change afterwards (SmallRye refetches it), so this check is what makes a later swap to the development key
 * useless.</li>
 * <li><b>Claim shapes</b>: {@code groups} must be an array of strings (or a string); an object or a number is
 * refused instead of failing later with a {@code ClassCastException} (a 500).</li>
 * <li><b>Issued in the future</b>: an {@code iat} later than now plus the clock skew ({@code mp.jwt.verify.clock.skew})
 * is refused (SmallRye only bounds {@code exp - iat} and the age since {@code iat}).</li>
 * </ul>
 */
@Decorator
@Priority(10)
public class TokenChecks implements JWTParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JWTParser delegate;
    private final PublicKey developmentKey;
    private final long clockSkewSeconds;

    @Inject
    public TokenChecks(@Delegate @Any JWTParser delegate) {
        this.delegate = delegate;
        this.developmentKey = ProductionKeyGuard.guarded(ConfigUtils.getProfiles()) ? ProductionKeyGuard.devPublicKeyMaterial() : null;
        this.clockSkewSeconds = ConfigProvider.getConfig().getOptionalValue("mp.jwt.verify.clock.skew", Long.class).orElse(60L);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken jwt;
        try {
            jwt = delegate.parse(token);
        } catch (RuntimeException malformed) {
            throw malformed(malformed);
        }
        return checked(token, jwt);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        JsonWebToken jwt;
        try {
            jwt = delegate.parse(token, context);
        } catch (RuntimeException malformed) {
            throw malformed(malformed);
        }
        return checked(token, jwt);
    }

    /**
     * SmallRye JWT copies the verified claims into the principal with unchecked casts: a claim of an unexpected JSON
     * type (a {@code groups} object, say) fails there with a {@code ClassCastException}. That is a malformed token.
     */
    private static ParseException malformed(RuntimeException e) {
        return new ParseException("a claim has an unexpected type (" + e.getClass().getSimpleName() + ")", e);
    }

    private JsonWebToken checked(String token, JsonWebToken jwt) throws ParseException {
        if (developmentKey != null && signedWith(token, developmentKey)) {
            throw new ParseException("the token is signed with the development key, which is not trusted in this profile");
        }
        checkGroupsShape(token);
        checkClaims(jwt, System.currentTimeMillis() / 1000, clockSkewSeconds);
        return jwt;
    }

    /** True when {@code token} is a JWS whose signature verifies with {@code key} (RSA or RSA-PSS). */
    public static boolean signedWith(String token, PublicKey key) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512,
                    AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.RSA_PSS_USING_SHA384, AlgorithmIdentifiers.RSA_PSS_USING_SHA512));
            jws.setCompactSerialization(token);
            jws.setKey(key);
            return jws.verifySignature();
        } catch (JoseException | RuntimeException notSignedWithIt) {
            return false; // another algorithm, not a JWS, or a wrong signature
        }
    }

    /**
     * The {@code groups} claim as the token carries it (SmallRye's principal hides a malformed one: an array with a
     * number in it becomes no roles at all, with a warning): absent, a string, or an array of strings.
     */
    static void checkGroupsShape(String token) throws ParseException {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return; // not a compact JWS; SmallRye has parsed it already
        }
        JsonNode groups;
        try {
            groups = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get(Claims.groups.name());
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new ParseException("the claims cannot be read");
        }
        if (groups == null || groups.isTextual()) {
            return;
        }
        if (!groups.isArray()) {
            throw new ParseException("the groups claim is neither a string nor an array of strings");
        }
        for (JsonNode group : groups) {
            if (!group.isTextual()) {
                throw new ParseException("the groups claim holds something other than strings");
            }
        }
    }

    /** The claim checks, on a token SmallRye JWT has already verified. */
    public static void checkClaims(JsonWebToken jwt, long nowSeconds, long clockSkewSeconds) throws ParseException {
        try {
            Set<String> roles = jwt.getGroups();
            if (roles != null) {
                for (Object role : roles) {
                    if (!(role instanceof String)) {
                        throw new ParseException("the groups claim holds something other than strings");
                    }
                }
            }
            jwt.getName();
            jwt.getSubject();
        } catch (RuntimeException malformed) {
            throw new ParseException("a claim has the wrong type (" + malformed.getClass().getSimpleName() + ")");
        }
        long issuedAt = jwt.getIssuedAtTime();
        if (issuedAt > nowSeconds + clockSkewSeconds) {
            throw new ParseException("the token is issued in the future");
        }
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}

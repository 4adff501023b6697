package com.tracklane.security;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the development token endpoint ({@code POST /dev/tokens}) is switched on: only when
 * {@code tracklane.dev-tokens.enabled} is true and every active profile is a development one ({@code embedded},
 * {@code dev}, {@code test}). Any other profile set ({@code prod}, {@code staging}, {@code prod,foo},
 * {@code embedded,staging}) never serves it, whatever the property says ({@link ProductionKeyGuard} also refuses to
 * start if it is set there). Even when on, only loopback callers get a token unless
 * {@code tracklane.dev-tokens.allow-remote} is true.
 */
public final class DevTokens {

    public static final String ENABLED_PROPERTY = "tracklane.dev-tokens.enabled";
    public static final String ALLOW_REMOTE_PROPERTY = "tracklane.dev-tokens.allow-remote";
    public static final String PATH = "/dev/tokens";
    /** The newcomer's and the developers' profiles: the only ones that may use the development key pair. */
    public static final Set<String> DEVELOPMENT_PROFILES = Set.of("embedded", LaunchMode.DEVELOPMENT.getDefaultProfile(),
            LaunchMode.TEST.getDefaultProfile());

    private DevTokens() {
    }

    /** True when at least one profile is active and every active profile is embedded, dev or test. */
    public static boolean developmentOnly(List<String> activeProfiles) {
        return !activeProfiles.isEmpty() && DEVELOPMENT_PROFILES.containsAll(activeProfiles);
    }

    /** The decision, from the property and the active profiles. */
    public static boolean enabled(boolean property, List<String> activeProfiles) {
        return property && developmentOnly(activeProfiles);
    }

    /** Whether a caller at {@code remoteHost} (an IP address literal) may get a token. */
    public static boolean callerAllowed(String remoteHost, boolean allowRemote) {
        if (allowRemote) {
            return true;
        }
        if (remoteHost == null || remoteHost.isBlank()) {
            return false;
        }
        String host = remoteHost.startsWith("[") && remoteHost.endsWith("]") ? remoteHost.substring(1, remoteHost.length() - 1) : remoteHost;
        if (!host.matches("[0-9a-fA-F:.%]+")) {
            return false; // not an address literal (never resolve a name here)
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException unreadable) {
            return false;
        }
    }

    /** The remote-caller setting of the running application. */
    public static boolean allowRemote() {
        return ConfigProvider.getConfig().getOptionalValue(ALLOW_REMOTE_PROPERTY, Boolean.class).orElse(false);
    }

    /** The decision for the running application. */
    public static boolean enabled() {
        Config config = ConfigProvider.getConfig();
        boolean property = config.getOptionalValue(ENABLED_PROPERTY, Boolean.class).orElse(false);
        return enabled(property, ConfigUtils.getProfiles());
    }

    /**
     * A development token for one role (what {@code POST /dev/tokens} and the pages' development sign-in hand out): signed
     * with the development key ({@code smallrye.jwt.sign.key.location}), issued by the configured
     * {@code mp.jwt.verify.issuer} for the first configured audience. Callers check {@link #enabled()} first.
     *
     * @param org the organisation claim ({@link Roles#ORG_CLAIM}), or null for none
     */
    public static String sign(String role, String subject, String org, Duration lifespan) {
        Config config = ConfigProvider.getConfig();
        var builder = Jwt.issuer(config.getValue("mp.jwt.verify.issuer", String.class))
                .audience(config.getValues("mp.jwt.verify.audiences", String.class).get(0))
                .upn(subject)
                .subject(subject)
                .groups(Set.of(role));
        if (org != null) {
            builder.claim(Roles.ORG_CLAIM, org);
        }
        return builder.expiresIn(lifespan).sign();
    }
}

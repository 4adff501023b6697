package com.tracklane.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Whether the development token endpoint ({@code POST /dev/tokens}) is switched on: only when
 * {@code tracklane.dev-tokens.enabled} is true and the {@code prod} profile is not active. The production profile
 * never serves it, whatever the property says ({@link ProductionKeyGuard} also refuses to start if it is set there).
 */
public final class DevTokens {

    public static final String ENABLED_PROPERTY = "tracklane.dev-tokens.enabled";
    public static final String PATH = "/dev/tokens";
    public static final String PROD_PROFILE = LaunchMode.PROD_PROFILE;

    private DevTokens() {
    }

    /** The decision, from the property and the active profiles. */
    public static boolean enabled(boolean property, List<String> activeProfiles) {
        return property && !activeProfiles.contains(PROD_PROFILE);
    }

    /** The decision for the running application. */
    public static boolean enabled() {
        Config config = ConfigProvider.getConfig();
        boolean property = config.getOptionalValue(ENABLED_PROPERTY, Boolean.class).orElse(false);
        return enabled(property, ConfigUtils.getProfiles());
    }
}

package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Finding 6: {@code POST /dev/tokens} answers a caller that is not on the loopback interface with a 403 problem.
 * The service listens on every interface here, and the request goes to this machine's own non-loopback address.
 */
@QuarkusTest
@TestProfile(DevTokensRemoteCallerTest.AllInterfaces.class)
class DevTokensRemoteCallerTest {

    public static class AllInterfaces implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0");
        }
    }

    static Optional<InetAddress> nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void shouldRefuseACallerThatIsNotOnTheLoopbackInterface() throws Exception {
        Optional<InetAddress> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address");
        String body = given().baseUri("http://" + address.get().getHostAddress()).queryParam("role", Roles.OFFICER).post("/dev/tokens")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://tracklane.dev/problems/forbidden"))
                .body("status", equalTo(403))
                .body("instance", equalTo("/dev/tokens"))
                .body("detail", equalTo("Development tokens are only issued to callers on this machine (loopback); set "
                        + "tracklane.dev-tokens.allow-remote=true to allow others."))
                .extract().asString();
        assertThat(body).doesNotContain("eyJ");
    }

    @Test
    void shouldStillServeALoopbackCaller() {
        given().baseUri("http://127.0.0.1").queryParam("role", Roles.OFFICER).post("/dev/tokens")
                .then().statusCode(200).contentType("text/plain");
    }

    @Test
    void shouldDecideByAddress() {
        assertThat(DevTokens.callerAllowed("127.0.0.1", false)).isTrue();
        assertThat(DevTokens.callerAllowed("127.8.9.10", false)).isTrue();
        assertThat(DevTokens.callerAllowed("::1", false)).isTrue();
        assertThat(DevTokens.callerAllowed("[::1]", false)).isTrue();
        assertThat(DevTokens.callerAllowed("0:0:0:0:0:0:0:1", false)).isTrue();
        assertThat(DevTokens.callerAllowed("192.168.1.20", false)).isFalse();
        assertThat(DevTokens.callerAllowed("10.0.0.1", false)).isFalse();
        assertThat(DevTokens.callerAllowed("::ffff:192.168.1.20", false)).isFalse();
        assertThat(DevTokens.callerAllowed("localhost", false)).isFalse(); // a name is never resolved
        assertThat(DevTokens.callerAllowed(null, false)).isFalse();
        assertThat(DevTokens.callerAllowed("192.168.1.20", true)).isTrue();
    }
}

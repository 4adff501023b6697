package com.tracklane.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tracklane.support.ServiceProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 on the packaged service: the newcomer's command ({@code -Dquarkus.profile=embedded}) listens on the
 * loopback interface only, main and management ports alike, so {@code POST /dev/tokens} is not reachable from the
 * network; {@code TRACKLANE_HOST} opens it on purpose, and then the endpoint still refuses remote callers.
 */
class EmbeddedBindIT {

    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
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

    static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    @Test
    void shouldListenOnLoopbackOnlyByDefault() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
        try (ServiceProcess service = ServiceProcess.start(Files.createTempDirectory("tracklane-bind"), Map.of())) {
            connect(InetAddress.getLoopbackAddress(), service.port());
            connect(InetAddress.getLoopbackAddress(), service.managementPort());
            assertThatThrownBy(() -> connect(lan.get(), service.port())).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> connect(lan.get(), service.managementPort())).isInstanceOf(IOException.class);
            assertThat(service.log()).contains("Listening on: http://127.0.0.1:" + service.port());
        }
    }

    @Test
    void shouldOpenToTheNetworkWhenAskedAndStillRefuseRemoteTokenRequests() throws Exception {
        Optional<InetAddress> lan = nonLoopbackAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address");
        Path data = Files.createTempDirectory("tracklane-bind-open");
        try (ServiceProcess service = ServiceProcess.start(data, Map.of("TRACKLANE_HOST", "0.0.0.0"))) {
            HttpResponse<String> remote = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + lan.get().getHostAddress() + ":" + service.port() + "/dev/tokens?role=officer"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(remote.statusCode()).isEqualTo(403);
            assertThat(remote.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(remote.body()).contains("\"status\":403").contains("loopback").doesNotContain("eyJ");
            HttpResponse<String> local = HttpClient.newHttpClient().send(HttpRequest.newBuilder(service.uri("/dev/tokens?role=officer"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).isEqualTo(200);
            assertThat(local.body()).startsWith("eyJ");
        }
    }
}

package com.tracklane.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Metrics are served on the management interface only (finding 5). {@code quarkus.management.enabled} is fixed at
 * build time, so the test build has the same management interface as the production jar: this test mirrors prod.
 */
@QuarkusTest
class ManagementInterfaceTest {

    static int managementPort() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    @Test
    void shouldNotServeMetricsOnTheMainPort() {
        String body = given().get("/q/metrics").then().statusCode(404).extract().asString();
        assertThat(body).doesNotContain("jvm_").doesNotContain("http_server_requests");
    }

    @Test
    void shouldServeMetricsOnTheManagementPort() {
        int port = managementPort();
        assertThat(port).isPositive().isNotEqualTo(io.restassured.RestAssured.port);
        given().port(port).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldKeepHealthProbesAndTheContractOnTheMainPort() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}

package com.tracklane.intake;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ApplicationResourceTest} again, against the packaged jar (failsafe, in {@code ./mvnw verify}):
 * submitting, reading, patching and deciding applications, over HTTP only.
 */
@QuarkusIntegrationTest
class ApplicationResourceIT extends ApplicationResourceTest {
}

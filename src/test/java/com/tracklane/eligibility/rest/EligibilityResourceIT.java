package com.tracklane.eligibility.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link EligibilityResourceTest} again, against the packaged jar (failsafe, in {@code ./mvnw verify}): the public
 * eligibility checks, single and batch, over HTTP only.
 */
@QuarkusIntegrationTest
class EligibilityResourceIT extends EligibilityResourceTest {
}

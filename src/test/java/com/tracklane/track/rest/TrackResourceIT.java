package com.tracklane.track.rest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TrackResourceTest} again, against the packaged jar (failsafe, in {@code ./mvnw verify}): the tracks,
 * their versions and the facts catalogue, over HTTP only.
 */
@QuarkusIntegrationTest
class TrackResourceIT extends TrackResourceTest {
}

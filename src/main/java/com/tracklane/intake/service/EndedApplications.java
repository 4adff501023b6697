package com.tracklane.intake.service;

import java.time.Instant;
import java.util.List;

/**
 * Applications whose end intake cannot see itself: an approved application ends when its compliance monitoring is
 * closed. The features after intake (compliance) implement this; the retention run asks every implementation.
 */
public interface EndedApplications {

    /** The ids of applications that ended before {@code cutoff} (erased ones may be among them; they are skipped). */
    List<String> endedBefore(Instant cutoff);
}

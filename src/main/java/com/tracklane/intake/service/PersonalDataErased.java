package com.tracklane.intake.service;

import com.tracklane.common.PersonalValues;
import java.time.Instant;

/**
 * Fired (synchronously, inside the erasing transaction) when an application's personal data is erased: the features
 * after intake that copied any of it (compliance) erase their copies with {@code values}.
 */
public record PersonalDataErased(String applicationId, PersonalValues values, Instant at) {
}

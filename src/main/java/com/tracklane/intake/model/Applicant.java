package com.tracklane.intake.model;

import java.time.LocalDate;

/** The applicant's personal data as an application holds it (views mask it for everyone but officers). */
public record Applicant(String givenName, String familyName, String passportNumber, String nationality,
                        LocalDate dateOfBirth, String email) {
}

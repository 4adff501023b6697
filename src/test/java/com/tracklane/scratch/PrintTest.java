package com.tracklane.scratch;

import static com.tracklane.support.Trips.trip;
import com.tracklane.eligibility.engine.Evaluation;
import com.tracklane.eligibility.engine.Trip;
import com.tracklane.support.ShippedRuleSets;
import com.tracklane.support.Trips;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PrintTest {
    void print(String id, Trips t, String lang) {
        Evaluation e = ShippedRuleSets.evaluate(id, t, Instant.parse("2100-01-01T00:00:00Z"), lang);
        System.out.println("=== " + id + " v" + e.version().number() + " " + lang + " " + e.outcome());
        e.results().forEach(r -> System.out.println(r.ruleId() + " " + r.outcome() + ": " + r.message()));
        e.obligations().forEach(o -> System.out.println("  " + o.code() + ": " + o.detail()));
        e.warnings().forEach(w -> System.out.println("  ! " + w.message()));
    }
    @Test
    void print() {
        for (String lang : java.util.List.of("en", "ja", "km")) {
            print("resident-kh-jp", trip().leg("PNH", "2021-01-12T23:50", "NRT", "2021-01-13T07:30").leg("NRT", "2021-01-27T10:30", "PNH", "2021-01-27T15:00")
                    .completeResidentKhJp().test(Trip.TestMethod.QUALITATIVE_ANTIGEN, Trip.Specimen.THROAT, Trip.TestResult.POSITIVE, "2021-01-09T07:00")
                    .health("2021-01-15", 36.5).sponsor(Trip.SponsorKind.ORGANISATION, null, false), lang);
            print("resident-kh-jp", trip().leg("PNH", "2021-01-15T23:50", "NRT", "2021-01-16T07:30").leg("NRT", "2021-01-30T10:30", "PNH", "2021-01-30T15:00")
                    .completeResidentKhJp().visa(Trip.VisaKind.EMBASSY, "2021-01-10"), lang);
            print("resident-jp-kh", trip().leg("NRT", "2020-08-20T09:00", "PNH", "2020-08-20T13:30").leg("PNH", "2020-08-30T22:00", "NRT", "2020-08-31T06:00")
                    .insurance(Trip.InsuranceKind.PRIVATE_MEDICAL, 20000.0).test(Trip.TestMethod.PCR, null, Trip.TestResult.NEGATIVE, "2020-08-18T09:00"), lang);
            print("business-jp-kh", trip().leg("NRT", "2020-11-12T09:00", "PNH", "2020-11-12T13:30").leg("PNH", "2020-11-20T22:00", "NRT", "2020-11-21T06:00"), lang);
            print("business-jp-kh", trip().leg("NRT", "2020-11-22T09:00", "PNH", "2020-11-22T13:30").leg("PNH", "2020-11-30T22:00", "NRT", "2020-12-01T06:00"), lang);
        }
    }
}

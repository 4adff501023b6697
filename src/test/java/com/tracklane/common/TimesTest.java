package com.tracklane.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {

    static final ZoneId PHNOM_PENH = ZoneId.of("Asia/Phnom_Penh");

    @Test
    void shouldParseLocalAndOffsetFormsToTheSameInstant() {
        assertThat(Times.parse("2020-09-14T23:50", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T23:50+07:00", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T16:50Z", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:00Z"));
        assertThat(Times.parse("2020-09-14T23:50:30", PHNOM_PENH)).contains(Instant.parse("2020-09-14T16:50:30Z"));
        assertThat(Times.parse("2020-09-14T23:50-02:00", PHNOM_PENH)).contains(Instant.parse("2020-09-15T01:50:00Z"));
    }

    @Test
    void shouldRefuseWhatIsNeitherForm() {
        for (String bad : new String[] {"", "2020-09-14", "2020-09-14T", "2020-09-14T25:00", "2020-09-14T23:50+25:00",
                "2020-09-14T23:50Q", "yesterday", "2020-09-14 23:50", "1899-12-31T23:59", "2200-01-01T00:00Z"}) {
            assertThat(Times.parse(bad, PHNOM_PENH)).as(bad).isEmpty();
        }
        assertThat(Times.parse(null, PHNOM_PENH)).isEmpty();
    }
}

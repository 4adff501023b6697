package com.tracklane.track.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Country codes in texts: kept as they are in edition 2 (stored decisions), named from edition 3. */
class WordingCountriesTest {

    @Test
    void shouldNameCountriesInEachLanguageFromEditionThree() {
        assertThat(Wording.value("KH", "en", 3)).isEqualTo("Cambodia");
        assertThat(Wording.value("KH", "ja", 3)).isEqualTo("カンボジア");
        assertThat(Wording.value("KH", "km", 3)).isEqualTo("កម្ពុជា");
        assertThat(Wording.value(List.of("KH", "JP"), "en", 3)).isEqualTo("Cambodia, Japan");
        assertThat(Wording.value("A stay in GB, ZA in the 14 days", "en", 3)).isEqualTo("A stay in the United Kingdom, South Africa in the 14 days");
        assertThat(Wording.value("GB", "ja", 3)).isEqualTo("イギリス");
    }

    @Test
    void shouldKeepTheCodesOfEditionTwoSoThatItsDecisionsReplayIdentically() {
        assertThat(Wording.value("KH", "en", 2)).isEqualTo("KH");
        assertThat(Wording.value("KH", "en")).isEqualTo("KH");
        assertThat(Wording.value("A stay in GB", "ja", 2)).isEqualTo("A stay in GB");
    }

    @Test
    void shouldLeaveOtherCodesAndWordsAlone() {
        // Airports, units and the other value codes are not countries; a code the JDK does not know stays.
        assertThat(Wording.value("via BKK at 2021-01-13 00:00 JST", "en", 3)).isEqualTo("via BKK at 2021-01-13 00:00 JST");
        assertThat(Wording.value("NEGATIVE", "en", 3)).isEqualTo("negative");
        assertThat(Wording.value("QQ", "en", 3)).isEqualTo("QQ");
        assertThat(Wording.value("PCR", "ja", 3)).isEqualTo("PCR");
    }
}

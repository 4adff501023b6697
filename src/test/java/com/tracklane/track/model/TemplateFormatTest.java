package com.tracklane.track.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateFormatTest {

    /** What format did with String.format and two regular expressions; the faster version must agree everywhere. */
    static String reference(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    @Test
    void shouldShowNumbersWithoutNeedlessDecimals() {
        assertThat(Template.format(72.0)).isEqualTo("72");
        assertThat(Template.format(37.5)).isEqualTo("37.5");
        assertThat(Template.format(72.0166)).isEqualTo("72.02");
        assertThat(Template.format(-0.5)).isEqualTo("-0.5");
        assertThat(Template.format(0.005)).isEqualTo(reference(0.005));
        assertThat(Template.format(List.of())).isEqualTo("—");
    }

    @Test
    void shouldAgreeWithTheFormatterOnManyValues() {
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double d = switch (i % 4) {
                case 0 -> random.nextDouble() * 200 - 100;
                case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0;
                case 2 -> Math.round(random.nextDouble() * 10_000) / 100.0 + 0.005;
                default -> (random.nextInt(2_000_000) - 1_000_000) / 7.0;
            };
            assertThat(Template.format(d)).as("%s", d).isEqualTo(reference(d));
        }
        for (double d : new double[] {0.125, 0.375, 1.005, 2.675, 1e-9, -1e-9, 123456789.125, 99.995, -99.995}) {
            assertThat(Template.format(d)).as("%s", d).isEqualTo(reference(d));
        }
    }
}

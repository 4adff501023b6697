package com.tracklane.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.web.pages.intake.IntakeMsg;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every word of the intake desk exists in English, Japanese and Khmer ({@link IntakeMsg}, the desk's own bundle beside
 * {@link Msg}): the same keys in each file, none empty, the same {placeholders}, Japanese and Khmer in their own script.
 */
class IntakeBundleCompletenessTest {

    static final List<String> FILES = List.of("messages/intake.properties", "messages/intake_ja.properties", "messages/intake_km.properties");

    static Set<String> keys() {
        return Arrays.stream(IntakeMsg.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithItsPlaceholdersWhenTheBundleIsRead() throws IOException {
        assertThat(keys()).hasSizeGreaterThan(200);
        Properties en = MessageBundleCompletenessTest.load(FILES.get(0));
        for (String file : FILES) {
            Properties p = MessageBundleCompletenessTest.load(file);
            assertThat(new TreeSet<>(p.stringPropertyNames())).as("keys of " + file).isEqualTo(keys());
            for (String key : keys()) {
                assertThat(p.getProperty(key)).as(file + " " + key).isNotBlank();
                assertThat(MessageBundleCompletenessTest.placeholders(p.getProperty(key))).as(file + " " + key)
                        .isEqualTo(MessageBundleCompletenessTest.placeholders(en.getProperty(key)));
            }
        }
    }

    @Test
    void shouldWriteJapaneseAndKhmerInTheirOwnScriptWhenTranslated() throws IOException {
        Properties ja = MessageBundleCompletenessTest.load(FILES.get(1));
        Properties km = MessageBundleCompletenessTest.load(FILES.get(2));
        for (String key : keys()) {
            assertThat(ja.getProperty(key).codePoints().anyMatch(MessageBundleCompletenessTest::isJapanese)).as("ja " + key).isTrue();
            assertThat(km.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KHMER))
                    .as("km " + key).isTrue();
        }
    }
}

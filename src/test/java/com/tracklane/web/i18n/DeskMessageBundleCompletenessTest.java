package com.tracklane.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Every word of the staff desks exists in English, Japanese and Khmer: each desk language file holds exactly the keys
 * of {@link DeskMsg}, none empty, with the same {placeholders}, written in its own script; and no bundle grows past
 * the 300 messages a Quarkus 3.33 bundle can hold (see {@link DeskMsg}).
 */
class DeskMessageBundleCompletenessTest {

    static final List<String> FILES = List.of("messages/desk.properties", "messages/desk_ja.properties", "messages/desk_km.properties");

    static Set<String> keys() {
        return Arrays.stream(DeskMsg.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldHaveEveryKeyInEveryLanguageWhenTheDeskBundleIsRead() throws IOException {
        assertThat(keys()).hasSizeGreaterThan(200);
        for (String file : FILES) {
            Properties p = MessageBundleCompletenessTest.load(file);
            assertThat(new TreeSet<>(p.stringPropertyNames())).as("keys of " + file).isEqualTo(keys());
            for (String key : keys()) {
                assertThat(p.getProperty(key)).as(file + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void shouldKeepThePlaceholdersWhenTheDeskWordsAreTranslated() throws IOException {
        Properties en = MessageBundleCompletenessTest.load(FILES.get(0));
        for (String file : FILES.subList(1, FILES.size())) {
            Properties other = MessageBundleCompletenessTest.load(file);
            for (String key : keys()) {
                assertThat(MessageBundleCompletenessTest.placeholders(other.getProperty(key))).as(file + " " + key)
                        .isEqualTo(MessageBundleCompletenessTest.placeholders(en.getProperty(key)));
            }
        }
    }

    @Test
    void shouldWriteTheDeskWordsInJapaneseAndKhmerScriptWhenTranslated() throws IOException {
        Properties ja = MessageBundleCompletenessTest.load("messages/desk_ja.properties");
        Properties km = MessageBundleCompletenessTest.load("messages/desk_km.properties");
        for (String key : keys()) {
            assertThat(ja.getProperty(key).codePoints().anyMatch(MessageBundleCompletenessTest::isJapanese)).as("ja " + key).isTrue();
            assertThat(km.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KHMER))
                    .as("km " + key).isTrue();
        }
    }

    @Test
    void shouldKeepEveryBundleWithinThreeHundredMessagesWhenKeysAreAdded() {
        assertThat(DeskMsg.class.getDeclaredMethods()).as("DeskMsg").hasSizeLessThanOrEqualTo(300);
        assertThat(Msg.class.getDeclaredMethods()).as("Msg").hasSizeLessThanOrEqualTo(300);
    }
}

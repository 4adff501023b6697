package com.tracklane.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every word of the pages exists in English, Japanese and Khmer: each language file holds exactly the keys of
 * {@link Msg}, none empty, with the same {placeholders}, and written in its own script (not English left in place).
 */
class MessageBundleCompletenessTest {

    static final List<String> FILES = List.of("messages/msg.properties", "messages/msg_ja.properties", "messages/msg_km.properties");
    /** Keys whose text is the same in every language (names). */
    static final Set<String> SAME_EVERYWHERE = Set.of("appName");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundleCompletenessTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> keys() {
        return Arrays.stream(Msg.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void shouldHaveEveryKeyInEveryLanguageWhenTheBundleIsRead() throws IOException {
        assertThat(keys()).hasSizeGreaterThan(40);
        for (String file : FILES) {
            Properties p = load(file);
            assertThat(new TreeSet<>(p.stringPropertyNames())).as("keys of " + file).isEqualTo(keys());
            for (String key : keys()) {
                assertThat(p.getProperty(key)).as(file + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void shouldKeepThePlaceholdersWhenTranslated() throws IOException {
        Properties en = load(FILES.get(0));
        for (String file : FILES.subList(1, FILES.size())) {
            Properties other = load(file);
            for (String key : keys()) {
                assertThat(placeholders(other.getProperty(key))).as(file + " " + key).isEqualTo(placeholders(en.getProperty(key)));
            }
        }
    }

    @Test
    void shouldWriteJapaneseAndKhmerInTheirOwnScriptWhenTranslated() throws IOException {
        Properties en = load("messages/msg.properties");
        Properties ja = load("messages/msg_ja.properties");
        Properties km = load("messages/msg_km.properties");
        for (String key : keys()) {
            if (SAME_EVERYWHERE.contains(key) || PLACEHOLDER.matcher(en.getProperty(key)).replaceAll("").codePoints().noneMatch(Character::isLetter)) {
                continue; // a name, or only placeholders and punctuation
            }
            assertThat(ja.getProperty(key).codePoints().anyMatch(MessageBundleCompletenessTest::isJapanese)).as("ja " + key).isTrue();
            assertThat(km.getProperty(key).codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.KHMER))
                    .as("km " + key).isTrue();
        }
    }

    static boolean isJapanese(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HAN;
    }

    static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}

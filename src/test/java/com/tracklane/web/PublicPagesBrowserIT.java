package com.tracklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.BrowserJourney;
import com.tracklane.support.Examples;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Journeys through the public pages in a real browser against the packaged service: a check in Japanese (ELIGIBLE,
 * with obligations), a check in Khmer (CONDITIONAL, with what is missing), the trip form completed with the keyboard
 * only, bad input, and every page in every language scanned by axe (no serious or critical WCAG 2.1 AA violation) and
 * photographed ({@code target/screenshots/<page>-<lang>.png}).
 */
class PublicPagesBrowserIT extends BrowserJourney {

    static String encoded(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    WebElement field(String name) {
        return browser.driver().findElement(By.name(name));
    }

    String main() {
        return browser.driver().findElement(By.tagName("main")).getText();
    }

    /** Types a datetime-local value (yyyy-MM-ddTHH:mm) the way a person does in Chromium's en-US field: mm dd yyyy, Tab, hh mm, AM/PM. */
    static String dateTimeKeys(String value) {
        int hour = Integer.parseInt(value.substring(11, 13));
        String h12 = String.format("%02d", hour % 12 == 0 ? 12 : hour % 12);
        return value.substring(5, 7) + value.substring(8, 10) + value.substring(0, 4) + Keys.TAB + h12 + value.substring(14, 16)
                + (hour < 12 ? "A" : "P");
    }

    @Test
    void shouldAnswerEligibleWithObligationsWhenATravellerChecksInJapanese() throws Exception {
        browser.go("/").language("ja").go("/?r=" + encoded(Examples.eligibilityText()));
        assertThat(field("itinerary[0].from").getAttribute("value")).isEqualTo("PNH");
        browser.driver().findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.driver().getCurrentUrl()).contains("/check?r=");
        String text = main();
        assertThat(text).contains("対象です").contains("カンボジア → 日本").contains("14日目").contains("隔離");
        assertThat(browser.driver().findElements(By.cssSelector(".strip .day"))).hasSize(15);
        assertThat(browser.blockingViolations()).as("axe on the answer in Japanese").isEmpty();
        browser.screenshot("answer-eligible", "ja");
        String link = browser.driver().findElement(By.cssSelector("a.permalink")).getAttribute("href");
        browser.driver().get(link);
        assertThat(main()).contains("対象です");
    }

    @Test
    void shouldSayWhatIsMissingAndByWhenWhenABusinessTripIsCheckedInKhmer() throws Exception {
        browser.go("/").language("km").go("/");
        field("itinerary[0].from").sendKeys("Narita");
        field("itinerary[0].to").sendKeys("Phnom Penh");
        field("itinerary[0].departure").sendKeys(dateTimeKeys("2020-11-20T09:00"));
        field("itinerary[0].arrival").sendKeys(dateTimeKeys("2020-11-20T14:00"));
        browser.driver().findElement(By.cssSelector("button[value='add:itinerary']")).click();
        assertThat(field("itinerary[0].to").getAttribute("value")).isEqualTo("Phnom Penh");
        field("itinerary[1].from").sendKeys("PNH");
        field("itinerary[1].to").sendKeys("NRT");
        field("itinerary[1].departure").sendKeys(dateTimeKeys("2020-11-27T22:00"));
        field("itinerary[1].arrival").sendKeys(dateTimeKeys("2020-11-28T06:00"));
        browser.driver().findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.driver().getCurrentUrl()).as(main()).contains("/check?r=");
        String text = main();
        assertThat(text).contains("មានសិទ្ធិ នៅពេលបំពេញលក្ខខណ្ឌ").contains("អ្វីដែលនៅខ្វះ").contains("ត្រឹម");
        assertThat(browser.driver().findElements(By.cssSelector("ul.missing li"))).isNotEmpty();
        assertThat(browser.blockingViolations()).as("axe on the answer in Khmer").isEmpty();
        browser.screenshot("answer-conditional", "km");
    }

    @Test
    void shouldCompleteTheTripFormWithTheKeyboardOnly() {
        browser.go("/").language("en").go("/");
        WebElement body = browser.driver().findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(active().getAttribute("class")).isEqualTo("skip-link");
        active().sendKeys(Keys.ENTER); // skip to the main content
        tabTo("itinerary[0].from", 10);
        active().sendKeys("PNH" + Keys.TAB);
        assertThat(active().getAttribute("name")).isEqualTo("itinerary[0].departure");
        active().sendKeys(dateTimeKeys("2021-03-01T23:50"));
        tabTo("itinerary[0].to", 3);
        active().sendKeys("NRT");
        tabTo("itinerary[0].arrival", 2);
        active().sendKeys(dateTimeKeys("2021-03-02T07:30"));
        tabTo("itinerary[0].flight", 2);
        active().sendKeys("NH818" + Keys.ENTER); // implicit submission: the form's default action is the check
        assertThat(browser.driver().getCurrentUrl()).as(main()).contains("/check?r=");
        assertThat(main()).contains("Cambodia → Japan");
    }

    @Test
    void shouldShowProblemsNextToTheFieldsWhenTheInputIsBad() throws Exception {
        for (String lang : List.of("en", "ja", "km")) {
            browser.go("/").language(lang).go("/");
            field("itinerary[0].from").sendKeys("Atlantis");
            field("itinerary[0].to").sendKeys("NRT");
            browser.driver().findElement(By.cssSelector("button.primary")).click();
            WebElement summary = browser.driver().findElement(By.cssSelector(".error-summary"));
            assertThat(summary.findElements(By.tagName("a"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(field("itinerary[0].from").getAttribute("value")).isEqualTo("Atlantis");
            assertThat(field("itinerary[0].from").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver().findElement(By.id("f-itinerary-0-from-error")).getText()).contains("Atlantis");
            assertThat(browser.blockingViolations()).as("axe on the form with problems in " + lang).isEmpty();
            browser.screenshot("checker-problems", lang);
            summary.findElement(By.cssSelector("a[href='#f-itinerary-0-from']")).click();
            assertThat(active().getAttribute("name")).isEqualTo("itinerary[0].from");
        }
    }

    @Test
    void shouldPassAxeOnEveryPublicPageInEveryLanguage() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("checker", "/");
        pages.put("answer", "/check?r=" + encoded(Examples.eligibilityText()));
        pages.put("tracks", "/tracks");
        pages.put("tracks-2021", "/tracks?at=2021-02-01");
        pages.put("login", "/login");
        pages.put("not-found", "/no-such-page");
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("en", "ja", "km")) {
            browser.go("/").language(lang);
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.go(page.getValue());
                assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                browser.blockingViolations().forEach(v -> failures.add(page.getKey() + "-" + lang + ": " + v));
                browser.screenshot(page.getKey(), lang);
            }
        }
        assertThat(failures).as("serious or critical axe findings").isEmpty();
    }

    WebElement active() {
        return browser.driver().switchTo().activeElement();
    }

    /** Presses Tab until the field named {@code name} has the focus (at most {@code max} times). */
    void tabTo(String name, int max) {
        for (int i = 0; i <= max && !name.equals(active().getAttribute("name")); i++) {
            active().sendKeys(Keys.TAB);
        }
        assertThat(active().getAttribute("name")).isEqualTo(name);
    }
}

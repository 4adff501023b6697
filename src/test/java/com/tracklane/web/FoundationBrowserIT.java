package com.tracklane.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tracklane.support.BrowserJourney;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The pages' foundation in a real browser against the packaged service: the layout in each language (no serious or
 * critical WCAG 2.1 AA violation, a screenshot each), development sign-in to a staff desk, and the keyboard's first
 * stop being the skip link.
 */
class FoundationBrowserIT extends BrowserJourney {

    @Test
    void shouldShowTheLayoutWithoutAccessibilityViolationsWhenOpenedInEachLanguage() throws Exception {
        for (String lang : List.of("en", "ja", "km")) {
            browser.go("/").language(lang).go("/login");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
            assertThat(browser.driver().findElements(By.cssSelector("header nav, main, footer"))).hasSize(4);
            assertThat(browser.blockingViolations()).as("axe on /login in " + lang).isEmpty();
            Path shot = browser.screenshot("login", lang);
            assertThat(Files.size(shot)).isGreaterThan(10_000);
        }
    }

    @Test
    void shouldSignInAsADevelopmentUserWhenARoleIsPicked() {
        browser.go("/").language("en").go("/officer");
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
        browser.driver().findElement(By.xpath("//button[contains(., 'Sign in as Officer')]")).click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/officer");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("officer-dev");
        assertThat(browser.blockingViolations()).as("axe on /officer").isEmpty();
        browser.driver().findElement(By.xpath("//button[contains(., 'Sign out')]")).click();
        browser.go("/officer");
        assertThat(browser.driver().getCurrentUrl()).contains("/login");
    }

    @Test
    void shouldReachTheSkipLinkFirstWhenTabbing() {
        browser.go("/").language("en").go("/");
        browser.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).isEqualTo("skip-link");
    }
}

package com.tracklane.support;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The set-up every browser test ({@code *BrowserIT}) shares: the packaged service on a fresh H2 directory and one
 * headless Chromium, started once per test class and stopped after it; skipped with a message where Chromium or its
 * driver is missing ({@code .ci/run} installs both and checks that the browser tests ran). A subclass's own
 * {@code @BeforeAll} runs after this one, with both started.
 */
public abstract class BrowserJourney {

    protected static ServiceProcess service;
    protected static Browser browser;

    @BeforeAll
    static void startServiceAndBrowser() throws Exception {
        Assumptions.assumeTrue(Browser.available(), Browser.unavailableReason());
        service = ServiceProcess.start(Files.createTempDirectory("tracklane-browser-it"), Map.of());
        browser = Browser.open("http://127.0.0.1:" + service.port());
    }

    @AfterAll
    static void stopServiceAndBrowser() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            browser = null;
            if (service != null) {
                service.close();
            }
            service = null;
        }
    }
}

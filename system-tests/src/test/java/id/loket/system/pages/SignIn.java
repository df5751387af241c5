package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;

/** Signing in as a person does: branch-web sends the browser to Keycloak's own login form, and back. */
final class SignIn {

    private SignIn() {
    }

    /**
     * The element's text, read inside the wait: on a live page (the supervisor's, swapped over SSE every few seconds) an
     * element found a moment ago may be replaced before it is read, and is then looked for again.
     */
    static String liveText(Browser browser, String css) {
        return browser.waitUntil(d -> {
            var found = d.findElements(org.openqa.selenium.By.cssSelector(css));
            return found.isEmpty() ? null : found.getFirst().getText();
        });
    }

    /** How many elements match now, counted inside the wait (see {@link #liveText}). */
    static int liveCount(Browser browser, String css) {
        return browser.waitUntil(d -> d.findElements(org.openqa.selenium.By.cssSelector(css)).size() + 1) - 1;
    }

    /** Opens {@code path} of branch-web signed in as {@code user} (through the login form), and waits for the page. */
    static Browser as(Browser browser, BranchFloor floor, String user, String path) {
        browser.go(floor.webUrl() + path);
        browser.type("#username", user);
        browser.type("#password", floor.password());
        browser.click("#kc-login");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(floor.webUrl()) ? Boolean.TRUE : null);
        browser.waitUntil(d -> browser.findAll("main#main").isEmpty() ? null : Boolean.TRUE);
        return browser;
    }
}

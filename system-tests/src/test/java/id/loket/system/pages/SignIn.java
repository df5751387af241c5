package id.loket.system.pages;

import id.loket.platform.test.browser.Browser;

/** Signing in as a person does: branch-web sends the browser to Keycloak's own login form, and back. */
final class SignIn {

    private SignIn() {
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

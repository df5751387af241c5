package id.loket.platform.test.browser;

import java.util.List;

/**
 * One rule of axe-core that a page breaks: its id (e.g. {@code color-contrast}), how bad ({@code minor},
 * {@code moderate}, {@code serious}, {@code critical}), what it asks for, and the CSS selectors of the offending
 * elements.
 */
public record AxeViolation(String id, String impact, String help, String helpUrl, List<String> targets) {

    /** Serious and critical violations fail a page's test ({@link Browser#assertAccessible()}). */
    public boolean blocking() {
        return "serious".equals(impact) || "critical".equals(impact);
    }

    @Override
    public String toString() {
        return id + " (" + impact + "): " + help + " at " + String.join(", ", targets);
    }
}

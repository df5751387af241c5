package id.loket.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code key=value} command-line arguments; a bare word is the mode (the old {@code append} form). */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String... argv) {
        for (String a : argv) {
            int eq = a.indexOf('=');
            if (eq > 0) values.put(a.substring(0, eq), a.substring(eq + 1));
            else values.put("mode", a);
        }
    }

    String str(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing argument " + name + "=...");
        return v;
    }

    int integer(String name, int defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : Integer.parseInt(v);
    }
}

package id.loket.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fault test's result as figures, on one line: requests (or records) sent, acknowledged, events found,
 * duplicates and lost (which must be 0), then what else the test measured. Printed, and appended to
 * {@code <logs>/fault-figures.txt}, so the whole run's lines can be pasted at once.
 */
final class Figures {

    private final String name;
    private long sent;
    private long acknowledged;
    private long events;
    private long duplicates;
    private long lost;
    private final Map<String, Object> more = new LinkedHashMap<>();

    Figures(String name) {
        this.name = name;
    }

    Figures sent(long n) {
        sent = n;
        return this;
    }

    Figures acknowledged(long n) {
        acknowledged = n;
        return this;
    }

    Figures events(long n) {
        events = n;
        return this;
    }

    Figures duplicates(long n) {
        duplicates = n;
        return this;
    }

    Figures lost(long n) {
        lost = n;
        return this;
    }

    Figures with(String key, Object value) {
        more.put(key, value);
        return this;
    }

    long lost() {
        return lost;
    }

    long duplicates() {
        return duplicates;
    }

    String line() {
        String extra = more.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        return "FAULT " + name + (FaultSettings.LONG ? " (long)" : "") + ": sent=" + sent + " acknowledged=" + acknowledged
                + " events=" + events + " duplicates=" + duplicates + " lost=" + lost + (extra.isEmpty() ? "" : " | " + extra);
    }

    /** The file of this run's lines: {@code <logs>/fault-figures.txt}. */
    static Path file() {
        return Path.of(System.getProperty("loket.system.logs", "target")).resolve("fault-figures.txt");
    }

    /** A new run starts a new file. */
    static void startRun() {
        try {
            Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the line and appends it to the figures file. */
    Figures report() {
        String line = line();
        System.out.println(line);
        Path file = file();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public String toString() {
        return line();
    }
}

package id.loket.web;

import io.quarkus.qute.TemplateExtension;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers and times look on the pages (Qute template extensions: {amount.rupiah}, {seconds.minutes}). */
@TemplateExtension
public final class Formats {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final ZoneId BRANCH_ZONE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {
    }

    /** Rp105.000 (Indonesian grouping whatever the page language: it is the currency's own way). */
    static String rupiah(Long amount) {
        if (amount == null) return "";
        return "Rp" + NumberFormat.getIntegerInstance(INDONESIA).format(amount);
    }

    static String rupiah(long amount) {
        return rupiah(Long.valueOf(amount));
    }

    /** Whole minutes of a number of seconds, rounded up (a wait of 30 s reads as 1 min). */
    static Long minutes(Long seconds) {
        return seconds == null ? 0L : (seconds + 59) / 60;
    }

    static Long minutes(Double seconds) {
        return seconds == null ? 0L : (long) Math.ceil(seconds / 60);
    }

    /** Whole minutes from one instant to another. */
    static Long minutesUntil(Instant from, Instant to) {
        return from == null || to == null ? 0L : Math.max(0, Duration.between(from, to).toMinutes());
    }

    /** Minutes from an instant until now. */
    static Long minutesAgo(Instant since) {
        return since == null ? 0L : Math.max(0, Duration.between(since, Instant.now()).toMinutes());
    }

    /** The branch's clock time of an instant (Asia/Jakarta for the demo branch). */
    static String clock(Instant at) {
        return at == null ? "" : CLOCK.format(at.atZone(BRANCH_ZONE));
    }

    /** A required document "A|B" is met by any one of A and B (complaint-service's categories). */
    static java.util.List<String> alternatives(String requiredDocument) {
        return requiredDocument == null ? java.util.List.of() : java.util.List.of(requiredDocument.split("\\|"));
    }

    /** An instant as ISO text, for the count-up timers (data-since). */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }
}

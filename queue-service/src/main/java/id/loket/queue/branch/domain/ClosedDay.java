package id.loket.queue.branch.domain;

import java.time.Instant;
import java.time.LocalDate;

/** A holiday of a branch, as plain data: the calendar's answers are computed from these. */
public record ClosedDay(LocalDate date, String name, HolidayKind kind, Instant declaredAt) {

    /** E.g. "Hari Raya Natal (NATIONAL holiday, 2026-12-25)". */
    public String describe() {
        return name + " (" + kind + " holiday, " + date + ")";
    }
}

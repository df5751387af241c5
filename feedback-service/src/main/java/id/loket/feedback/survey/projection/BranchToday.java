package id.loket.feedback.survey.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * "Today" for a survey: the current date in its own branch's zone (survey_view.zone_id, from VisitClosed), so
 * the CSAT-today gauge and the supervisor's figures count the same answers.
 */
public final class BranchToday {

    private BranchToday() {
    }

    /** No zone's today is earlier than yesterday in UTC: a lower bound on a stored local day for a query. */
    public static LocalDate earliest(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    }

    public static boolean isToday(LocalDate day, String zoneId, Instant now) {
        return day != null && day.equals(LocalDate.ofInstant(now, ZoneId.of(zoneId)));
    }
}

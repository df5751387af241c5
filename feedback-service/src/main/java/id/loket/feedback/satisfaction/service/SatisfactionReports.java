package id.loket.feedback.satisfaction.service;

import id.loket.feedback.survey.domain.Survey;
import id.loket.feedback.survey.projection.SurveyComment;
import id.loket.feedback.survey.projection.SurveyView;
import id.loket.platform.domain.InvalidField;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Satisfaction per branch over a range of business days (by the day the visit closed, in the branch's own zone
 * as VisitClosed named it), optionally grouped by counter, service type or day.
 */
@ApplicationScoped
public class SatisfactionReports {

    public enum GroupBy { counter, serviceType, day }

    public record Report(String branch, LocalDate from, LocalDate to, String groupBy, SatisfactionFigures total,
                         List<SatisfactionFigures> groups) {
    }

    public record Comment(UUID surveyId, String visitId, String counterId, String serviceType, int rating,
                          String comment, Instant submittedAt) {
    }

    public record Comments(String branch, LocalDate from, LocalDate to, int page, int size, long total,
                           List<Comment> items) {
    }

    /** A low score of today (rated at or below Survey.LOW_SCORE, so LowSatisfactionFlagged with the answer). */
    public record LowScore(UUID surveyId, String visitId, String counterId, String serviceType, int rating,
                           String commentExcerpt, boolean contactRequested, Instant flaggedAt) {
    }

    /** Today's figures of a branch (today in its zone) and its newest {@code size} low scores. */
    public record Today(String branch, SatisfactionFigures figures, List<LowScore> low) {
    }

    /** Long enough to tell what went wrong at a glance; the whole text is in {@code GET /satisfaction/comments}. */
    static final int EXCERPT = 140;

    private final Clock clock;

    SatisfactionReports(Clock clock) {
        this.clock = clock;
    }

    public Today today(String branch, int size) {
        List<SurveyView> answers = SurveyView.answeredToday(branch, clock.instant());
        List<SurveyView> low = answers.stream().filter(v -> v.rating <= Survey.LOW_SCORE)
                .sorted(Comparator.comparing((SurveyView v) -> v.submittedAt).reversed().thenComparing(v -> v.surveyId))
                .limit(size).toList();
        Map<UUID, SurveyComment> texts = commentsOf(low);
        List<LowScore> items = low.stream().map(v -> {
            SurveyComment c = texts.get(v.surveyId);
            return new LowScore(v.surveyId, v.visitId, v.counterId, v.serviceType, v.rating,
                    c == null ? null : excerpt(c.comment), c != null && c.contactPhone != null, v.submittedAt);
        }).toList();
        return new Today(branch, SatisfactionFigures.of("today", answers), items);
    }

    static String excerpt(String comment) {
        if (comment == null || comment.isBlank()) return null;
        String flat = comment.strip().replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT) return flat;
        int end = flat.lastIndexOf(' ', EXCERPT - 1);
        return flat.substring(0, end > EXCERPT / 2 ? end : EXCERPT - 1) + "…";
    }

    private static Map<UUID, SurveyComment> commentsOf(List<SurveyView> views) {
        return views.isEmpty() ? Map.of()
                : SurveyComment.<SurveyComment>list("surveyId in ?1", views.stream().map(v -> v.surveyId).toList())
                .stream().collect(Collectors.toMap(c -> c.surveyId, c -> c));
    }

    public Report report(String branch, String from, String to, String groupBy) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        range(start, end);
        GroupBy grouping = groupBy(groupBy);
        List<SurveyView> surveys = SurveyView.closedOn(branch, start, end);
        List<SatisfactionFigures> groups = List.of();
        if (grouping != null) {
            Function<SurveyView, String> key = switch (grouping) {
                case counter -> s -> s.counterId == null ? "-" : s.counterId;
                case serviceType -> s -> s.serviceType == null ? "-" : s.serviceType;
                case day -> s -> s.closedDate.toString(); // the visit's day in its own branch's zone
            };
            Map<String, List<SurveyView>> byKey = surveys.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
            groups = byKey.entrySet().stream().map(e -> SatisfactionFigures.of(e.getKey(), e.getValue())).toList();
        }
        return new Report(branch, start, end, grouping == null ? null : grouping.name(),
                SatisfactionFigures.of("total", surveys), groups);
    }

    /** The written comments of a branch's answers, newest first, for the supervisor. */
    public Comments comments(String branch, String from, String to, int page, int size) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        range(start, end);
        String where = "branch = ?1 and closedDate >= ?2 and closedDate <= ?3 and hasComment = true";
        long total = SurveyView.count(where, branch, start, end);
        List<SurveyView> views = SurveyView.find(where + " order by submittedAt desc, surveyId", branch, start, end)
                .page(Page.of(page, size)).list();
        Map<UUID, SurveyComment> texts = commentsOf(views);
        List<Comment> items = views.stream().map(v -> new Comment(v.surveyId, v.visitId, v.counterId, v.serviceType,
                v.rating, texts.containsKey(v.surveyId) ? texts.get(v.surveyId).comment : null, v.submittedAt)).toList();
        return new Comments(branch, start, end, page, size, total, items);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) throw new InvalidField(field, "is required (YYYY-MM-DD)");
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static void range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new InvalidField("to", "must not be before from");
        if (from.plusDays(366).isBefore(to)) throw new InvalidField("to", "the range is at most 366 days");
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return GroupBy.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("groupBy", "must be one of counter, serviceType, day");
        }
    }
}

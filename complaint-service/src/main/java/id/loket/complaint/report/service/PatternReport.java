package id.loket.complaint.report.service;

import id.loket.complaint.complaint.projection.ComplaintView;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Periodic evaluation (the seed's step 4): complaint patterns per category, channel, branch, counter or week,
 * over complaints registered in a period (business dates, both ends included), against the period of the
 * same length just before it.
 *
 * <p>Hours to resolve are wall-clock hours from registration to the (last) resolution; the median of an even
 * count is the mean of the middle two, p90 is the nearest rank. SLA compliance is the share of resolved
 * complaints resolved by their due time; reopen rate the share of complaints reopened at least once.
 */
@ApplicationScoped
public class PatternReport {

    public enum GroupBy {
        category(v -> v.category),
        channel(v -> v.channel),
        branch(v -> v.branch),
        counter(v -> v.counterId == null ? "(none)" : v.counterId),
        week(v -> "%d-W%02d".formatted(v.businessDate.get(IsoFields.WEEK_BASED_YEAR), v.businessDate.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));

        final Function<ComplaintView, String> key;

        GroupBy(Function<ComplaintView, String> key) {
            this.key = key;
        }
    }

    public record Row(String group, long count, BigDecimal sharePercent, long resolved, BigDecimal medianHoursToResolve,
                      BigDecimal p90HoursToResolve, BigDecimal slaCompliancePercent, BigDecimal reopenRatePercent,
                      long previousCount, BigDecimal trendPercent) {
    }

    public record Report(LocalDate from, LocalDate to, LocalDate previousFrom, LocalDate previousTo, String groupBy,
                         String branch, long total, long previousTotal, List<Row> rows) {
    }

    public Report build(LocalDate from, LocalDate to, GroupBy groupBy, String branch) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(days);
        LocalDate previousTo = from.minusDays(1);
        List<ComplaintView> current = complaints(from, to, branch);
        Map<String, Long> previous = complaints(previousFrom, previousTo, branch).stream()
                .collect(Collectors.groupingBy(groupBy.key, Collectors.counting()));
        Map<String, List<ComplaintView>> groups = current.stream()
                .collect(Collectors.groupingBy(groupBy.key, LinkedHashMap::new, Collectors.toList()));
        long total = current.size();
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, list) -> rows.add(row(key, list, total, previous.getOrDefault(key, 0L))));
        rows.sort(Comparator.comparingLong(Row::count).reversed().thenComparing(Row::group));
        return new Report(from, to, previousFrom, previousTo, groupBy.name(), branch, total,
                previous.values().stream().mapToLong(Long::longValue).sum(), rows);
    }

    private static List<ComplaintView> complaints(LocalDate from, LocalDate to, String branch) {
        return branch == null
                ? ComplaintView.list("businessDate >= ?1 AND businessDate <= ?2", from, to)
                : ComplaintView.list("businessDate >= ?1 AND businessDate <= ?2 AND branch = ?3", from, to, branch);
    }

    private static Row row(String key, List<ComplaintView> list, long total, long previousCount) {
        List<ComplaintView> resolved = list.stream().filter(v -> v.resolvedAt != null).toList();
        List<Double> hours = resolved.stream()
                .map(v -> Duration.between(v.registeredAt, v.resolvedAt).toSeconds() / 3600.0).sorted().toList();
        long withinSla = resolved.stream().filter(v -> Boolean.TRUE.equals(v.resolvedWithinSla)).count();
        long reopened = list.stream().filter(v -> v.reopenCount > 0).count();
        return new Row(key, list.size(), percent(list.size(), total), resolved.size(), round(median(hours)),
                round(p90(hours)), resolved.isEmpty() ? null : percent(withinSla, resolved.size()),
                percent(reopened, list.size()), previousCount,
                previousCount == 0 ? null : percent(list.size() - previousCount, previousCount));
    }

    static Double median(List<Double> sorted) {
        int n = sorted.size();
        if (n == 0) return null;
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static Double p90(List<Double> sorted) {
        if (sorted.isEmpty()) return null;
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(rank - 1);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal round(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** The same report as CSV, one row per group, for a spreadsheet. */
    public static String csv(Report r) {
        StringBuilder sb = new StringBuilder(
                "group,count,share_percent,resolved,median_hours_to_resolve,p90_hours_to_resolve,sla_compliance_percent,reopen_rate_percent,previous_count,trend_percent\n");
        for (Row row : r.rows()) {
            sb.append(cell(row.group())).append(',').append(row.count()).append(',').append(s(row.sharePercent()))
                    .append(',').append(row.resolved()).append(',').append(s(row.medianHoursToResolve()))
                    .append(',').append(s(row.p90HoursToResolve())).append(',').append(s(row.slaCompliancePercent()))
                    .append(',').append(s(row.reopenRatePercent())).append(',').append(row.previousCount())
                    .append(',').append(s(row.trendPercent())).append('\n');
        }
        return sb.toString();
    }

    private static String s(Object o) {
        return o == null ? "" : Objects.toString(o);
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

package id.loket.feedback.satisfaction.service;

import id.loket.feedback.survey.domain.Survey;
import id.loket.feedback.survey.projection.SurveyView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The satisfaction figures of a set of surveys: response rate (answered / offered, %), mean rating, CSAT
 * (share of 4–5 ratings among the answers, %), the distribution 1–5, aspect means and the count of low scores.
 * Percentages have one decimal, means two; a figure with nothing to average is null.
 */
public record SatisfactionFigures(String key, long offered, long answered, BigDecimal responseRate,
                                  BigDecimal meanRating, BigDecimal csat, Map<String, Long> distribution,
                                  AspectMeans aspects, long lowScores) {

    public record AspectMeans(BigDecimal speed, BigDecimal friendliness, BigDecimal solution) {
    }

    public static SatisfactionFigures of(String key, Collection<SurveyView> surveys) {
        long offered = surveys.size();
        Map<String, Long> distribution = new LinkedHashMap<>();
        for (int r = 1; r <= 5; r++) distribution.put(Integer.toString(r), 0L);
        long answered = 0, sum = 0, satisfied = 0, low = 0;
        for (SurveyView s : surveys) {
            if (s.rating == null) continue;
            answered++;
            sum += s.rating;
            if (s.rating >= 4) satisfied++;
            if (s.rating <= Survey.LOW_SCORE) low++;
            distribution.merge(Integer.toString(s.rating), 1L, Long::sum);
        }
        return new SatisfactionFigures(key, offered, answered, percent(answered, offered), ratio(sum, answered, 2),
                percent(satisfied, answered), distribution,
                new AspectMeans(mean(surveys, v -> v.speed), mean(surveys, v -> v.friendliness), mean(surveys, v -> v.solution)),
                low);
    }

    private static BigDecimal mean(Collection<SurveyView> surveys, Function<SurveyView, Integer> aspect) {
        long n = 0, sum = 0;
        for (SurveyView s : surveys) {
            Integer v = s.rating == null ? null : aspect.apply(s);
            if (v == null) continue;
            n++;
            sum += v;
        }
        return ratio(sum, n, 2);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long sum, long n, int scale) {
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), scale, RoundingMode.HALF_UP);
    }
}

package id.loket.feedback.survey.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.feedback.survey.service.SurveyService;
import id.loket.feedback.survey.service.SurveyService.ClosedVisit;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.PoisonMessageException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Every VisitClosed on {@code loket.queue.events} becomes a survey, once per visit: the consumer dedupes by
 * event id, and the survey stream {@code survey-<visitId>} can only be created once (a second VisitClosed of the
 * same visit, with another event id, is "already done"). Other queue events are skipped. A whole poll is taken
 * in one transaction (the channel is {@code batch=true}); poison records go to
 * {@code loket.queue.events.feedback-surveys.dlq}.
 */
@ApplicationScoped
public class VisitClosedConsumer {

    static final String CONSUMER = "feedback.surveys";

    private final IdempotentConsumer consumer;
    private final SurveyService surveys;

    VisitClosedConsumer(IdempotentConsumer consumer, SurveyService surveys) {
        this.consumer = consumer;
        this.surveys = surveys;
    }

    @Incoming("queue-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch(CONSUMER, records, event -> {
            if ("VisitClosed".equals(event.type())) {
                surveys.offer(read(event.payload()));
            }
        });
    }

    /** Only the fields a survey needs, read defensively: a VisitClosed without visit, branch or time is poison. */
    static ClosedVisit read(JsonNode p) {
        String visitId = text(p, "visitId");
        if (visitId == null || !visitId.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw poison("visitId", "is missing or not an identifier");
        }
        String branch = text(p, "branch");
        if (branch == null || branch.isBlank()) throw poison("branch", "is missing");
        String closedAt = text(p, "closedAt");
        if (closedAt == null) throw poison("closedAt", "is missing");
        Instant closed;
        try {
            closed = Instant.parse(closedAt);
        } catch (DateTimeParseException e) {
            throw poison("closedAt", "is not an ISO-8601 instant");
        }
        // the branch's zone (added to VisitClosed v1 later): absent in older events, where the survey falls back
        // to the configured zone; present but not a zone id is a producer's bug that no retry can mend
        String zone = text(p, "zone");
        if (zone != null) {
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw poison("zone", "is not a time zone id");
            }
        }
        return new ClosedVisit(visitId, branch, text(p, "counterId"), text(p, "serviceType"), zone, closed,
                number(p, "waitedSeconds"), number(p, "servedSeconds"));
    }

    private static PoisonMessageException poison(String field, String problem) {
        return new PoisonMessageException("VisitClosed." + field + " " + problem);
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static Long number(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n != null && n.canConvertToLong() ? n.asLong() : null;
    }
}

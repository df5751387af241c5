package id.loket.feedback.survey.messaging;

import id.loket.feedback.survey.service.SurveyService;
import id.loket.feedback.survey.service.SurveyService.ClosedVisit;
import id.loket.platform.consumer.EventHandlers;
import id.loket.platform.consumer.IdempotentConsumer;
import id.loket.platform.consumer.PoisonMessageException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

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

    /**
     * Only the fields a survey needs of queue-service's VisitClosed (a tolerant reader: the rest is ignored); one
     * without visit, branch or time is poison. zone is the branch's (added to VisitClosed v1 later): absent in older
     * events, where the survey falls back to the configured zone.
     */
    public record VisitClosed(@NotNull @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}", message = "is not an identifier") String visitId,
                              @NotBlank String branch, String counterId, String serviceType, String zone,
                              @NotNull Instant closedAt, Long waitedSeconds, Long servedSeconds) {
    }

    private final IdempotentConsumer consumer;
    private final EventHandlers handlers;

    VisitClosedConsumer(IdempotentConsumer consumer, SurveyService surveys) {
        this.consumer = consumer;
        this.handlers = consumer.handlers().on("loket.queue.VisitClosed", VisitClosed.class, v -> surveys.offer(visit(v)));
    }

    @Incoming("queue-events")
    @Blocking
    public void on(ConsumerRecords<String, byte[]> records) {
        consumer.processBatch(CONSUMER, records, handlers);
    }

    static ClosedVisit visit(VisitClosed v) {
        // present but not a zone id is a producer's bug that no retry can mend; kept as sent (the survey's zone)
        if (v.zone() != null) {
            try {
                ZoneId.of(v.zone());
            } catch (DateTimeException e) {
                throw new PoisonMessageException("VisitClosed.zone is not a time zone id");
            }
        }
        return new ClosedVisit(v.visitId(), v.branch(), v.counterId(), v.serviceType(), v.zone(), v.closedAt(),
                v.waitedSeconds(), v.servedSeconds());
    }
}

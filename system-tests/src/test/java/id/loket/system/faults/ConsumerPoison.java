package id.loket.system.faults;

import id.loket.platform.test.TopicReader;
import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static id.loket.system.LoketSystem.Service.COMPLAINT;
import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static id.loket.system.faults.Api.obj;
import static id.loket.system.faults.FaultSettings.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumer poison: on each consumed topic, a record that can never be processed, then a good one with the same
 * key (so the same partition, right behind it). Every consumer of the topic must put the bad record on its
 * dead-letter topic, once, and process the good one with its effect:
 * <ul>
 * <li>{@code loket.membership.events}: a ParticipantRegistered whose payload is not JSON. queue-service's
 * membership-status copy and complaint-service's membership actions;</li>
 * <li>{@code loket.queue.events}: a VisitClosed whose {@code ce_id} is not a UUID. feedback-service's surveys
 * and complaint-service's visit links;</li>
 * <li>{@code loket.feedback.events}: a LowSatisfactionFlagged without {@code surveyId}. complaint-service's
 * follow-up.</li>
 * </ul>
 */
final class ConsumerPoison {

    /** A consumer: its service, its name in processed_event, its dead-letter topic. */
    record Consumer(Service service, String name, String deadLetterTopic) {
    }

    /** What the test sent to one topic and which consumers read it. */
    record Case(Service producer, String key, String poisonId, ProducerRecord<String, byte[]> poison, UUID goodId,
                ProducerRecord<String, byte[]> good, List<Consumer> consumers) {
    }

    private ConsumerPoison() {
    }

    static Figures run(LoketSystem system, Map<Service, ServiceDb> dbs) {
        UUID participantId = UUID.randomUUID();
        String visitId = UUID.randomUUID().toString();
        UUID surveyId = UUID.randomUUID();
        String now = Instant.now().toString();

        List<Case> cases = new ArrayList<>();
        String memberKey = "participant-" + participantId;
        cases.add(caseOf(MEMBERSHIP, memberKey, "loket.membership.ParticipantRegistered", "{\"participantId\": \"" + participantId,
                Api.json(obj("participantId", participantId, "cardNumber", "0009000000001", "nikHash", "ab".repeat(32),
                        "nikLast4", "0001", "familyCardHash", "cd".repeat(32), "sex", "FEMALE", "segment", "PBPU", "careClass", "III",
                        "registrationDate", now.substring(0, 10), "relation", "HEAD", "accountId", "family-" + "cd".repeat(32))),
                List.of(new Consumer(QUEUE, "queue.membership-status", "loket.membership.events.queue-membership-status.dlq"),
                        new Consumer(COMPLAINT, "complaint-membership-actions", "loket.membership.events.complaint-membership-actions.dlq"))));
        String ticketKey = "ticket-" + UUID.randomUUID();
        Map<String, Object> visitClosed = obj("visitId", visitId, "ticketId", ticketKey.substring(7), "ticketNumber", "A-001",
                "branch", "PSN", "counterId", "PSN-1", "serviceType", "A", "source", "KIOSK", "priority", "NONE",
                "issuedAt", now, "calledAt", now, "startedAt", now, "closedAt", now, "waitedSeconds", 0, "servedSeconds", 0,
                "outcome", "INFORMATION_GIVEN", "complaintId", null, "channelsEducated", List.of());
        Case queueCase = caseOf(QUEUE, ticketKey, "loket.queue.VisitClosed", Api.json(visitClosed), Api.json(visitClosed),
                List.of(new Consumer(FEEDBACK, "feedback.surveys", "loket.queue.events.feedback-surveys.dlq"),
                        new Consumer(COMPLAINT, "complaint-visit-link", "loket.queue.events.complaint-visit-link.dlq")));
        setHeader(queueCase.poison(), "ce_id", "not-a-uuid");
        cases.add(new Case(QUEUE, ticketKey, "not-a-uuid", queueCase.poison(), queueCase.goodId(), queueCase.good(), queueCase.consumers()));
        String lowVisit = UUID.randomUUID().toString();
        cases.add(caseOf(FEEDBACK, "survey-" + lowVisit, "loket.feedback.LowSatisfactionFlagged",
                Api.json(obj("visitId", lowVisit, "branch", "SDA", "counterId", "SDA-9", "serviceType", "A", "rating", 1)),
                Api.json(obj("surveyId", surveyId, "visitId", lowVisit, "branch", "SDA", "counterId", "SDA-9", "serviceType", "A",
                        "rating", 1, "comment", "Antre terlalu lama (consumer poison test)", "contactPhone", null)),
                List.of(new Consumer(COMPLAINT, "complaint-follow-up", "loket.feedback.events.complaint-follow-up.dlq"))));

        Map<String, TopicReader> deadLetters = new LinkedHashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (Case c : cases) {
                c.consumers().forEach(k -> deadLetters.computeIfAbsent(k.deadLetterTopic(), t -> TopicReader.open(system.bootstrapServers(), t)));
                producer.send(c.poison()).get();
                producer.send(c.good()).get();
            }

            int deadLettered = 0;
            int processed = 0;
            int effects = 0;
            long extraDeadLetters = 0;
            List<String> problems = new ArrayList<>();
            for (Case c : cases) {
                for (Consumer k : c.consumers()) {
                    // the good record, right behind the bad one, is processed
                    var done = Audit.until(ASYNC, () -> dbs.get(k.service()).processed(k.name(), List.of(c.goodId())), d -> !d.isEmpty());
                    if (done.isEmpty()) problems.add(k.name() + " did not process the record after the poison on " + c.producer().topic());
                    else processed++;
                    // the bad one is on the consumer's dead-letter topic, once, with the reason
                    try {
                        deadLetters.get(k.deadLetterTopic()).awaitRecord(r -> c.key().equals(r.key()), ASYNC);
                    } catch (AssertionError e) {
                        problems.add(k.deadLetterTopic() + " has no record for " + c.key());
                    }
                    List<ConsumerRecord<String, byte[]>> dead = deadLetters.get(k.deadLetterTopic()).fetch().stream().filter(r -> c.key().equals(r.key())).toList();
                    if (!dead.isEmpty()) {
                        deadLettered++;
                        extraDeadLetters += dead.size() - 1;
                        if (dead.size() > 1) problems.add(k.deadLetterTopic() + " has " + dead.size() + " records for " + c.key());
                        String reason = TopicReader.header(dead.getFirst(), "dead-letter-reason");
                        if (reason == null || reason.isBlank()) problems.add(k.deadLetterTopic() + ": no dead-letter-reason on " + c.key());
                        if (!new String(dead.getFirst().value(), StandardCharsets.UTF_8).equals(new String(c.poison().value(), StandardCharsets.UTF_8))) {
                            problems.add(k.deadLetterTopic() + ": the dead letter for " + c.key() + " is not the poison record");
                        }
                    }
                }
            }
            // the good records' effects
            effects += effect(problems, "queue's copy of the participant", dbs.get(QUEUE),
                    "SELECT count(*) FROM membership_status WHERE participant_id = ?", participantId);
            effects += effect(problems, "the visit's survey", dbs.get(FEEDBACK),
                    "SELECT count(*) FROM event_store WHERE stream_id = ? AND event_type = 'SurveyOffered'", "survey-" + visitId);
            effects += effect(problems, "the follow-up complaint", dbs.get(COMPLAINT),
                    "SELECT count(*) FROM event_store WHERE stream_id = ? AND event_type = 'ComplaintRegistered'",
                    "complaint-" + UUID.nameUUIDFromBytes(("satisfaction-follow-up:" + surveyId).getBytes(StandardCharsets.UTF_8)));
            // and nothing was recorded as processed for a bad one
            for (Case c : cases) {
                if (c.poisonId().equals("not-a-uuid")) continue;
                for (Consumer k : c.consumers()) {
                    if (!dbs.get(k.service()).processed(k.name(), List.of(UUID.fromString(c.poisonId()))).isEmpty()) {
                        problems.add(k.name() + " recorded the poison record as processed");
                    }
                }
            }

            int consumers = cases.stream().mapToInt(c -> c.consumers().size()).sum();
            Figures figures = new Figures("consumer-poison")
                    .sent(cases.size() * 2L).acknowledged(deadLettered + processed)
                    .events(effects).duplicates(extraDeadLetters).lost(consumers - processed)
                    .with("deadLettered", deadLettered + "/" + consumers)
                    .with("nextProcessed", processed + "/" + consumers)
                    .with("effects", effects + "/3")
                    .with("topics", "membership,queue,feedback")
                    .report();
            assertThat(problems).isEmpty();
            assertThat(deadLettered).isEqualTo(consumers);
            assertThat(processed).isEqualTo(consumers);
            return figures;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish", e);
        } finally {
            deadLetters.values().forEach(TopicReader::close);
        }
    }

    private static int effect(List<String> problems, String what, ServiceDb db, String sql, Object param) {
        long n = Audit.until(ASYNC, () -> db.number(sql, param), c -> c > 0);
        if (n != 1) problems.add(what + ": " + n + " (expected 1)");
        return n == 1 ? 1 : 0;
    }

    private static Case caseOf(Service producer, String key, String ceType, String poisonPayload, String goodPayload,
                               List<Consumer> consumers) {
        String poisonId = UUID.randomUUID().toString();
        UUID goodId = UUID.randomUUID();
        return new Case(producer, key, poisonId, record(producer, key, poisonId, ceType, poisonPayload), goodId,
                record(producer, key, goodId.toString(), ceType, goodPayload), consumers);
    }

    /** A record as the producer's relay would write it (key = stream id, CloudEvents headers). */
    private static ProducerRecord<String, byte[]> record(Service producer, String key, String id, String ceType, String payload) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(producer.topic(), key, payload.getBytes(StandardCharsets.UTF_8));
        setHeader(r, "ce_specversion", "1.0");
        setHeader(r, "ce_id", id);
        setHeader(r, "ce_type", ceType);
        setHeader(r, "ce_source", "/loket/" + producer.shortName());
        setHeader(r, "ce_subject", key);
        setHeader(r, "ce_time", Instant.now().toString());
        setHeader(r, "ce_dataschemaversion", "1");
        setHeader(r, "content-type", "application/json");
        setHeader(r, "correlation_id", "fault-poison-" + UUID.randomUUID());
        return r;
    }

    private static void setHeader(ProducerRecord<String, byte[]> r, String name, String value) {
        r.headers().remove(name);
        r.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}

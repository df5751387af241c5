package id.loket.platform.consumer;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A consumer's handlers, one per {@code ce_type}, each reading its event into a record the consumer declares for
 * the fields it needs of another service's event (a tolerant reader: fields it does not declare are ignored, so
 * the producer may add some). Made by {@link IdempotentConsumer#handlers()}, built once, passed to
 * {@link IdempotentConsumer#process} or {@link IdempotentConsumer#processBatch} as the effect:
 *
 * <pre>{@code
 * record VisitClosed(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String visitId, @NotBlank String branch,
 *                    @NotNull Instant closedAt, ZoneId zone) {}
 *
 * private final EventHandlers handlers = consumer.handlers()
 *         .on("loket.queue.VisitClosed", VisitClosed.class, surveys::offer);
 *
 * consumer.processBatch("feedback.surveys", records, handlers);
 * }</pre>
 *
 * A record that does not fit (a field of the wrong type, a broken Bean Validation constraint declared on the
 * record) can never be processed: a {@link PoisonMessageException}, so it goes to the consumer's dead-letter topic
 * as any other poison message. A {@code ce_type} with no handler is acknowledged and skipped.
 */
public final class EventHandlers implements Consumer<IncomingEvent> {

    private final ObjectMapper json;
    private final Validator validator;
    private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

    EventHandlers(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    private record Handler<T>(Class<T> type, ObjectReader reader, BiConsumer<T, IncomingEvent> handle) {
    }

    /** Handles {@code ceType} (e.g. {@code loket.queue.VisitClosed}) read as {@code type}. */
    public <T> EventHandlers on(String ceType, Class<T> type, Consumer<T> handle) {
        return on(ceType, type, (T event, IncomingEvent envelope) -> handle.accept(event));
    }

    /** The same, the handler also given the envelope (event id, subject, time, correlation id). */
    public <T> EventHandlers on(String ceType, Class<T> type, BiConsumer<T, IncomingEvent> handle) {
        if (byType.containsKey(ceType)) throw new IllegalArgumentException("a handler for " + ceType + " is already registered");
        ObjectReader reader = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        byType.put(ceType, new Handler<>(type, reader, handle));
        return this;
    }

    /** The {@code ce_type}s handled. */
    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    @Override
    public void accept(IncomingEvent event) {
        Handler<?> handler = byType.get(event.ceType());
        if (handler == null) return; // not ours: acknowledged and skipped
        handle(handler, event);
    }

    private <T> void handle(Handler<T> handler, IncomingEvent event) {
        handler.handle().accept(read(handler, event), event);
    }

    private <T> T read(Handler<T> handler, IncomingEvent event) {
        T record;
        try {
            record = handler.reader().readValue(event.payload());
        } catch (IOException | IllegalArgumentException e) {
            throw new PoisonMessageException(doesNotFit(event, handler) + ": " + e.getMessage(), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(record);
        if (!violations.isEmpty()) {
            throw new PoisonMessageException(doesNotFit(event, handler) + ": " + violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining(", ")));
        }
        return record;
    }

    private static String doesNotFit(IncomingEvent event, Handler<?> handler) {
        return event.ceType() + " " + event.eventId() + " does not fit " + handler.type().getSimpleName();
    }
}

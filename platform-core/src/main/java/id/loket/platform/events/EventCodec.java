package id.loket.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.platform.events.NewEvent;
import id.loket.platform.events.StoredEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns domain event records into stored JSON and back. An event's type name is its record's simple name
 * (the published language of ARCHITECTURE.md); its schema version is the current one of the upcaster chain,
 * and older stored versions are upcast on read.
 */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper json;
    private final Map<String, List<Upcaster>> upcasters;
    private final Map<Class<?>, Map<String, Class<?>>> families = new ConcurrentHashMap<>();

    EventCodec(ObjectMapper json, Instance<Upcaster> upcasters) {
        this.json = json;
        this.upcasters = upcasters.stream()
                .collect(Collectors.groupingBy(Upcaster::eventType, HashMap::new, Collectors.toList()));
        this.upcasters.forEach((type, chain) -> {
            chain.sort(Comparator.comparingInt(Upcaster::fromVersion));
            for (int i = 0; i < chain.size(); i++) {
                if (chain.get(i).fromVersion() != i + 1) {
                    throw new IllegalStateException("upcasters of " + type + " must run from version 1 without gaps");
                }
            }
        });
    }

    public static String typeOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    /** The schema version new events of this type are written with. */
    public int currentVersion(String type) {
        return upcasters.getOrDefault(type, List.of()).size() + 1;
    }

    public NewEvent encode(Object event) {
        String type = typeOf(event.getClass());
        try {
            return new NewEvent(type, currentVersion(type), json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + type, e);
        }
    }

    public <E> E decode(StoredEvent event, Class<E> family) {
        return decode(event.type(), event.schemaVersion(), event.payloadJson(), family);
    }

    /** The event with its envelope; the type must belong to the family. */
    public <E> EventEnvelope<E> envelope(StoredEvent event, Class<E> family) {
        return EventEnvelope.of(event, decode(event, family));
    }

    /** Whether events of this type name are records of the family (a sealed interface, or one record). */
    public boolean belongsTo(String type, Class<?> family) {
        return familyOf(family).containsKey(type);
    }

    /** Decodes a payload of a type that belongs to a sealed family of event records. */
    public <E> E decode(String type, int schemaVersion, String payloadJson, Class<E> family) {
        Class<?> target = familyOf(family).get(type);
        if (target == null) {
            throw new IllegalArgumentException("event type " + type + " is not one of " + family.getSimpleName());
        }
        try {
            return family.cast(json.treeToValue(upcast(type, schemaVersion, payloadJson), target));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type + " v" + schemaVersion + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The payload in the current shape of its type. */
    public ObjectNode upcast(String type, int schemaVersion, String payloadJson) {
        ObjectNode node;
        try {
            node = (ObjectNode) json.readTree(payloadJson);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("payload of " + type + " is not a JSON object", e);
        }
        List<Upcaster> chain = upcasters.getOrDefault(type, List.of());
        if (schemaVersion > chain.size() + 1) {
            throw new IllegalArgumentException(type + " v" + schemaVersion + " is newer than this service knows");
        }
        for (int v = schemaVersion; v <= chain.size(); v++) {
            node = chain.get(v - 1).upcast(node);
        }
        return node;
    }

    /**
     * For consumed events: applies the upcasters this service knows from the given version on, and leaves a
     * newer version than it knows as it is (forward compatibility: a reader takes the fields it knows).
     */
    public ObjectNode upcastKnown(String type, int schemaVersion, String payloadJson) {
        int known = upcasters.getOrDefault(type, List.of()).size() + 1;
        if (schemaVersion > known) {
            try {
                return (ObjectNode) json.readTree(payloadJson);
            } catch (JsonProcessingException | ClassCastException e) {
                throw new IllegalArgumentException("payload of " + type + " is not a JSON object", e);
            }
        }
        return upcast(type, schemaVersion, payloadJson);
    }

    private Map<String, Class<?>> familyOf(Class<?> family) {
        return families.computeIfAbsent(family, f -> {
            Map<String, Class<?>> byName = new HashMap<>();
            collect(f, byName);
            return byName;
        });
    }

    private static void collect(Class<?> c, Map<String, Class<?>> byName) {
        if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) collect(sub, byName);
        } else {
            byName.put(typeOf(c), c);
        }
    }
}

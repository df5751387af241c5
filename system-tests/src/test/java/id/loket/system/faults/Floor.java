package id.loket.system.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static id.loket.system.faults.Api.obj;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * queue-service's side of a fault test: a branch of its own (so no other test's tickets are in its queue), its
 * service types and open counters, and the requests a kiosk and a counter front-end send.
 */
final class Floor {

    static final String ZONE = "Asia/Jakarta";

    final String url;
    final String branch;
    final List<String> counters = new ArrayList<>();

    private Floor(String url, String branch) {
        this.url = url;
        this.branch = branch;
    }

    /**
     * Creates branch {@code branch} with one service type per letter in {@code serviceTypes} (code = prefix),
     * and {@code counters} open counters {@code <branch>-1…} serving all of them.
     */
    static Floor open(String queueUrl, String branch, String serviceTypes, int counters) {
        Floor floor = new Floor(queueUrl, branch);
        Api.post(queueUrl + "/branches", obj("code", branch, "name", "Fault test " + branch, "zoneId", ZONE)).expect(201);
        List<String> types = new ArrayList<>();
        for (char t : serviceTypes.toCharArray()) {
            types.add(String.valueOf(t));
            Api.post(queueUrl + "/branches/" + branch + "/service-types",
                    obj("code", String.valueOf(t), "prefix", String.valueOf(t), "name", "Service " + t)).expect(201);
        }
        for (int i = 1; i <= counters; i++) floor.addCounter(types);
        return floor;
    }

    /** One more open counter, serving {@code serviceTypes}; returns its id. */
    String addCounter(List<String> serviceTypes) {
        String id = branch + "-" + (counters.size() + 1);
        Api.post(url + "/branches/" + branch + "/counters", obj("id", id, "name", "Loket " + id, "serviceTypes", serviceTypes)).expect(201);
        Api.post(url + "/counters/" + id + "/open", obj("staff", "frontliner-" + id)).expect(200);
        counters.add(id);
        return id;
    }

    /** A kiosk ticket; with an Idempotency-Key (a retry gets the first answer) and the request's own correlation id. */
    Api.Answer issue(String serviceType, String correlationId, String idempotencyKey) {
        return Api.post(url + "/tickets", obj("branch", branch, "serviceType", serviceType, "source", "KIOSK"),
                "X-Correlation-Id", correlationId, "Idempotency-Key", idempotencyKey);
    }

    Api.Answer callNext(String counterId, String correlationId) {
        return Api.post(url + "/counters/" + counterId + "/call-next", null, "X-Correlation-Id", correlationId);
    }

    Api.Answer start(String ticketId, String correlationId) {
        return Api.post(url + "/tickets/" + ticketId + "/start", null, "X-Correlation-Id", correlationId);
    }

    Api.Answer close(String ticketId, String correlationId) {
        return Api.post(url + "/tickets/" + ticketId + "/close", obj("outcome", "INFORMATION_GIVEN",
                "channelsEducated", List.of("MOBILE_JKN")), "X-Correlation-Id", correlationId);
    }

    Api.Answer ticket(String ticketId) {
        return Api.get(url + "/tickets/" + ticketId);
    }

    /**
     * A whole visit at {@code counterId}, which must have no other ticket waiting: ticket, call, start, close.
     * Returns the visit id.
     */
    String visit(String counterId, String serviceType) {
        String correlationId = "fault-visit-" + UUID.randomUUID();
        JsonNode ticket = issue(serviceType, correlationId, UUID.randomUUID().toString()).expect(201);
        String ticketId = ticket.path("id").asText();
        assertThat(callNext(counterId, correlationId).expect(200).path("id").asText()).as("ticket called at " + counterId).isEqualTo(ticketId);
        start(ticketId, correlationId).expect(200);
        close(ticketId, correlationId).expect(200);
        return ticket.path("visitId").asText();
    }
}

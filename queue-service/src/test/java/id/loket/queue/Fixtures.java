package id.loket.queue;

import io.restassured.http.ContentType;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Fresh branches, counters and tickets for tests (tests use new ids instead of cleaning tables). */
public final class Fixtures {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private Fixtures() {
    }

    /** A new branch with service types A, B and C (prefixes A, B, C). */
    public static String uniqueCode() {
        String code = "T" + Integer.toString(UUID.randomUUID().hashCode() & 0x7fffffff, 36).toUpperCase();
        return code.substring(0, Math.min(10, code.length()));
    }

    public static String branch(String zoneId) {
        String code = uniqueCode();
        given().contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"name\":\"Test %s\",\"zoneId\":\"%s\"}".formatted(code, code, zoneId))
                .post("/branches").then().statusCode(201);
        for (String t : List.of("A", "B", "C")) {
            given().contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"prefix\":\"%s\",\"name\":\"type %s\"}".formatted(t, t, t))
                    .post("/branches/" + code + "/service-types").then().statusCode(201);
        }
        return code;
    }

    /** A new open counter of the branch serving the given types. */
    public static String openCounter(String branch, String... types) {
        String id = branch + "-" + String.format("%03d", SEQ.incrementAndGet()); // sorts in creation order
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"%s\",\"name\":\"Loket %s\",\"serviceTypes\":[%s]}".formatted(id, id,
                        String.join(",", List.of(types).stream().map(t -> "\"" + t + "\"").toList())))
                .post("/branches/" + branch + "/counters").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"staff\":\"frontliner " + id + "\"}")
                .post("/counters/" + id + "/open").then().statusCode(200);
        return id;
    }

    public static String issue(String branch, String type, String priority) {
        return given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"%s\",\"source\":\"KIOSK\",\"priority\":\"%s\"}"
                        .formatted(branch, type, priority))
                .post("/tickets").then().statusCode(201).extract().path("id");
    }

    /**
     * Calls the next ticket at the counter, starts and closes its service, so the counter is free for the next call;
     * the ticket's id.
     */
    public static String serveNext(String counter) {
        String id = callNext(counter);
        given().post("/tickets/" + id + "/start").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"SERVED\"}").post("/tickets/" + id + "/close")
                .then().statusCode(200);
        return id;
    }

    /** The id of the ticket the counter called (200), failing on 204. */
    public static String callNext(String counter) {
        return given().post("/counters/" + counter + "/call-next").then().statusCode(200).extract().path("id");
    }
}

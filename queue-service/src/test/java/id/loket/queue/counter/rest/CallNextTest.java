package id.loket.queue.counter.rest;

import id.loket.queue.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** call-next is safe to repeat: a retried request answers the same ticket, a busy counter calls nobody else. */
@QuarkusTest
class CallNextTest {

    @Test
    void theSameIdempotencyKeyTwiceAnswersTheSameTicketAndCallsOnce() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String first = Fixtures.issue(branch, "A", "NONE");
        String second = Fixtures.issue(branch, "A", "NONE");
        String key = "call-" + UUID.randomUUID();

        callNext(counter, key).then().statusCode(200).body("id", equalTo(first)).body("state", equalTo("CALLED"));
        callNext(counter, key).then().statusCode(200).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first)).body("number", equalTo("A-001"));

        given().get("/tickets/" + first + "/events").then().body("type", contains("TicketIssued", "TicketCalled"));
        given().get("/tickets/" + second).then().body("state", equalTo("WAITING"));
        // the key belongs to that one call: at another counter it is refused, not replayed
        String other = Fixtures.openCounter(branch, "A");
        callNext(other, key).then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aCounterWithACalledOrServedTicketGets409NamingItAndCallsNobody() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String first = Fixtures.issue(branch, "A", "NONE");
        String second = Fixtures.issue(branch, "A", "NONE");
        assertThat(Fixtures.callNext(counter)).isEqualTo(first);

        busy(counter, first, "A-001", "CALLED");
        given().post("/tickets/" + first + "/start").then().statusCode(200);
        busy(counter, first, "A-001", "SERVING");
        given().get("/tickets/" + second).then().body("state", equalTo("WAITING"));
        given().get("/tickets/" + first + "/events").then().body("type", contains("TicketIssued", "TicketCalled", "ServiceStarted"));

        // with a key the refusal is not kept: once the counter is free, the same key calls the next visitor
        String key = "call-" + UUID.randomUUID();
        callNext(counter, key).then().statusCode(409);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"SERVED\"}").post("/tickets/" + first + "/close")
                .then().statusCode(200);
        callNext(counter, key).then().statusCode(200).body("id", equalTo(second));
    }

    @Test
    void twoCallsAtOnceWithoutAKeyCallExactlyOneTicket() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        List<String> issued = List.of(Fixtures.issue(branch, "A", "NONE"), Fixtures.issue(branch, "A", "NONE"));
        List<ExtractableResponse<Response>> answers = atOnce(() -> given().post("/counters/" + counter + "/call-next").then().extract());

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(200, 409);
        String called = answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow().path("id");
        ExtractableResponse<Response> refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
        assertThat(refused.<String>path("ticketId")).isEqualTo(called);
        assertThat(issued.stream().filter(id -> "CALLED".equals(given().get("/tickets/" + id).then().extract().path("state"))))
                .containsExactly(called);
    }

    @Test
    void aDoubleClickWithOneKeyCallsOneTicketAndBothGetIt() throws Exception {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String first = Fixtures.issue(branch, "A", "NONE");
        String second = Fixtures.issue(branch, "A", "NONE");
        String key = "click-" + UUID.randomUUID();
        List<ExtractableResponse<Response>> answers = atOnce(() -> callNext(counter, key).then().extract());

        assertThat(answers).extracting(ExtractableResponse::statusCode).containsExactly(200, 200);
        assertThat(answers).extracting(a -> a.<String>path("id")).containsExactly(first, first);
        given().get("/tickets/" + second).then().body("state", equalTo("WAITING"));
    }

    private static void busy(String counter, String ticket, String number, String state) {
        given().post("/counters/" + counter + "/call-next").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("counter-busy"))
                .body("counterId", equalTo(counter))
                .body("ticketId", equalTo(ticket))
                .body("ticketNumber", equalTo(number))
                .body("ticketState", equalTo(state))
                .body("detail", containsString(number));
    }

    private static Response callNext(String counter, String key) {
        return given().header("Idempotency-Key", key).post("/counters/" + counter + "/call-next");
    }

    /** The request twice, released together from two threads. */
    private static List<ExtractableResponse<Response>> atOnce(java.util.concurrent.Callable<ExtractableResponse<Response>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<ExtractableResponse<Response>>> futures = List.of(
                    pool.submit(() -> { go.await(); return request.call(); }),
                    pool.submit(() -> { go.await(); return request.call(); }));
            go.countDown();
            return List.of(futures.get(0).get(), futures.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }
}

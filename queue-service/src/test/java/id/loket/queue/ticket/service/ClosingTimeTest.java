package id.loket.queue.ticket.service;

import id.loket.queue.Fixtures;
import id.loket.queue.TestClock;
import id.loket.queue.branch.rest.ServiceHoursTest;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The end-of-day policy runs by itself at closing time (the scheduler ticks every second in tests), once per
 * branch and business day, also when many runners (replicas) tick at once and when it starts late.
 * Branches open Monday–Friday 08:00–15:00 local time; 2031-03-03 is a Monday.
 */
@QuarkusTest
class ClosingTimeTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    TestClock clock;
    @Inject
    ClosingTime closingTime;
    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void atClosingTimeTheQueueIsClosedOncePerBusinessDay() throws Exception {
        at("2031-03-03T05:00:00Z"); // Monday 13:00 WITA
        String branch = ServiceHoursTest.branchWithWeekdayHours("Asia/Makassar");
        String counter = Fixtures.openCounter(branch, "A");
        String served = Fixtures.issue(branch, "A", "NONE");
        clock.advance(Duration.ofSeconds(1)); // time stands still: the second one must come later
        String waiting = Fixtures.issue(branch, "A", "NONE");
        assertThat(Fixtures.callNext(counter)).isEqualTo(served);
        given().post("/tickets/" + served + "/start").then().statusCode(200);

        at("2031-03-03T06:59:59Z"); // 14:59:59 WITA: not yet
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> state(waiting).equals("WAITING"));
        assertThat(runs(branch, "2031-03-03")).isEmpty();

        at("2031-03-03T07:00:00Z"); // 15:00 WITA
        await().atMost(WAIT).until(() -> state(waiting).equals("END_OF_DAY"));
        assertThat(state(served)).isEqualTo("SERVING");
        assertThat(runs(branch, "2031-03-03")).containsExactly("2031-03-03:1");
        given().get("/tickets/" + waiting + "/events").then()
                .body("[1].type", equalTo("TicketClosedAtEndOfDay")).body("[1].payload.businessDate", equalTo("2031-03-03"));

        // after closing, the one being served is sent to another service type and waits again (Monday's ticket):
        // the day has been ended, so it is not ended again however often the job ticks
        at("2031-03-03T07:10:00Z");
        given().contentType(ContentType.JSON).body("{\"serviceType\":\"B\"}").post("/tickets/" + served + "/transfer")
                .then().statusCode(200).body("state", equalTo("WAITING"));
        assertThat(closingTime.runDue()).noneMatch(r -> r.branch().equals(branch));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() -> state(served).equals("WAITING"));
        assertThat(runs(branch, "2031-03-03")).containsExactly("2031-03-03:1");

        // Tuesday morning, before the doors open: Monday is done, Tuesday has not closed yet
        at("2031-03-03T23:30:00Z");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> state(served).equals("WAITING"));
        // Tuesday 15:00: Tuesday's end of day takes Monday's leftover too
        at("2031-03-04T07:00:00Z");
        await().atMost(WAIT).until(() -> state(served).equals("END_OF_DAY"));
        assertThat(runs(branch, "2031-03-03")).containsExactly("2031-03-03:1", "2031-03-04:1");
    }

    @Test
    void manyRunnersAtOnceEndTheDayOnce() throws Exception {
        at("2031-03-05T06:00:00Z"); // Wednesday 14:00 WITA
        String branch = ServiceHoursTest.branchWithWeekdayHours("Asia/Makassar");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 20; i++) tickets.add(Fixtures.issue(branch, i % 2 == 0 ? "A" : "B", "NONE"));

        // four runners (as four replicas would) and the scheduler's own tick, all at closing time
        int runners = 4;
        CyclicBarrier start = new CyclicBarrier(runners);
        ExecutorService pool = Executors.newFixedThreadPool(runners);
        List<Future<List<EndOfDay.Result>>> results = new ArrayList<>();
        at("2031-03-05T07:00:00Z");
        try {
            for (int i = 0; i < runners; i++) {
                results.add(pool.submit((Callable<List<EndOfDay.Result>>) () -> {
                    start.await();
                    return closingTime.runDue();
                }));
            }
            long mine = 0;
            for (Future<List<EndOfDay.Result>> f : results) {
                mine += f.get().stream().filter(r -> r.branch().equals(branch)).peek(r -> assertThat(r.tickets()).isEqualTo(20)).count();
            }
            assertThat(mine).isLessThanOrEqualTo(1); // the scheduler may have been first
        } finally {
            pool.shutdownNow();
        }
        await().atMost(WAIT).until(() -> tickets.stream().allMatch(t -> state(t).equals("END_OF_DAY")));
        assertThat(runs(branch, "2031-03-05")).containsExactly("2031-03-05:20");
        for (String t : tickets) {
            List<String> types = given().get("/tickets/" + t + "/events").then().extract().path("type");
            assertThat(types).containsExactly("TicketIssued", "TicketClosedAtEndOfDay");
        }
    }

    @Test
    void startedLateItStillEndsTheDayThatClosedAndOnlyThatDay() throws Exception {
        at("2031-03-06T05:00:00Z"); // Thursday 12:00 WIB
        String branch = Fixtures.uniqueCode();
        given().contentType(ContentType.JSON).body("""
                        {"code":"%s","name":"Overnight","zoneId":"Asia/Jakarta","endOfDayPolicy":"CARRY_OVER",
                         "serviceHours":[{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"08:00","closes":"15:00"}]}"""
                        .formatted(branch))
                .post("/branches").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"code\":\"A\",\"prefix\":\"A\",\"name\":\"admin\"}")
                .post("/branches/" + branch + "/service-types").then().statusCode(201);
        String first = Fixtures.issue(branch, "A", "NONE");
        String second = Fixtures.issue(branch, "A", "NONE");
        String booked = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"serviceType\":\"A\",\"date\":\"2031-03-07\",\"slot\":\"08:00\"}".formatted(branch))
                .post("/appointments").then().statusCode(201).extract().path("id");

        // the service was down at Thursday's closing time and comes back Friday 07:30, before opening
        at("2031-03-07T00:30:00Z");
        await().atMost(WAIT).until(() -> given().get("/tickets/" + first).then().extract().path("businessDate").equals("2031-03-07"));
        // checked in before opening on Friday: a Friday ticket, which Thursday's end of day must not touch
        String friday = given().post("/appointments/" + booked + "/check-in").then().statusCode(201)
                .body("businessDate", equalTo("2031-03-07")).extract().path("id");
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() ->
                given().get("/tickets/" + friday).then().extract().path("businessDate").equals("2031-03-07"));
        given().get("/tickets/" + second).then().body("state", equalTo("WAITING")).body("businessDate", equalTo("2031-03-07"));
        assertThat(runs(branch, "2031-03-06")).containsExactly("2031-03-06:2");
        given().get("/tickets/" + first + "/events").then()
                .body("[1].type", equalTo("TicketCarriedOver"))
                .body("[1].payload.fromDate", equalTo("2031-03-06")).body("[1].payload.toDate", equalTo("2031-03-07"));
        // the manual end of day stays
        given().post("/branches/" + branch + "/end-of-day").then().statusCode(200).body("businessDate", equalTo("2031-03-07"));
    }

    /** From now on "now" is this instant, standing still. */
    void at(String instant) {
        clock.reset();
        clock.set(Instant.parse(instant));
        clock.freeze();
    }

    static String state(String ticket) {
        return given().get("/tickets/" + ticket).then().statusCode(200).extract().path("state");
    }

    /**
     * The automatic end-of-day runs of a branch from the given day on, "date:tickets", by date. (A branch given
     * hours on a Monday also has the previous Friday ended at once: its last closing time had come.)
     */
    List<String> runs(String branch, String from) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT business_date, tickets FROM scheduled_end_of_day"
                     + " WHERE branch_code = ? AND business_date >= CAST(? AS date) ORDER BY business_date")) {
            ps.setString(1, branch);
            ps.setString(2, from);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getDate(1).toLocalDate() + ":" + rs.getInt(2));
            }
            return out;
        }
    }
}

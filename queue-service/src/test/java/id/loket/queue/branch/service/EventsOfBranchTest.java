package id.loket.queue.branch.service;

import id.loket.platform.events.StoredEvent;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.test.TestTokens;
import id.loket.queue.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every queue event's metadata names the branch where it happened: the ticket's, counter's or visit's, not the user's. */
@QuarkusTest
class EventsOfBranchTest {

    @Inject
    EventStore store;

    @Test
    void ticketCounterAndVisitEventsNameTheirBranchEvenWhenANationalUserActs() {
        String branch = Fixtures.branch("Asia/Jakarta");
        String counter = Fixtures.openCounter(branch, "A");
        String ticket = Fixtures.issue(branch, "A", "NONE"); // the default test token: a national user, of no branch
        Fixtures.serveNext(counter);
        String frontliner = TestTokens.bearer("frontliner-" + branch, branch, "FRONTLINER");
        given().header("Authorization", frontliner).post("/counters/" + counter + "/close").then().statusCode(200);
        String visit = given().contentType(ContentType.JSON)
                .body("{\"branch\":\"%s\",\"purpose\":\"COMPLAINT\"}".formatted(branch))
                .post("/screenings").then().statusCode(201).extract().path("visitId");

        List<StoredEvent> events = new java.util.ArrayList<>();
        events.addAll(store.readStream("ticket-" + ticket));
        events.addAll(store.readStream("counter-" + counter));
        events.addAll(store.readStream("visit-" + visit));
        assertThat(events).extracting(StoredEvent::type).contains("TicketIssued", "TicketCalled", "ServiceStarted",
                "VisitClosed", "CounterOpened", "CounterClosed", "VisitorScreened");
        assertThat(events).allSatisfy(e -> assertThat(e.metadata().branch()).as(e.type()).isEqualTo(branch));
    }
}

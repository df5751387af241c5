package id.loket.system;

import id.loket.platform.test.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import id.loket.platform.test.TopicReader;
import id.loket.system.LoketSystem.Service;
import id.loket.platform.test.EventContract;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static id.loket.system.LoketSystem.Service.COMPLAINT;
import static id.loket.system.LoketSystem.Service.FEEDBACK;
import static id.loket.system.LoketSystem.Service.MEMBERSHIP;
import static id.loket.system.LoketSystem.Service.QUEUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's visit, end to end, through the four services running as real processes over one PostgreSQL and
 * one Kafka broker. The test is the counter front-end (and, at the end, the participant's phone): every
 * request of the visit carries one {@code X-Correlation-Id}, which must come out on every event of the visit,
 * also on the events that consumers append in other services.
 *
 * <p>The family: Budi (head, PBPU class III) and his wife Sri, registered three months ago and never paid, so
 * suspended. Budi comes to the branch to report Sri's death: screening finds him in arrears → ticket →
 * counter calls and starts → a DECEASED_DEACTIVATION complaint for Sri, documents verified → membership
 * deactivates Sri with the complaint reference, complaint-service records it from membership's event →
 * resolved, channels educated → visit closed → survey offered → rating 2 → a follow-up complaint.
 */
class VisitEndToEndTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final Duration ASYNC = Duration.ofSeconds(60); // generous: the machine may be busy
    static final String BRANCH = "SDA"; // complaint-service's reference data knows this branch's calendar
    static final String COUNTER = "SDA-1";

    static final String HEAD_NIK = "3515081203850001";      // man born 12 March 1985
    static final String SPOUSE_NIK = "3515084506870002";    // woman born 5 June 1987 (day 05 + 40)
    static final String FAMILY_CARD = "3515080101850001";
    static final String DEATH_CERTIFICATE = "3515-KM-05062026-0042";
    static final String PHONE = "081234567890";

    static LoketSystem system;
    static EventTopics topics;

    /**
     * Every record read from the four topics once the visit is over (queue, membership, complaint, feedback,
     * each in read order): what the event contract is checked against.
     */
    static final List<ConsumerRecord<String, byte[]>> recordsRead = new ArrayList<>();

    @BeforeAll
    static void startTheBranch() {
        system = LoketSystem.start();
        topics = EventTopics.open(system.bootstrapServers());
    }

    @AfterAll
    static void stopTheBranch() {
        if (topics != null) topics.close();
        if (system != null) system.close();
    }

    // what the story learns as it goes
    final Http setup = new Http("system-test-setup-" + UUID.randomUUID());
    final Http visit = new Http("visit-" + UUID.randomUUID());
    // the people of the visit, each signed in as themselves (one correlation id for the whole visit)
    final Http door = visit.as(TestTokens.bearer("so-sda", BRANCH, "SECURITY_OFFICER"));
    final Http counter = visit.as(TestTokens.bearer("frontliner-sda-1", BRANCH, "FRONTLINER"));
    final Http supervisor = visit.as(TestTokens.bearer("supervisor-sda", BRANCH, "SUPERVISOR"));
    final Http phone = visit.as(null); // the participant's phone: the survey page needs no sign-in
    final LocalDate today = LocalDate.now(JAKARTA);
    final YearMonth thisMonth = YearMonth.from(today);
    final LocalDate dateOfDeath = thisMonth.minusMonths(2).atDay(15);
    String headId;
    String spouseId;
    String accountId;
    String visitId;
    String ticketId;
    String complaintId;
    String complaintReference;
    String surveyId;
    String followUpId;

    @Test
    void aVisitGoesThroughAllFourServices() {
        setUpTheBranchAndTheFamily();

        screeningFindsTheVisitorInArrears();
        theCounterCallsAndStarts();
        theDeathIsReportedAndActedOn();
        theVisitIsClosedAndRated();

        // from here on nothing changes: every consumer has handled every event published so far
        topics.awaitConsumersCaughtUp(ASYNC);
        everyServiceShowsTheVisit();
        everyEventOfTheStoryIsOnTheTopics();
    }

    // ---------------------------------------------------------------------------------------------------------
    // set-up: the branch's service types and counter, the family in arrears (not part of the visit)
    // ---------------------------------------------------------------------------------------------------------

    void setUpTheBranchAndTheFamily() {
        String q = system.url(QUEUE);
        setup.post(q + "/branches", obj("code", BRANCH, "name", "Kantor Cabang Sidoarjo (system test)",
                "zoneId", "Asia/Jakarta")).expect(201);
        setup.post(q + "/branches/" + BRANCH + "/service-types", obj("code", "A", "prefix", "A", "name", "Administrasi kepesertaan")).expect(201);
        setup.post(q + "/branches/" + BRANCH + "/service-types", obj("code", "B", "prefix", "B", "name", "Pengaduan dan informasi")).expect(201);
        setup.post(q + "/branches/" + BRANCH + "/service-types", obj("code", "C", "prefix", "C", "name", "Iuran dan tunggakan")).expect(201);
        setup.post(q + "/branches/" + BRANCH + "/counters", obj("id", COUNTER, "name", "Loket 1",
                "serviceTypes", List.of("A", "B", "C"))).expect(201);

        String m = system.url(MEMBERSHIP);
        LocalDate registered = thisMonth.minusMonths(3).atDay(1);
        JsonNode head = setup.post(m + "/participants", obj("nik", HEAD_NIK, "name", "Budi Santoso", "birthDate", "1985-03-12",
                "sex", "MALE", "familyCardNumber", FAMILY_CARD, "segment", "PBPU", "careClass", "III", "relation", "HEAD",
                "registrationDate", registered.toString())).expect(201);
        JsonNode spouse = setup.post(m + "/families/members", obj("nik", SPOUSE_NIK, "name", "Sri Wahyuni",
                "birthDate", "1987-06-05", "sex", "FEMALE", "familyCardNumber", FAMILY_CARD, "segment", "PBPU",
                "careClass", "III", "relation", "SPOUSE", "registrationDate", registered.toString())).expect(201);
        headId = head.path("id").asText();
        spouseId = spouse.path("id").asText();
        accountId = head.path("accountId").asText();
        assertThat(spouse.path("accountId").asText()).as("one PBPU family, one account").isEqualTo(accountId);

        // three months billed and never paid; the daily suspension run, for today, suspends the whole family
        for (int back = 3; back >= 1; back--) {
            JsonNode run = setup.post(m + "/billing-runs", obj("month", thisMonth.minusMonths(back).toString())).expect(200);
            assertThat(run.path("accountsBilled").asInt()).isEqualTo(1);
            assertThat(run.path("participantsBilled").asInt()).isEqualTo(2);
        }
        JsonNode suspension = setup.post(m + "/admin/suspension-runs", obj("date", today.toString())).expect(200);
        assertThat(suspension.path("suspended").asInt()).isEqualTo(2);
        assertThat(setup.purpose("visit:system-test-setup").get(m + "/participants/" + headId + "/status").expect(200).path("status").asText()).isEqualTo("SUSPENDED");

        // the door answers from queue-service's own copy of membership status, built from membership's events
        await("queue-service's local copy knows the head of family is suspended").atMost(ASYNC).untilAsserted(() -> {
            JsonNode answer = setup.post(q + "/screenings/check", obj("branch", BRANCH, "nik", HEAD_NIK,
                    "purpose", "DEACTIVATION_DECEASED")).expect(200).path("membership");
            assertThat(answer.path("source").asText()).isEqualTo("LOCAL_COPY");
            assertThat(answer.path("status").asText()).isEqualTo("SUSPENDED");
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // the visit, acting as the counter front-end: one correlation id from here to the last event
    // ---------------------------------------------------------------------------------------------------------

    /** Stage 1: the security officer screens Budi at the door. */
    void screeningFindsTheVisitorInArrears() {
        JsonNode screened = door.post(system.url(QUEUE) + "/screenings", obj("branch", BRANCH, "nik", HEAD_NIK,
                "purpose", "DEACTIVATION_DECEASED")).expect(201);
        JsonNode membership = screened.path("membership");
        assertThat(membership.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(membership.path("monthsInArrears").asInt()).isEqualTo(3);
        assertThat(membership.path("source").asText()).isEqualTo("LOCAL_COPY");
        assertThat(membership.path("nikLast4").asText()).isEqualTo("0001");
        assertThat(screened.path("outcome").asText()).isEqualTo("TICKET");
        JsonNode ticket = screened.path("ticket");
        assertThat(ticket.path("state").asText()).isEqualTo("WAITING");
        assertThat(ticket.path("visitId").asText()).isEqualTo(screened.path("visitId").asText());
        visitId = screened.path("visitId").asText();
        ticketId = ticket.path("id").asText();
    }

    /** Stage 2: the frontliner opens the counter, calls the next ticket, starts, looks the family up. */
    void theCounterCallsAndStarts() {
        String q = system.url(QUEUE);
        counter.post(q + "/counters/" + COUNTER + "/open", obj("staff", "frontliner-sda-1")).expect(200);
        JsonNode called = counter.post(q + "/counters/" + COUNTER + "/call-next").expect(200);
        assertThat(called.path("id").asText()).isEqualTo(ticketId);
        assertThat(called.path("state").asText()).isEqualTo("CALLED");
        assertThat(called.path("counterId").asText()).isEqualTo(COUNTER);
        JsonNode started = counter.post(q + "/tickets/" + ticketId + "/start").expect(200);
        assertThat(started.path("state").asText()).isEqualTo("SERVING");

        String m = system.url(MEMBERSHIP);
        JsonNode found = counter.purpose("visit:" + visitId).post(m + "/participants/search", obj("nik", HEAD_NIK)).expect(200);
        assertThat(found.path("id").asText()).isEqualTo(headId);
        assertThat(found.path("status").asText()).isEqualTo("SUSPENDED");
        JsonNode family = counter.purpose("visit:" + visitId).post(m + "/families/search", obj("familyCardNumber", FAMILY_CARD)).expect(200);
        assertThat(StreamSupport.stream(family.path("members").spliterator(), false).map(p -> p.path("id").asText()))
                .containsExactlyInAnyOrder(headId, spouseId);
        JsonNode arrears = counter.purpose("visit:" + visitId).get(m + "/participants/" + headId + "/arrears").expect(200);
        assertThat(arrears.path("months")).hasSize(3);
    }

    /** Stage 3: the death of Sri is registered as a complaint, documented, acted on by membership, resolved. */
    void theDeathIsReportedAndActedOn() {
        String c = system.url(COMPLAINT);
        JsonNode registered = counter.post(c + "/complaints", obj("channel", "COUNTER", "branch", BRANCH,
                "category", "DECEASED_DEACTIVATION", "participantId", spouseId, "visitId", visitId, "counterId", COUNTER,
                "reporterContact", obj("name", "Budi Santoso", "phone", PHONE),
                "description", "Peserta (istri) meninggal dunia; dilaporkan oleh suami, kepala keluarga")).expect(201);
        complaintId = registered.path("id").asText();
        complaintReference = registered.path("reference").asText();
        assertThat(registered.path("status").asText()).isEqualTo("OPEN");
        assertThat(registered.path("documentsVerified").asBoolean()).isFalse();
        assertThat(complaintReference).startsWith(BRANCH + "-");

        counter.post(c + "/complaints/" + complaintId + "/documents", obj("type", "DEATH_CERTIFICATE", "number", DEATH_CERTIFICATE)).expect(200);
        counter.post(c + "/complaints/" + complaintId + "/documents", obj("type", "KTP", "number", SPOUSE_NIK)).expect(200);
        JsonNode documented = counter.post(c + "/complaints/" + complaintId + "/documents",
                obj("type", "FAMILY_CARD", "number", FAMILY_CARD)).expect(200);
        assertThat(documented.path("documentsVerified").asBoolean()).isTrue();
        assertThat(documented.path("missingDocuments")).isEmpty();

        // the front-end calls the owning service directly, carrying the complaint reference: the frontliner's
        // death report is a request, and a supervisor (another person: four eyes) approves it
        String requestId = counter.post(system.url(MEMBERSHIP) + "/participants/" + spouseId + "/deactivations",
                obj("reason", "DECEASED", "dateOfDeath", dateOfDeath.toString(), "complaintReference", complaintReference,
                        "documents", List.of(obj("type", "DEATH_CERTIFICATE", "number", DEATH_CERTIFICATE),
                                obj("type", "ID_CARD", "number", SPOUSE_NIK),
                                obj("type", "FAMILY_CARD", "number", FAMILY_CARD)))).expect(202).path("requestId").asText();
        JsonNode deactivated = supervisor.post(system.url(MEMBERSHIP) + "/participants/" + spouseId
                + "/deactivation-requests/" + requestId + "/approve").expect(200);
        assertThat(deactivated.path("status").asText()).isEqualTo("INACTIVE");
        // billed up to the month of death; the month after it is no longer owed for Sri
        assertThat(deactivated.path("cancelledBills")).hasSize(1);
        assertThat(deactivated.path("cancelledBills").get(0).path("month").asText())
                .isEqualTo(thisMonth.minusMonths(1).toString());

        // complaint-service learns of the action from membership's ParticipantDeactivated
        await("complaint-service records the deactivation").atMost(ASYNC).untilAsserted(() ->
                assertThat(timelineTypes(counter.get(c + "/complaints/" + complaintId).expect(200)))
                        .contains("MembershipActionRecorded"));

        JsonNode resolved = counter.post(c + "/complaints/" + complaintId + "/resolve", obj(
                "resolution", "Kepesertaan dinonaktifkan per tanggal meninggal " + dateOfDeath,
                "actionTaken", "membership deactivation " + complaintReference)).expect(200);
        assertThat(resolved.path("status").asText()).isEqualTo("RESOLVED");
        counter.post(c + "/complaints/" + complaintId + "/education", obj("channels", List.of("PANDAWA", "MOBILE_JKN"))).expect(200);
    }

    /** Stage 4: the visit is closed, the survey offered on the counter screen, and Budi rates it 2. */
    void theVisitIsClosedAndRated() {
        JsonNode closed = counter.post(system.url(QUEUE) + "/tickets/" + ticketId + "/close", obj(
                "outcome", "DECEASED_DEACTIVATED", "complaintId", complaintId,
                "channelsEducated", List.of("PANDAWA", "MOBILE_JKN"))).expect(200);
        assertThat(closed.path("state").asText()).isEqualTo("CLOSED");

        // the counter screen asks for the survey: 202 until feedback-service has consumed VisitClosed
        String f = system.url(FEEDBACK);
        JsonNode survey = await("the survey of the visit").atMost(ASYNC).pollInterval(Duration.ofMillis(200)).until(() -> {
            Http.Reply r = counter.get(f + "/visits/" + visitId + "/survey");
            if (r.status() == 202) {
                assertThat(r.body().path("status").asText()).isEqualTo("PENDING");
                assertThat(r.header("Retry-After")).isNotBlank();
                return null;
            }
            return r.expect(200);
        }, s -> s != null);
        surveyId = survey.path("surveyId").asText();
        assertThat(survey.path("answered").asBoolean()).isFalse();
        URI page = URI.create(survey.path("pageUrl").asText());
        assertThat(page.getPath()).startsWith("/survey/");
        String token = page.getPath().substring("/survey/".length());

        // the participant's phone: opening records nothing; the answer does
        JsonNode shown = phone.get(f + "/surveys/" + token).expect(200);
        assertThat(shown.path("counterId").asText()).isEqualTo(COUNTER);
        assertThat(shown.path("answered").asBoolean()).isFalse();
        JsonNode submitted = phone.post(f + "/surveys/" + token, obj("rating", 2,
                "aspects", obj("speed", 1, "friendliness", 4), "comment", "Antre terlalu lama", "phone", PHONE)).expect(200);
        assertThat(submitted.path("followUp").asBoolean()).isTrue();

        // complaint-service opens one follow-up from LowSatisfactionFlagged
        String c = system.url(COMPLAINT);
        JsonNode followUp = await("the follow-up complaint").atMost(ASYNC).until(() -> {
            JsonNode page1 = counter.get(c + "/complaints?category=SATISFACTION_FOLLOW_UP&branch=" + BRANCH).expect(200);
            return page1.path("total").asInt() == 0 ? null : page1.path("items").get(0);
        }, n -> n != null);
        followUpId = followUp.path("id").asText();
        assertThat(followUp.path("channel").asText()).isEqualTo("SURVEY");
        assertThat(followUp.path("surveyId").asText()).isEqualTo(surveyId);
        assertThat(followUp.path("visitId").asText()).isEqualTo(visitId);
        assertThat(followUp.path("counterId").asText()).isEqualTo(COUNTER);
        assertThat(followUp.path("status").asText()).isEqualTo("OPEN");
    }

    // ---------------------------------------------------------------------------------------------------------
    // checks: every service's state over REST, every event on the four topics
    // ---------------------------------------------------------------------------------------------------------

    void everyServiceShowsTheVisit() {
        String q = system.url(QUEUE);
        JsonNode ticket = supervisor.get(q + "/tickets/" + ticketId).expect(200);
        assertThat(ticket.path("state").asText()).isEqualTo("CLOSED");
        assertThat(ticket.path("outcome").asText()).isEqualTo("DECEASED_DEACTIVATED");
        assertThat(ticket.path("counterId").asText()).isEqualTo(COUNTER);
        assertThat(StreamSupport.stream(supervisor.get(q + "/tickets/" + ticketId + "/events").expect(200).spliterator(), false)
                .map(e -> e.path("type").asText()))
                .containsExactly("TicketIssued", "TicketCalled", "ServiceStarted", "VisitClosed");
        // the door now knows Sri is no longer a member
        await("queue-service's local copy knows the deactivation").atMost(ASYNC).untilAsserted(() ->
                assertThat(supervisor.post(q + "/screenings/check", obj("branch", BRANCH, "nik", SPOUSE_NIK, "purpose", "STATUS_CHECK"))
                        .expect(200).path("membership").path("status").asText()).isEqualTo("INACTIVE"));

        String m = system.url(MEMBERSHIP);
        JsonNode spouseStatus = supervisor.purpose("visit:" + visitId).get(m + "/participants/" + spouseId + "/status").expect(200);
        assertThat(spouseStatus.path("status").asText()).isEqualTo("INACTIVE");
        assertThat(spouseStatus.path("reason").asText()).isEqualTo("DECEASED");
        assertThat(supervisor.purpose("visit:" + visitId).get(m + "/participants/" + spouseId + "/status?asOf=" + dateOfDeath.minusDays(1)).expect(200)
                .path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(supervisor.purpose("visit:" + visitId).get(m + "/participants/" + headId + "/status").expect(200).path("status").asText()).isEqualTo("SUSPENDED");
        // who looked at Budi's data, and for what: the frontliner's reads at the counter are in the audit
        JsonNode audit = supervisor.get(m + "/audit/participants/" + headId).expect(200);
        assertThat(StreamSupport.stream(audit.path("accesses").spliterator(), false)
                .filter(a -> a.path("actor").asText().equals("frontliner-sda-1"))
                .map(a -> a.path("purpose").asText()))
                .isNotEmpty().allMatch(("visit:" + visitId)::equals);

        String c = system.url(COMPLAINT);
        JsonNode complaint = supervisor.get(c + "/complaints/" + complaintId).expect(200);
        assertThat(complaint.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(complaint.path("documentsVerified").asBoolean()).isTrue();
        assertThat(complaint.path("participantId").asText()).isEqualTo(spouseId);
        assertThat(complaint.path("visitId").asText()).isEqualTo(visitId);
        // registered with the visit's id, the complaint is linked to it from the start: the VisitClosed naming
        // it adds no VisitLinked (complaint-service links a visit once)
        assertThat(timelineTypes(complaint)).containsSubsequence("ComplaintRegistered", "DocumentsVerified",
                "MembershipActionRecorded", "ComplaintResolved", "EducationRecorded").doesNotContain("VisitLinked");

        JsonNode survey = supervisor.get(system.url(FEEDBACK) + "/visits/" + visitId + "/survey").expect(200);
        assertThat(survey.path("surveyId").asText()).isEqualTo(surveyId);
        assertThat(survey.path("answered").asBoolean()).isTrue();
        JsonNode satisfaction = supervisor.get(system.url(FEEDBACK) + "/satisfaction?branch=" + BRANCH
                + "&from=" + today + "&to=" + LocalDate.now(JAKARTA)).expect(200).path("total");
        assertThat(satisfaction.path("offered").asLong()).isEqualTo(1);
        assertThat(satisfaction.path("answered").asLong()).isEqualTo(1);
        assertThat(satisfaction.path("lowScores").asLong()).isEqualTo(1);
        assertThat(satisfaction.path("distribution").path("2").asLong()).isEqualTo(1);
    }

    void everyEventOfTheStoryIsOnTheTopics() {
        String headKey = "participant-" + headId;
        String spouseKey = "participant-" + spouseId;
        Map<Service, Map<String, List<String>>> expected = new LinkedHashMap<>();
        expected.put(QUEUE, ordered(
                // the frontliner's counter session is an event too (who opened the counter)
                "counter-" + COUNTER, List.of("CounterOpened"),
                "visit-" + visitId, List.of("VisitorScreened"),
                "ticket-" + ticketId, List.of("TicketIssued", "TicketCalled", "ServiceStarted", "VisitClosed")));
        expected.put(MEMBERSHIP, ordered(
                headKey, List.of("ParticipantRegistered", "ParticipantSuspended"),
                spouseKey, List.of("ParticipantRegistered", "ParticipantSuspended", "ParticipantDeactivationRequested", "ParticipantDeactivated"),
                billKey(3), List.of("ContributionBilled"),
                billKey(2), List.of("ContributionBilled"),
                billKey(1), List.of("ContributionBilled", "BillCancelled")));
        expected.put(COMPLAINT, ordered(
                "complaint-" + complaintId, List.of("ComplaintRegistered", "DocumentReceived", "DocumentReceived",
                        "DocumentReceived", "DocumentsVerified",
                        // the death report's request, then the supervisor's approval: both name the complaint
                        "MembershipActionRecorded", "MembershipActionRecorded", "ComplaintResolved",
                        "EducationRecorded"),
                "complaint-" + followUpId, List.of("ComplaintRegistered")));
        expected.put(FEEDBACK, ordered(
                "survey-" + visitId, List.of("SurveyOffered", "FeedbackSubmitted", "LowSatisfactionFlagged")));

        for (var e : expected.entrySet()) {
            Service s = e.getKey();
            int count = e.getValue().values().stream().mapToInt(List::size).sum();
            topics.awaitAtLeast(s, count, ASYNC);
            Map<String, List<String>> withPrefix = new LinkedHashMap<>();
            e.getValue().forEach((key, types) -> withPrefix.put(key, types.stream().map(t -> "loket." + s.shortName() + "." + t).toList()));
            assertThat(topics.typesByKey(s)).as("ce_type per key on " + s.topic())
                    .containsExactlyInAnyOrderEntriesOf(withPrefix);
        }
        recordsRead.clear();
        recordsRead.addAll(topics.records());

        // every record as docs/events/asyncapi.yaml promises consumers: headers, key and payload schema
        EventContract.load().assertAllValid(recordsRead);

        // CloudEvents headers on every record; ce_id unique
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : recordsRead) {
            Service s = Service.valueOf(r.topic().split("\\.")[1].toUpperCase());
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_source")).isEqualTo("/loket/" + s.shortName());
            assertThat(header(r, "ce_subject")).isEqualTo(r.key());
            assertThat(header(r, "ce_dataschemaversion")).isEqualTo("1");
            assertThat(header(r, "content-type")).isEqualTo("application/json");
            assertThat(Instant.parse(header(r, "ce_time"))).isBefore(Instant.now().plusSeconds(1));
            assertThat(ids.add(UUID.fromString(header(r, "ce_id")).toString())).as("ce_id unique: " + describe(r)).isTrue();
        }

        // one correlation id from the first request of the visit to the last event, consumers included;
        // the set-up (registration, billing, suspension) has its own
        Set<String> setupTypes = Set.of("loket.membership.ParticipantRegistered", "loket.membership.ContributionBilled",
                "loket.membership.ParticipantSuspended");
        for (ConsumerRecord<String, byte[]> r : recordsRead) {
            String expectedId = setupTypes.contains(header(r, "ce_type")) ? setup.correlationId() : visit.correlationId();
            assertThat(header(r, "correlation_id")).as("correlation_id of " + describe(r)).isEqualTo(expectedId);
        }
        assertThat(recordsRead.stream().filter(r -> visit.correlationId().equals(header(r, "correlation_id"))))
                // 21 and the frontliner's CounterOpened: the counter is opened within the visit
                .as("events of the visit (all but the 7 of the set-up)").hasSize(22);

        // who did it: every event a signed-in person's request appended names them (the token subject); what a
        // consumer appended, and the anonymous survey answer, name no one
        Map<String, String> actors = Map.of(
                "loket.queue.VisitorScreened", "so-sda",
                "loket.queue.TicketIssued", "so-sda",
                "loket.queue.CounterOpened", "frontliner-sda-1",
                "loket.queue.TicketCalled", "frontliner-sda-1",
                "loket.queue.VisitClosed", "frontliner-sda-1",
                "loket.complaint.ComplaintRegistered", "frontliner-sda-1",
                "loket.membership.ParticipantDeactivationRequested", "frontliner-sda-1",
                "loket.membership.ParticipantDeactivated", "supervisor-sda");
        for (ConsumerRecord<String, byte[]> r : recordsRead) {
            String type = header(r, "ce_type");
            // (a consumer's event of the same type, e.g. the low rating's follow-up complaint, names no one: below)
            if (actors.containsKey(type) && header(r, "causation_id") == null) {
                assertThat(header(r, "actor")).as("actor of " + describe(r)).isEqualTo(actors.get(type));
            }
            if (type.equals("loket.feedback.FeedbackSubmitted") || header(r, "causation_id") != null) {
                assertThat(header(r, "actor")).as("actor of " + describe(r)).isNull();
            }
        }

        // what a consumer appended names the event that caused it; what a request appended names none
        ConsumerRecord<String, byte[]> requested = topics.await(MEMBERSHIP, spouseKey, "loket.membership.ParticipantDeactivationRequested", ASYNC);
        ConsumerRecord<String, byte[]> deactivated = topics.await(MEMBERSHIP, spouseKey, "loket.membership.ParticipantDeactivated", ASYNC);
        ConsumerRecord<String, byte[]> visitClosed = topics.await(QUEUE, "ticket-" + ticketId, "loket.queue.VisitClosed", ASYNC);
        ConsumerRecord<String, byte[]> lowRating = topics.await(FEEDBACK, "survey-" + visitId, "loket.feedback.LowSatisfactionFlagged", ASYNC);
        Map<String, String> causes = Map.of("loket.feedback.SurveyOffered", header(visitClosed, "ce_id"));
        List<String> actionCauses = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : recordsRead) {
            String type = header(r, "ce_type");
            if (type.equals("loket.complaint.MembershipActionRecorded")) {
                actionCauses.add(header(r, "causation_id"));
                continue;
            }
            String cause = causes.get(type);
            if (("complaint-" + followUpId).equals(r.key())) cause = header(lowRating, "ce_id");
            assertThat(header(r, "causation_id")).as("causation_id of " + describe(r)).isEqualTo(cause);
        }

        assertThat(actionCauses).as("the complaint's membership actions, in order")
                .containsExactly(header(requested, "ce_id"), header(deactivated, "ce_id"));

        // the payloads tie the story together
        for (ConsumerRecord<String, byte[]> r : topics.records(QUEUE)) {
            // a counter's session is the counter's, not one visit's: it names the counter and who staffs it
            if (r.key().startsWith("counter-")) {
                assertThat(payload(r).path("counterId").asText()).as("counterId of " + describe(r)).isEqualTo(COUNTER);
                continue;
            }
            assertThat(payload(r).path("visitId").asText()).as("visitId of " + describe(r)).isEqualTo(visitId);
        }
        for (ConsumerRecord<String, byte[]> r : topics.records(FEEDBACK)) {
            assertThat(payload(r).path("visitId").asText()).isEqualTo(visitId);
            assertThat(payload(r).path("surveyId").asText()).isEqualTo(surveyId);
        }
        for (ConsumerRecord<String, byte[]> r : topics.records(COMPLAINT)) {
            assertThat(payload(r).path("branch").asText()).isEqualTo(BRANCH);
        }
        JsonNode deactivation = payload(deactivated);
        assertThat(deactivation.path("reason").asText()).isEqualTo("DECEASED");
        assertThat(deactivation.path("effectiveFrom").asText()).isEqualTo(dateOfDeath.toString());
        assertThat(deactivation.path("complaintReference").asText()).isEqualTo(complaintReference);
        JsonNode closed = payload(visitClosed);
        assertThat(closed.path("complaintId").asText()).isEqualTo(complaintId);
        assertThat(closed.path("counterId").asText()).isEqualTo(COUNTER);
        assertThat(payload(lowRating).path("rating").asInt()).isEqualTo(2);
        assertThat(payload(lowRating).path("contactPhone").asText()).isEqualTo(PHONE);

        // privacy: no NIK and no family card number on any topic, in a value or a header
        for (ConsumerRecord<String, byte[]> r : recordsRead) {
            StringBuilder all = new StringBuilder(new String(r.value(), StandardCharsets.UTF_8)).append(r.key());
            r.headers().forEach(h -> all.append(new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(all.toString()).as("personal data in " + describe(r)).doesNotContain(HEAD_NIK, SPOUSE_NIK, FAMILY_CARD);
        }

        // nothing was dead-lettered by any consumer
        Map<String, Long> deadLetters = topics.deadLetterCounts();
        assertThat(deadLetters.keySet()).contains("loket.membership.events.queue-membership-status.dlq",
                "loket.membership.events.complaint-membership-actions.dlq", "loket.queue.events.complaint-visit-link.dlq",
                "loket.queue.events.feedback-surveys.dlq", "loket.feedback.events.complaint-follow-up.dlq");
        assertThat(deadLetters).allSatisfy((topic, count) -> assertThat(count).as(topic).isZero());
    }

    // ---------------------------------------------------------------------------------------------------------

    String billKey(int monthsBack) {
        return "bill-" + accountId + "-" + thisMonth.minusMonths(monthsBack);
    }

    static List<String> timelineTypes(JsonNode complaint) {
        return StreamSupport.stream(complaint.path("timeline").spliterator(), false).map(t -> t.path("type").asText()).toList();
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        return TopicReader.header(r, name);
    }

    static JsonNode payload(ConsumerRecord<String, byte[]> r) {
        try {
            return Http.JSON.readTree(r.value());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + describe(r), e);
        }
    }

    static String describe(ConsumerRecord<String, byte[]> r) {
        return header(r, "ce_type") + " " + r.key() + " (" + r.topic() + "-" + r.partition() + "@" + r.offset() + ")";
    }

    /** A JSON object from name, value pairs, in order. */
    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> ordered(Object... pairs) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (List<String>) pairs[i + 1]);
        return m;
    }
}

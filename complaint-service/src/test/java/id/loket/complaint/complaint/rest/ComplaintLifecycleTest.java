package id.loket.complaint.complaint.rest;

import id.loket.complaint.TestClock;
import id.loket.complaint.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static id.loket.complaint.Api.get;
import static id.loket.complaint.Api.post;
import static id.loket.complaint.Api.register;
import static id.loket.complaint.TestClock.wib;
import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ComplaintLifecycleTest {

    @Inject
    TestClock clock;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static Instant instant(String s) {
        return Instant.parse(s);
    }

    @Test
    void aRedComplaintRegisteredLateInTheDayIsDueNextMorningAndPublishedWithoutPersonalData() throws Exception {
        clock.setWib("2026-12-03T14:50");
        var created = given().contentType(ContentType.JSON).body(Api.registerBody("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER"))
                .post("/complaints").then().statusCode(201)
                .body("serviceLevel", equalTo("RED"))
                .body("status", equalTo("OPEN"))
                .body("businessDate", equalTo("2026-12-03"))
                .body("reporterContact.phone", equalTo("081234567890"))
                .body("requiredDocuments", equalTo(List.of("JKN_CARD", "SUPPORTING_EVIDENCE")))
                .extract();
        String id = created.path("id");
        String reference = created.path("reference");
        assertThat(reference).matches("SDA-20261203-\\d{4}");
        // 10 minutes before closing, 20 after opening on Friday; resolution at Friday's close
        assertThat(instant(created.path("firstResponseDueAt"))).isEqualTo(wib("2026-12-04T08:20"));
        assertThat(instant(created.path("resolutionDueAt"))).isEqualTo(wib("2026-12-04T15:00"));

        // the next one that day takes the next number
        String next = given().get("/complaints/" + register("SDA", "INFORMATION", "PANDAWA")).then().extract().path("reference");
        int seq = Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
        assertThat(next).isEqualTo("SDA-20261203-%04d".formatted(seq + 1));

        try (TopicReader topic = TopicReader.open(bootstrap, "loket.complaint.events")) {
            var r = topic.awaitRecord(rec -> ("complaint-" + id).equals(rec.key()), Duration.ofSeconds(60));
            assertThat(header(r, "ce_type")).isEqualTo("loket.complaint.ComplaintRegistered");
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode event = new ObjectMapper().readTree(value);
            assertThat(event.get("reference").asText()).isEqualTo(reference);
            assertThat(event.get("branch").asText()).isEqualTo("SDA");
            assertThat(event.get("category").asText()).isEqualTo("HEALTH_SERVICE_COMPLAINT");
            assertThat(event.get("hasContact").asBoolean()).isTrue();
            assertThat(value).doesNotContain("081234567890").doesNotContain("Budi");
        }
    }

    @Test
    void fiveWorkingDaysSkipAHolidayAndTheWeekend() {
        // Friday 14 August; Monday 17 August is Independence Day: day 1 is Tuesday 18, day 5 Monday 24
        clock.setWib("2026-08-14T10:00");
        String id = register("SDA", "DECEASED_DEACTIVATION", "COUNTER");
        var body = get(id).body("serviceLevel", equalTo("YELLOW")).extract();
        assertThat(instant(body.path("resolutionDueAt"))).isEqualTo(wib("2026-08-24T15:00"));
        // yellow's first response: one working day of service hours (420 minutes)
        assertThat(instant(body.path("firstResponseDueAt"))).isEqualTo(wib("2026-08-18T10:00"));
    }

    @Test
    void registeredAfterClosingCountsFromTheNextWorkingDay() {
        clock.setWib("2026-12-04T16:10"); // Friday after closing
        String id = register("SDA", "HEALTH_SERVICE_COMPLAINT", "CARE_CENTER_165");
        var body = get(id).body("businessDate", equalTo("2026-12-04")).extract();
        assertThat(instant(body.path("firstResponseDueAt"))).isEqualTo(wib("2026-12-07T08:30"));
        assertThat(instant(body.path("resolutionDueAt"))).isEqualTo(wib("2026-12-08T15:00"));
    }

    @Test
    void firstResponseIsItsOwnClock() {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        clock.setWib("2026-12-07T09:20");
        post(id, "respond", "{\"message\":\"Kami sedang menghubungi rumah sakit\"}").statusCode(200)
                .body("respondedAt", equalTo(wib("2026-12-07T09:20").toString()))
                .body("status", equalTo("OPEN"))
                .body("timeline.find { it.type == 'ComplaintResponded' }.detail.withinSla", equalTo(true));
        post(id, "respond", "{\"message\":\"again\"}").statusCode(409).contentType("application/problem+json");

        clock.setWib("2026-12-07T08:00");
        String late = register("SDA", "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        clock.setWib("2026-12-07T08:31");
        post(late, "respond", "{\"message\":\"maaf terlambat\"}").statusCode(200)
                .body("timeline.find { it.type == 'ComplaintResponded' }.detail.withinSla", equalTo(false));
    }

    @Test
    void pauseStopsTheResolutionClockAndResumeMovesTheDueTime() {
        clock.setWib("2026-12-07T09:00"); // Monday; yellow: due Monday 14 December 15:00
        String id = register("SDA", "DATA_CORRECTION", "COUNTER");
        assertThat(instant(get(id).extract().path("resolutionDueAt"))).isEqualTo(wib("2026-12-14T15:00"));
        post(id, "resume", null).statusCode(409);
        clock.setWib("2026-12-08T10:00");
        post(id, "pause", "{\"reason\":\"waiting for the participant's family card\"}").statusCode(200)
                .body("status", equalTo("PAUSED"));
        post(id, "pause", "{\"reason\":\"again\"}").statusCode(409);
        post(id, "resolve", "{\"resolution\":\"x\",\"actionTaken\":\"y\"}").statusCode(409)
                .body("detail", containsString("paused"));
        clock.setWib("2026-12-09T10:00");
        // paused Tuesday 10:00–15:00 and Wednesday 08:00–10:00: seven service hours
        var body = post(id, "resume", null).statusCode(200).body("status", equalTo("OPEN"))
                .body("timeline.find { it.type == 'ResolutionResumed' }.detail.pausedWorkingSeconds", equalTo(7 * 3600))
                .extract();
        assertThat(instant(body.path("resolutionDueAt"))).isEqualTo(wib("2026-12-15T15:00"));
    }

    @Test
    void resolvingIsBlockedUntilEveryRequiredDocumentIsIn() throws Exception {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "DECEASED_DEACTIVATION", "COUNTER");
        post(id, "resolve", "{\"resolution\":\"deactivated\",\"actionTaken\":\"membership deactivation\"}").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("DEATH_CERTIFICATE"))
                .body("detail", containsString("JKN_CARD or KTP"))
                .body("detail", containsString("FAMILY_CARD"));
        post(id, "documents", "{\"type\":\"DEATH_CERTIFICATE\",\"number\":\"AK-3515-2026-00091\"}").statusCode(200)
                .body("documentsVerified", equalTo(false));
        post(id, "documents", "{\"type\":\"KTP\",\"number\":\"3515084107900001\"}").statusCode(200)
                .body("missingDocuments", equalTo(List.of("FAMILY_CARD")));
        post(id, "resolve", "{\"resolution\":\"deactivated\",\"actionTaken\":\"membership deactivation\"}").statusCode(409)
                .body("detail", containsString("FAMILY_CARD"))
                .body("detail", not(containsString("DEATH_CERTIFICATE")));
        post(id, "documents", "{\"type\":\"FAMILY_CARD\"}").statusCode(200)
                .body("documentsVerified", equalTo(true))
                .body("missingDocuments", equalTo(List.of()))
                .body("timeline.findAll { it.type == 'DocumentsVerified' }.size()", equalTo(1));
        clock.setWib("2026-12-08T11:00");
        post(id, "resolve", "{\"resolution\":\"deactivated as of the date of death\",\"actionTaken\":\"membership deactivation\"}")
                .statusCode(200).body("status", equalTo("RESOLVED")).body("resolvedWithinSla", equalTo(true));
        // the KTP number is a NIK: only its last four digits were recorded
        assertThat(Api.count(dataSource, "SELECT count(*) FROM event_store WHERE payload::text LIKE '%3515084107900001%'")).isZero();
        get(id).body("timeline.find { it.type == 'DocumentReceived' && it.detail.type == 'KTP' }.detail.numberLast4", equalTo("0001"));
    }

    @Test
    void reopenWorksUpToFourteenDaysAfterResolutionAndNotAfter() {
        clock.setWib("2026-11-02T09:00");
        String id = register("SDA", "INFORMATION", "COUNTER");
        Instant resolvedAt = clock.setWib("2026-11-03T10:00");
        post(id, "resolve", "{\"resolution\":\"explained\",\"actionTaken\":\"informed\"}").statusCode(200);
        clock.set(resolvedAt.plus(Duration.ofDays(14)));
        post(id, "reopen", "{\"reason\":\"the card is still inactive\"}").statusCode(200)
                .body("status", equalTo("OPEN")).body("reopenCount", equalTo(1));
        post(id, "reopen", "{\"reason\":\"again\"}").statusCode(409);
        Instant resolvedAgain = clock.setWib("2026-11-18T09:00");
        post(id, "resolve", "{\"resolution\":\"fixed\",\"actionTaken\":\"data corrected\"}").statusCode(200);
        clock.set(resolvedAgain.plus(Duration.ofDays(14)).plusSeconds(1));
        post(id, "reopen", "{\"reason\":\"still wrong\"}").statusCode(409)
                .body("detail", containsString("14 days"));
        get(id).body("status", equalTo("RESOLVED")).body("reopenCount", equalTo(1));
        // after the window: a new complaint that links to the old one
        String body = Api.registerBody("SDA", "INFORMATION", "COUNTER").replace("{\"channel\"", "{\"relatedComplaintId\":\"" + id + "\",\"channel\"");
        given().contentType(ContentType.JSON).body(body).post("/complaints").then().statusCode(201)
                .body("relatedComplaintId", equalTo(id));
        expect400(body.replace(id, java.util.UUID.randomUUID().toString()), "relatedComplaintId");
    }

    @Test
    void escalationByHandAndEducation() {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "HEALTH_SERVICE_COMPLAINT", "MOBILE_JKN");
        post(id, "escalate", "{\"to\":\"HOSPITAL_LIAISON\",\"reason\":\"refused at the emergency room\"}").statusCode(200)
                .body("escalatedTo", equalTo(List.of("HOSPITAL_LIAISON")))
                .body("timeline.find { it.type == 'ComplaintEscalated' }.detail.by", equalTo("STAFF"));
        post(id, "escalate", "{\"to\":\"HOSPITAL_LIAISON\",\"reason\":\"again\"}").statusCode(409);
        post(id, "escalate", "{\"to\":\"THE_PRESIDENT\",\"reason\":\"x\"}").statusCode(400).body("errors.field", hasItem("to"));
        post(id, "education", "{\"channels\":[\"PANDAWA\",\"MOBILE_JKN\"]}").statusCode(200)
                .body("timeline.find { it.type == 'EducationRecorded' }.detail.channels", equalTo(List.of("PANDAWA", "MOBILE_JKN")));
        post(id, "education", "{\"channels\":[\"PANDAWA\",\"FAX\"]}").statusCode(400).body("errors.field", hasItem("channels[1]"));
        post(id, "education", "{\"channels\":[]}").statusCode(400).body("errors.field", hasItem("channels"));
    }

    @Test
    void aResolvedComplaintRefusesEveryStepButReopen() {
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "INFORMATION", "COUNTER");
        post(id, "resolve", "{\"resolution\":\"answered\",\"actionTaken\":\"educated on Mobile JKN\"}").statusCode(200);
        post(id, "resolve", "{\"resolution\":\"answered\",\"actionTaken\":\"again\"}").statusCode(409);
        post(id, "respond", "{\"message\":\"hello\"}").statusCode(409);
        post(id, "pause", "{\"reason\":\"x\"}").statusCode(409);
        post(id, "resume", null).statusCode(409);
        post(id, "escalate", "{\"to\":\"SUPERVISOR\",\"reason\":\"x\"}").statusCode(409);
        post(id, "documents", "{\"type\":\"KTP\"}").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400NamingTheField() {
        expect400(Api.registerBody("SDA", "INFORMATION", "FAX"), "channel");
        expect400(Api.registerBody("SDA", "INFORMATION", "COUNTER").replace("\"channel\":\"COUNTER\",", ""), "channel");
        expect400(Api.registerBody("XXX", "INFORMATION", "COUNTER"), "branch");
        expect400(Api.registerBody("SDA", "GOSSIP", "COUNTER"), "category");
        expect400(Api.registerBody("SDA", "INFORMATION", "COUNTER").replace("Kartu JKN ayah saya masih aktif", " "), "description");
        expect400(Api.registerBody("SDA", "INFORMATION", "COUNTER").replace("081234567890", "call me"), "reporterContact.phone");
        expect400(Api.registerBody("SDA", "INFORMATION", "COUNTER").replace("{\"channel\"", "{\"participantId\":\"nope\",\"channel\""), "participantId");
        given().contentType(ContentType.JSON).body("{\"channel\":").post("/complaints").then().statusCode(400)
                .contentType("application/problem+json");
        clock.setWib("2026-12-07T09:00");
        String id = register("SDA", "INFORMATION", "COUNTER");
        post(id, "documents", "{\"type\":\"ktp\"}").statusCode(400).body("errors.field", hasItem("type"));
        post(id, "pause", "{}").statusCode(400).body("errors.field", hasItem("reason"));
        post(id, "resolve", "{\"resolution\":\"x\"}").statusCode(400).body("errors.field", hasItem("actionTaken"));
        given().get("/complaints?status=LOST").then().statusCode(400).body("errors.field", hasItem("status"));
        given().get("/complaints?size=0").then().statusCode(400).body("errors.field", hasItem("size"));
        given().get("/complaints/" + java.util.UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        post(java.util.UUID.randomUUID().toString(), "respond", "{\"message\":\"x\"}").statusCode(404);
    }

    @Test
    void listFiltersAndPages() throws Exception {
        String branch = Api.newBranch(dataSource);
        clock.setWib("2026-12-07T09:00");
        String a = register(branch, "INFORMATION", "COUNTER");
        String b = register(branch, "INFORMATION", "PANDAWA");
        String c = register(branch, "HEALTH_SERVICE_COMPLAINT", "COUNTER");
        post(a, "resolve", "{\"resolution\":\"answered\",\"actionTaken\":\"informed\"}").statusCode(200);
        clock.setWib("2026-12-07T10:00"); // c's 30-minute first response has passed
        given().get("/complaints?branch=" + branch).then().statusCode(200).body("total", equalTo(3));
        given().get("/complaints?branch=" + branch + "&status=RESOLVED").then().body("total", equalTo(1)).body("items[0].id", equalTo(a));
        given().get("/complaints?branch=" + branch + "&channel=PANDAWA").then().body("total", equalTo(1)).body("items[0].id", equalTo(b));
        given().get("/complaints?branch=" + branch + "&category=HEALTH_SERVICE_COMPLAINT").then().body("items.id", equalTo(List.of(c)));
        given().get("/complaints?branch=" + branch + "&overdue=true").then().body("items.id", equalTo(List.of(c)))
                .body("items[0].overdue", equalTo(true));
        given().get("/complaints?branch=" + branch + "&overdue=false").then().body("total", equalTo(2));
        var page0 = given().get("/complaints?branch=" + branch + "&size=2&page=0").then().body("items.size()", equalTo(2)).extract();
        var page1 = given().get("/complaints?branch=" + branch + "&size=2&page=1").then().body("items.size()", equalTo(1)).extract();
        List<String> all = new java.util.ArrayList<>(page0.<List<String>>path("items.id"));
        all.addAll(page1.path("items.id"));
        assertThat(all).containsExactlyInAnyOrder(a, b, c);
        given().get("/complaints?branch=" + branch).then().body("items.id", hasItems(a, b, c));
    }

    @Test
    void referenceDataIsSeeded() throws Exception {
        given().get("/complaint-categories").then().statusCode(200)
                .body("code", hasItems("DECEASED_DEACTIVATION", "ARREARS_REACTIVATION", "DATA_CORRECTION",
                        "CHANGE_OF_CLASS_OR_FACILITY", "REGISTRATION", "HEALTH_SERVICE_COMPLAINT", "INFORMATION"))
                .body("find { it.code == 'DECEASED_DEACTIVATION' }.requiredDocuments",
                        equalTo(List.of("DEATH_CERTIFICATE", "JKN_CARD|KTP", "FAMILY_CARD")))
                .body("find { it.code == 'HEALTH_SERVICE_COMPLAINT' }.serviceLevel", equalTo("RED"))
                .body("find { it.code == 'HEALTH_SERVICE_COMPLAINT' }.firstResponseMinutes", equalTo(30))
                .body("find { it.code == 'HEALTH_SERVICE_COMPLAINT' }.escalationUnit", equalTo("HOSPITAL_LIAISON"))
                .body("find { it.code == 'INFORMATION' }.requiredDocuments", equalTo(List.of()));
        given().get("/digital-channels").then().statusCode(200).body("$", hasItems("PANDAWA", "MOBILE_JKN", "CARE_CENTER_165"));
        // Indonesia 2026: 17 national holidays and 8 collective leave days
        assertThat(Api.count(dataSource, "SELECT count(*) FROM branch_holiday WHERE branch_code = 'SDA' AND kind = 'NATIONAL'")).isEqualTo(17);
        assertThat(Api.count(dataSource, "SELECT count(*) FROM branch_holiday WHERE branch_code = 'SDA' AND kind = 'CUTI_BERSAMA'")).isEqualTo(8);
    }

    private static void expect400(String json, String field) {
        given().contentType(ContentType.JSON).body(json).post("/complaints").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }
}

package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class ParticipantRegistrationTest {

    static final String TOPIC = "loket.membership.events";

    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static String body(String nik, String birthDate, String sex, String segment, String careClass) {
        return """
                {"nik":"%s","name":"Siti Aminah","birthDate":"%s","sex":"%s","familyCardNumber":"3515080101900001",
                 "segment":"%s"%s}""".formatted(nik, birthDate, sex, segment,
                careClass == null ? "" : ",\"careClass\":\"" + careClass + "\"");
    }

    static String register(String nik) {
        return given().contentType(ContentType.JSON).body(body(nik, "1990-07-01", "FEMALE", "PBPU", "III"))
                .post("/participants").then().statusCode(201).extract().path("id");
    }

    @Test
    void registrationIsProjectedAndPublishedWithoutTheNik() throws Exception {
        String nik = Niks.female1990();
        var created = given().header("X-Correlation-Id", "visit-walking-skeleton").contentType(ContentType.JSON)
                .body(body(nik, "1990-07-01", "FEMALE", "PBPU", "III"))
                .post("/participants")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/participants/[0-9a-f-]{36}"))
                .body("cardNumber", matchesPattern("\\d{13}"))
                .body("nikLast4", equalTo(nik.substring(12)))
                .body("status", equalTo("ACTIVE"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(id);

        given().get("/participants/" + id).then().statusCode(200)
                .body("name", equalTo("Siti Aminah"))
                .body("segment", equalTo("PBPU"))
                .body("careClass", equalTo("III"))
                .body("birthDate", equalTo("1990-07-01"))
                .body("cardNumber", equalTo(created.path("cardNumber")));
        given().contentType(ContentType.JSON).body("{\"nik\":\"" + nik + "\"}")
                .post("/participants/search").then().statusCode(200).body("id", equalTo(id));

        try (TopicReader topic = TopicReader.open(bootstrap, TOPIC)) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> ("participant-" + id).equals(rec.key()), Duration.ofSeconds(30));
            assertThat(header(r, "ce_type")).isEqualTo("loket.membership.ParticipantRegistered");
            assertThat(header(r, "ce_source")).isEqualTo("/loket/membership");
            assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(r, "ce_subject")).isEqualTo("participant-" + id);
            assertThat(header(r, "ce_id")).matches("[0-9a-f-]{36}");
            assertThat(header(r, "correlation_id")).isEqualTo("visit-walking-skeleton");
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode event = new ObjectMapper().readTree(value);
            assertThat(event.get("participantId").asText()).isEqualTo(id);
            assertThat(event.get("nikLast4").asText()).isEqualTo(nik.substring(12));
            assertThat(event.get("nikHash").asText()).matches("[0-9a-f]{64}");
            assertThat(value).doesNotContain(nik).doesNotContain("Siti").doesNotContain("3515080101900001");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM event_store WHERE payload::text LIKE ? OR metadata::text LIKE ?")) {
            ps.setString(1, "%" + nik + "%");
            ps.setString(2, "%" + nik + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
    }

    @Test
    void aNikInALogLineIsMaskedToItsLastFourDigits() throws Exception {
        String nik = Niks.male1985();
        Logger.getLogger("id.loket.membership.test").errorf("lookup failed for NIK %s", nik);
        Path log = Path.of("target/membership-test.log");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(log)
                && Files.readString(log).contains("lookup failed for NIK ************" + nik.substring(12)));
        assertThat(Files.readString(log)).doesNotContain(nik);
    }

    @Test
    void sameNikTwiceIsA409() {
        String nik = Niks.female1990();
        register(nik);
        given().contentType(ContentType.JSON).body(body(nik, "1990-07-01", "FEMALE", "PBPU", "III"))
                .post("/participants").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already registered"));
    }

    @Test
    void idempotencyKeyReturnsTheFirstParticipant() {
        String nik = Niks.female1990();
        String key = UUID.randomUUID().toString();
        String first = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(nik, "1990-07-01", "FEMALE", "PBPU", "III")).post("/participants")
                .then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body(nik, "1990-07-01", "FEMALE", "PBPU", "III")).post("/participants")
                .then().statusCode(201).body("id", equalTo(first)).header("Location", endsWith(first));
    }

    @Test
    void unknownNikAndUnknownIdAre404() {
        given().contentType(ContentType.JSON).body("{\"nik\":\"" + Niks.male1985() + "\"}")
                .post("/participants/search").then().statusCode(404).contentType("application/problem+json");
        given().get("/participants/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badInputIsA400NamingTheField() {
        String nik = Niks.female1990();
        expect400(body("351508410790001", "1990-07-01", "FEMALE", "PBPU", "III"), "nik");          // 15 digits
        expect400(body("3515083207900001", "1990-07-01", "MALE", "PBPU", "III"), "nik");           // day 32
        expect400(body("3515084102900001", "1990-02-01", "FEMALE", "PBPU", "III").replace("41029", "71029"), "nik"); // 31 Feb (women +40)
        expect400(body("3515084107900000", "1990-07-01", "FEMALE", "PBPU", "III"), "nik");         // serial 0000
        expect400(body(nik, "1991-07-01", "FEMALE", "PBPU", "III"), "birthDate");                   // contradicts NIK
        expect400(body(nik, "1990-07-01", "MALE", "PBPU", "III"), "sex");                           // contradicts NIK
        expect400(body(nik, "1990-07-01", "FEMALE", "PBPU", null), "careClass");                    // PBPU chooses a class
        expect400(body(nik, "1990-07-01", "FEMALE", "PBI_APBN", "I"), "careClass");                 // PBI is class III
        expect400(body(nik, "1990-07-01", "FEMALE", "GOLD", "III"), "segment");                     // unknown enum
        expect400(body(nik, "07/01/1990", "FEMALE", "PBPU", "III"), "birthDate");                   // not a date
        expect400(body(nik, "1990-07-01", "FEMALE", "PBPU", "III").replace("3515080101900001", "12345"), "familyCardNumber");
        given().contentType(ContentType.JSON).body("{\"nik\":").post("/participants")
                .then().statusCode(400).contentType("application/problem+json");
        // nothing was half-written by any of them
        given().contentType(ContentType.JSON).body("{\"nik\":\"" + nik + "\"}")
                .post("/participants/search").then().statusCode(404);
    }

    @Test
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    private static void expect400(String json, String field) {
        given().contentType(ContentType.JSON).body(json).post("/participants")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }
}

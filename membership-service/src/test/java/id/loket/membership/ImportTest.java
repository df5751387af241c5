package id.loket.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.privacy.NikHasher;
import id.loket.platform.test.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static id.loket.platform.test.TopicReader.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ImportTest {

    static final String NDJSON = "application/x-ndjson";
    static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(
            EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    static final AtomicLong CARDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000_000L, 8_000_000_000L) * 100);

    @Inject
    AgroalDataSource ds;
    @Inject
    NikHasher hasher;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    /** A card number of the kind a migrated branch holds, outside the range this service draws from. */
    static String card() {
        return String.format("9%012d", CARDS.incrementAndGet() % 1_000_000_000_000L);
    }

    static String line(String nik, String card, String kk, String segment, String careClass, String relation, String extra) {
        return """
                {"nik":"%s","cardNumber":"%s","name":"Sri Wahyuni","birthDate":"1990-07-01","sex":"FEMALE","familyCardNumber":"%s","segment":"%s"%s%s,"registrationDate":"2019-03-04"%s}"""
                .formatted(nik, card, kk, segment, careClass == null ? "" : ",\"careClass\":\"" + careClass + "\"",
                        relation == null ? "" : ",\"relation\":\"" + relation + "\"", extra == null ? "" : extra);
    }

    static JsonPath send(String contentType, String body) {
        return given().config(RAW).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/participants/import").then().statusCode(200).extract().jsonPath();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static JsonPath search(String nik) {
        return given().contentType(ContentType.JSON).body("{\"nik\":\"" + nik + "\"}")
                .post("/participants/search").then().statusCode(200).extract().jsonPath();
    }

    static Map<String, Object> error(JsonPath report, int line) {
        List<Map<String, Object>> errors = report.getList("errors");
        return errors.stream().filter(e -> ((Number) e.get("line")).intValue() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no error for line " + line + " in " + errors));
    }

    @Test
    void ndjsonWithGoodAndBadLinesImportsTheGoodOnesAndNamesTheFieldOfEachBadOne() throws Exception {
        String kk = Api.newFamilyCard();
        String head = Niks.female1990(), spouse = Niks.male1985(), child = Niks.female1990(), mismatch = Niks.female1990();
        String headCard = card(), employer = Api.newEmployer();
        String worker = Niks.male1985();
        List<String> lines = List.of(
                line(head, headCard, kk, "PBPU", "II", "HEAD", null),                                                  // 1
                line(spouse, card(), kk, "PBPU", "II", "SPOUSE", null).replace("\"sex\":\"FEMALE\"", "\"sex\":\"MALE\"")
                        .replace("1990-07-01", "1985-03-15"),                                                         // 2
                "",                                                                                                     // 3 blank: skipped
                line(Niks.female1990().substring(1), card(), kk, "PBPU", "II", "CHILD", null),                         // 4 NIK 15 digits
                line(child, "12345", kk, "PBPU", "II", "CHILD", null),                                                 // 5 card too short
                line(Niks.female1990(), card(), kk, "PBPU", null, "CHILD", null),                                      // 6 PBPU without class
                line(Niks.female1990(), card(), kk, "PBPU", "II", "CHILD", ",\"colour\":\"red\""),                     // 7 unknown field
                "{\"nik\":\"" + Niks.female1990() + "\",",                                                              // 8 not JSON
                line(mismatch, card(), kk, "PBPU", "II", "CHILD", null).replace("1990-07-01", "1990-07-02"),          // 9 birth date ≠ NIK: warning
                line(Niks.female1990(), card(), kk, "PBPU", "II", "HEAD", null),                                       // 10 second head
                line(head, headCard, kk, "PBPU", "II", "HEAD", null),                                                  // 11 same person again
                line(head, card(), kk, "PBPU", "II", "HEAD", null),                                                    // 12 same NIK, other card
                line(worker, card(), Api.newFamilyCard(), "PPU_BU", null, "HEAD", ",\"employerId\":\"" + employer + "\",\"monthlyWage\":7000000")
                        .replace("\"sex\":\"FEMALE\"", "\"sex\":\"MALE\"").replace("1990-07-01", "1985-03-15"),      // 13
                line(Niks.female1990(), card(), Api.newFamilyCard(), "PBPU", "II", null, null)
                        .replace("2019-03-04", LocalDate.now().plusDays(3).toString()));                              // 14 registered in the future

        JsonPath report = given().config(RAW).header("X-Correlation-Id", "migration-sda-1").contentType(NDJSON)
                .body(String.join("\n", lines).getBytes(StandardCharsets.UTF_8))
                .post("/participants/import").then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("lines")).isEqualTo(13);
        assertThat(report.getInt("imported")).isEqualTo(4);
        assertThat(report.getInt("duplicates")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(8);
        assertThat(report.getInt("warned")).isEqualTo(1);
        assertThat(report.getList("errors.line", Integer.class)).containsExactly(4, 5, 6, 7, 8, 10, 12, 14);
        assertThat(error(report, 4)).containsEntry("field", "nik");
        assertThat(error(report, 5)).containsEntry("field", "cardNumber");
        assertThat(error(report, 6)).containsEntry("field", "careClass");
        assertThat(error(report, 7)).containsEntry("field", "colour");
        assertThat(error(report, 8)).containsEntry("field", null);
        assertThat(error(report, 10)).containsEntry("field", "relation");
        assertThat(error(report, 12)).containsEntry("field", "nik");
        assertThat((String) error(report, 12).get("message")).contains("line 1");
        assertThat(error(report, 14)).containsEntry("field", "registrationDate");
        assertThat(report.getList("warnings.line", Integer.class)).containsExactly(9);
        assertThat(report.getString("warnings[0].field")).isEqualTo("birthDate");

        // imported participants keep their card number and their (past) registration date
        JsonPath h = search(head);
        assertThat(h.getString("cardNumber")).isEqualTo(headCard);
        assertThat(h.getString("registrationDate")).isEqualTo("2019-03-04");
        assertThat(h.getString("status")).isEqualTo("ACTIVE");
        assertThat(h.getString("relation")).isEqualTo("HEAD");
        assertThat(h.getString("name")).isEqualTo("Sri Wahyuni");
        assertThat(search(mismatch).getString("birthDate")).as("accepted as given").isEqualTo("1990-07-02");
        JsonPath w = search(worker);
        assertThat(w.getString("accountId")).isEqualTo("employer-" + employer);
        given().get("/families/" + h.getString("familyId")).then().statusCode(200);

        // keys computed once: a JsonPath read per record would make the wait itself slow
        String headKey = "participant-" + h.getString("id"), workerKey = "participant-" + w.getString("id");
        try (TopicReader topic = TopicReader.open(bootstrap, ParticipantRegistrationTest.TOPIC)) {
            ConsumerRecord<String, byte[]> r = topic.awaitRecord(rec -> headKey.equals(rec.key()), Duration.ofSeconds(30));
            assertThat(header(r, "ce_type")).isEqualTo("loket.membership.ParticipantRegistered");
            assertThat(header(r, "correlation_id")).isEqualTo("migration-sda-1");
            String value = new String(r.value(), StandardCharsets.UTF_8);
            JsonNode event = new ObjectMapper().readTree(value);
            assertThat(event.get("cardNumber").asText()).isEqualTo(headCard);
            assertThat(event.get("registrationDate").asText()).isEqualTo("2019-03-04");
            assertThat(value).doesNotContain(head).doesNotContain(kk).doesNotContain("Sri Wahyuni");
            topic.awaitRecord(rec -> workerKey.equals(rec.key()), Duration.ofSeconds(30));
        }

        // the same file again imports nothing: the people already there are duplicates, the bad lines still bad
        JsonPath again = send(NDJSON, String.join("\n", lines));
        assertThat(again.getInt("imported")).isZero();
        assertThat(again.getInt("duplicates")).isEqualTo(5);
        assertThat(again.getInt("rejected")).isEqualTo(8);
        assertThat(Db.count(ds, "SELECT count(*) FROM participant_view WHERE family_card_hash = ?", h.getString("familyId")))
                .isEqualTo(3);
    }

    @Test
    void csvWithAHeaderQuotesAndParticipantsAlreadyRegisteredAtTheCounter() {
        String kk = Api.newFamilyCard();
        var counter = Api.register(kk, "PBPU", "III", LocalDate.of(2020, 1, 6), ",\"relation\":\"HEAD\"");
        String counterNik = Db.rows(ds, "SELECT nik FROM participant_identity WHERE participant_id = ?::uuid",
                counter.getString("id")).getFirst().getFirst().toString();
        String fresh = Niks.male1985(), freshCard = card(), pbi = Niks.female1990();
        String csv = String.join("\r\n",
                "nik,cardNumber,name,birthDate,sex,familyCardNumber,segment,careClass,relation,registrationDate",
                counterNik + "," + counter.getString("cardNumber") + ",Dewi Lestari,1990-07-01,FEMALE," + kk + ",PBPU,III,HEAD,",  // 2 already here
                counterNik + "," + card() + ",Dewi Lestari,1990-07-01,FEMALE," + kk + ",PBPU,III,HEAD,",                           // 3 other card
                fresh + "," + freshCard + ",\"Hadi, S.Pd.\",1985-03-15,MALE," + kk + ",PBPU,III,SPOUSE,2018-11-30",             // 4
                pbi + "," + card() + ",Ani,1990-07-01,FEMALE," + Api.newFamilyCard() + ",PBI-APBD,,,",                             // 5 PBI, class III
                fresh.substring(0, 12) + "9999," + counter.getString("cardNumber") + ",Budi,1985-03-15,MALE," + kk + ",PBPU,III,CHILD,", // 6 card taken
                pbi + "," + card() + ",Ani,1990-07-01,FEMALE,123," + "PBPU,III,,") + "\r\n";                                        // 7 bad KK, NIK seen

        JsonPath report = send("text/csv", csv);
        assertThat(report.getInt("lines")).as("the header is not a participant").isEqualTo(6);
        assertThat(report.getInt("imported")).isEqualTo(2);
        assertThat(report.getInt("duplicates")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isEqualTo(3);
        assertThat(error(report, 3)).containsEntry("field", "nik");
        assertThat((String) error(report, 3).get("message")).contains(counter.getString("id"));
        assertThat(error(report, 6)).containsEntry("field", "cardNumber");
        assertThat(error(report, 7)).containsEntry("field", "familyCardNumber");

        JsonPath spouse = search(fresh);
        assertThat(spouse.getString("name")).isEqualTo("Hadi, S.Pd.");
        assertThat(spouse.getString("cardNumber")).isEqualTo(freshCard);
        assertThat(spouse.getString("registrationDate")).isEqualTo("2018-11-30");
        assertThat(spouse.getString("accountId")).isEqualTo(counter.getString("accountId"));
        JsonPath ani = search(pbi);
        assertThat(ani.getString("segment")).isEqualTo("PBI_APBD");
        assertThat(ani.getString("careClass")).isEqualTo("III");
        assertThat(ani.getString("registrationDate")).as("today when not given").isEqualTo(LocalDate.now(TestClock.JAKARTA).toString());
    }

    /** n men born on distinct dates (so their NIKs are unique), each in a family of their own, registered today. */
    static String bigFile(int n, List<String> niks) {
        String region = "35" + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000));
        StringBuilder file = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i * 7L + ThreadLocalRandom.current().nextInt(7));
            String nik = region + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100)
                    + String.format("%04d", ThreadLocalRandom.current().nextInt(1, 10_000));
            niks.add(nik);
            // registered today (no registrationDate): other tests' billing runs of past months leave them out
            file.append("{\"nik\":\"").append(nik).append("\",\"cardNumber\":\"").append(card())
                    .append("\",\"name\":\"Peserta ").append(i).append("\",\"birthDate\":\"").append(birth)
                    .append("\",\"sex\":\"MALE\",\"familyCardNumber\":\"").append(Api.newFamilyCard())
                    .append("\",\"segment\":\"BP\",\"careClass\":\"III\"}\n");
        }
        return file.toString();
    }

    @Test
    void aFileLargerThanAChunkIsCommittedChunkByChunkAndADuplicateAcrossChunksIsFound() {
        int n = 2_500;
        List<String> niks = new ArrayList<>();
        String file = bigFile(n, niks);
        // line 2,501 repeats line 10 (committed two chunks earlier)
        file += file.split("\n")[9] + "\n";

        JsonPath report = send(NDJSON, file);
        assertThat(report.getInt("lines")).isEqualTo(n + 1);
        assertThat(report.getInt("imported")).isEqualTo(n);
        assertThat(report.getInt("duplicates")).isEqualTo(1);
        assertThat(report.getInt("rejected")).isZero();
        assertThat(Db.count(ds, "SELECT count(*) FROM participant_identity WHERE nik = ANY(?::bpchar[])",
                (Object) niks.toArray(String[]::new))).isEqualTo(n);
        assertThat(search(niks.get(n - 1)).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void theSameFileSentTwiceAtOnceImportsEachParticipantOnce() throws Exception {
        int n = 1_500;
        List<String> niks = new ArrayList<>();
        String file = bigFile(n, niks);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> send(NDJSON, file));
            var b = pool.submit(() -> send(NDJSON, file));
            JsonPath ra = a.get(), rb = b.get();
            assertThat(ra.getInt("imported") + rb.getInt("imported")).isEqualTo(n);
            assertThat(ra.getInt("duplicates") + rb.getInt("duplicates")).isEqualTo(n);
            assertThat(ra.getInt("rejected") + rb.getInt("rejected")).isZero();
        } finally {
            pool.shutdown();
        }
        assertThat(Db.count(ds, "SELECT count(*) FROM participant_view v JOIN participant_identity i USING (participant_id) WHERE i.nik = ANY(?::bpchar[])",
                (Object) niks.toArray(String[]::new))).isEqualTo(n);
        assertThat(Db.count(ds, "SELECT count(DISTINCT stream_id) FROM event_store e JOIN participant_identity i ON e.stream_id = 'participant-' || i.participant_id WHERE i.nik = ANY(?::bpchar[])",
                (Object) niks.toArray(String[]::new))).isEqualTo(n);
    }

    /**
     * The same person committed by another import between a chunk's reads (its NIK look-up found them free, its
     * head-of-family check then found their family headed) is a duplicate, not a conflict. This import is held in
     * its head check by the first family lock it takes (held here), while another import of its second line commits:
     * the race that flaked the test above under load, made certain.
     */
    @Test
    void aPersonImportedByAnotherWriterBetweenAChunksReadsIsADuplicate() throws Exception {
        String kk1 = Api.newFamilyCard(), kk2 = Api.newFamilyCard();
        // the import locks families in the database's order of their hashes: x's family first, then y's
        String first = Db.rows(ds, "SELECT f FROM unnest(ARRAY[?, ?]) AS f ORDER BY 1 LIMIT 1", hasher.hash(kk1), hasher.hash(kk2))
                .getFirst().getFirst().toString();
        String kkX = first.equals(hasher.hash(kk1)) ? kk1 : kk2, kkY = kkX.equals(kk1) ? kk2 : kk1;
        String x = line(Niks.female1990(), card(), kkX, "PBPU", "II", "HEAD", null);
        String y = line(Niks.female1990(), card(), kkY, "PBPU", "II", "HEAD", null);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement ps = lock.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7431))")) {
                ps.setString(1, hasher.hash(kkX));
                ps.executeQuery().close();
            }
            Future<JsonPath> both = background.submit(() -> send(NDJSON, x + "\n" + y));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> Db.count(ds, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") >= 1);
            assertThat(send(NDJSON, y).getInt("imported")).as("y, by the other import, while the first waits").isEqualTo(1);
            lock.commit();
            JsonPath report = both.get(60, TimeUnit.SECONDS);
            assertThat(report.getInt("rejected")).as(report.prettify()).isZero();
            assertThat(report.getInt("imported")).isEqualTo(1);
            assertThat(report.getInt("duplicates")).isEqualTo(1);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void importedRowsAreWhatARebuildFromTheEventsGives() {
        String kk = Api.newFamilyCard();
        String head = Niks.male1985(), child = Niks.female1990(), employer = Api.newEmployer();
        send(NDJSON, String.join("\n",
                line(head, card(), kk, "PPU_PN", null, "HEAD", ",\"employerId\":\"" + employer + "\",\"monthlyWage\":6000000,\"facilityCode\":\"0130A001\"")
                        .replace("\"sex\":\"FEMALE\"", "\"sex\":\"MALE\"").replace("1990-07-01", "1985-03-15"),
                line(child, card(), kk, "PPU_PN", null, "CHILD", ",\"employerId\":\"" + employer + "\"")));
        String family = search(head).getString("familyId");
        String query = "SELECT * FROM participant_view WHERE family_card_hash = ? ORDER BY participant_id";
        List<List<Object>> imported = Db.rows(ds, query, family);
        assertThat(imported).hasSize(2);
        given().post("/admin/projections/participants/rebuild").then().statusCode(200);
        assertThat(Db.rows(ds, query, family)).isEqualTo(imported);
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsA4xx() {
        given().config(RAW).contentType("text/csv").body(bytes("nik,name\n3515084107900001,Siti\n"))
                .post("/participants/import").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("cardNumber"));
        given().config(RAW).contentType("text/csv").body(bytes("nik,cardNumber,name,birthDate,sex,familyCardNumber,segment,shoeSize\n"))
                .post("/participants/import").then().statusCode(400).body("errors.field", hasItem("shoeSize"));
        given().config(RAW).contentType(NDJSON).queryParam("maxErrors", "lots").body(bytes(""))
                .post("/participants/import").then().statusCode(400).body("errors.field", hasItem("maxErrors"));
        given().contentType(ContentType.XML).body("<participants/>")
                .post("/participants/import").then().statusCode(415).contentType("application/problem+json");
        JsonPath empty = send(NDJSON, "");
        assertThat(empty.getInt("lines")).isZero();
        given().config(RAW).contentType(NDJSON).queryParam("maxErrors", "1")
                .body(bytes("{}\n[]\n")).post("/participants/import").then().statusCode(200)
                .body("rejected", equalTo(2)).body("errors.size()", equalTo(1)).body("errors[0].line", equalTo(1));
    }
}

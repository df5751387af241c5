package id.loket.membership;

import id.loket.membership.contribution.service.BillingRun;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BillingTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;
    @Inject
    BillingRun billing;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long line(String account, YearMonth month, String participant) {
        var rows = Db.rows(ds, "SELECT amount FROM bill_line WHERE account_id = ? AND month = ? AND participant_id = ?",
                account, month.toString(), UUID.fromString(participant));
        assertThat(rows).as("one bill line for " + participant).hasSize(1);
        return Long.parseLong(rows.getFirst().getFirst().toString());
    }

    @Test
    void tariffsFromTheTableAndEachAccountBilledOncePerMonth() {
        LocalDate reg = LocalDate.of(2024, 1, 5);
        YearMonth month = YearMonth.of(2024, 2);
        String kk = Api.newFamilyCard();
        var c1 = Api.register(kk, "PBPU", "I", reg, ",\"relation\":\"HEAD\"");
        var c2 = Api.register(kk, "PBPU", "II", reg, ",\"relation\":\"SPOUSE\"");
        var c3 = Api.register(kk, "PBPU", "III", reg, ",\"relation\":\"CHILD\"");
        String family = c1.getString("accountId");

        String employer = Api.newEmployer();
        String emp = ",\"employerId\":\"" + employer + "\"";
        var low = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":3000000");
        var high = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":20000000");
        String kk3 = Api.newFamilyCard();
        var mid = Api.register(kk3, "PPU_BU", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":8000000");
        String[] dependants = new String[5];
        for (int i = 0; i < 5; i++) {
            dependants[i] = Api.register(kk3, "PPU_BU", null, reg.plusDays(i + 1), emp + ",\"relation\":\"CHILD\"").getString("id");
        }
        var pbi = Api.register(Api.newFamilyCard(), "PBI_APBD", null, reg, null);
        var late = Api.register(kk, "PBPU", "I", LocalDate.of(2024, 3, 1), ",\"relation\":\"CHILD\"");

        var first = Api.bill(month);
        assertThat(first.getInt("accountsBilled")).isGreaterThanOrEqualTo(3);

        assertThat(line(family, month, c1.getString("id"))).isEqualTo(150_000);
        assertThat(line(family, month, c2.getString("id"))).isEqualTo(100_000);
        assertThat(line(family, month, c3.getString("id"))).isEqualTo(35_000);   // 42,000 less the government's 7,000
        assertThat(Db.count(ds, "SELECT count(*) FROM bill_line WHERE participant_id = ?", UUID.fromString(late.getString("id"))))
                .as("registered after the month: not billed for it").isZero();
        String employerAccount = "employer-" + employer;
        assertThat(line(employerAccount, month, low.getString("id"))).isEqualTo(247_500);    // 5% of the 4,950,000 floor
        assertThat(line(employerAccount, month, high.getString("id"))).isEqualTo(600_000);   // 5% of the 12,000,000 cap
        assertThat(line(employerAccount, month, mid.getString("id"))).isEqualTo(400_000);
        for (int i = 0; i < 4; i++) assertThat(line(employerAccount, month, dependants[i])).isZero(); // up to 5 incl. the worker
        assertThat(line(employerAccount, month, dependants[4])).isEqualTo(80_000);              // 6th member: 1% of the wage
        assertThat(line("government-PBI_APBD", month, pbi.getString("id"))).isEqualTo(42_000);

        var second = Api.bill(month);
        assertThat(second.getInt("accountsBilled")).isZero();
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE stream_id = ?", "bill-" + family + "-" + month)).isEqualTo(1);
        assertThat(Db.count(ds, "SELECT sum(amount) FROM bill_line WHERE account_id = ? AND month = ?", family, month.toString()))
                .isEqualTo(285_000);

        given().contentType(ContentType.JSON).body("{\"month\":\"2024-13\"}").post("/billing-runs")
                .then().statusCode(400).body("errors.field", hasItem("month"));
    }

    /** The bill lines of an account and month as the read model has them: participant id → amount. */
    Map<String, Long> lines(String account, YearMonth month) {
        return Db.rows(ds, "SELECT participant_id, amount FROM bill_line WHERE account_id = ? AND month = ? AND NOT cancelled",
                        account, month.toString()).stream()
                .collect(Collectors.toMap(r -> r.get(0).toString(), r -> Long.parseLong(r.get(1).toString())));
    }

    /** The same from the bill's one event (the stream holds exactly one). */
    Map<String, Long> eventLines(String account, YearMonth month) {
        var events = Db.rows(ds, "SELECT payload::text FROM event_store WHERE stream_id = ?", BillingRun.billStream(account, month));
        assertThat(events).as("one ContributionBilled in " + BillingRun.billStream(account, month)).hasSize(1);
        List<Map<String, Object>> lines = io.restassured.path.json.JsonPath.from(events.getFirst().getFirst().toString()).getList("lines");
        return lines.stream().collect(Collectors.toMap(l -> l.get("participantId").toString(), l -> ((Number) l.get("amount")).longValue()));
    }

    static String deceased(LocalDate on) {
        return """
                {"reason":"DECEASED","dateOfDeath":"%s","documents":[{"type":"DEATH_CERTIFICATE","number":"A"},
                 {"type":"ID_CARD","number":"K"},{"type":"FAMILY_CARD","number":"F"}]}""".formatted(on);
    }

    @Test
    void aMixedChunkInOneBatchGivesTheBillsTheRulesSay() {
        YearMonth month = YearMonth.of(2025, 3);
        LocalDate reg = LocalDate.of(2025, 1, 6);
        String head = ",\"relation\":\"HEAD\"";
        // A PBPU family; its child died in February, so March no longer bills the child.
        String kk = Api.newFamilyCard();
        var father = Api.register(kk, "PBPU", "I", reg, head);
        var mother = Api.register(kk, "PBPU", "III", reg, ",\"relation\":\"SPOUSE\"");
        var child = Api.register(kk, "PBPU", "II", reg, ",\"relation\":\"CHILD\"");
        Api.deactivate(child.getString("id"), deceased(LocalDate.of(2025, 2, 14)));
        String family = father.getString("accountId");
        // A family of one who died in January: no bill at all.
        var alone = Api.register(Api.newFamilyCard(), "PBPU", "II", reg, head);
        Api.deactivate(alone.getString("id"), deceased(LocalDate.of(2025, 1, 20)));
        // An employer: a worker with five dependants (the sixth member pays 1% of the wage), one above the wage cap.
        String emp = ",\"employerId\":\"" + Api.newEmployer() + "\"";
        String kkWorker = Api.newFamilyCard();
        var worker = Api.register(kkWorker, "PPU_BU", null, reg, emp + head + ",\"monthlyWage\":6000000");
        List<String> dependants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dependants.add(Api.register(kkWorker, "PPU_BU", null, reg.plusDays(i + 1), emp + ",\"relation\":\"CHILD\"").getString("id"));
        }
        var director = Api.register(Api.newFamilyCard(), "PPU_BU", null, reg, emp + head + ",\"monthlyWage\":15000000");
        String employer = worker.getString("accountId");
        // PBI: the government's account (shared with every PBI-APBN participant of the other tests).
        var pbi = Api.register(Api.newFamilyCard(), "PBI_APBN", null, reg, null);
        String government = pbi.getString("accountId");
        // Billed for March before a child joined in March: neither billed again nor changed.
        String kkEarly = Api.newFamilyCard();
        var early = Api.register(kkEarly, "BP", "II", reg, head);
        String earlyAccount = early.getString("accountId");
        assertThat(billing.runFor(month, List.of(earlyAccount)).accountsBilled()).isEqualTo(1);
        Api.register(kkEarly, "BP", "II", LocalDate.of(2025, 3, 3), ",\"relation\":\"CHILD\"");
        long pbiLiable = Db.count(ds, """
                SELECT count(*) FROM participant_view WHERE account_id = ? AND registration_date <= ?
                   AND (deactivated_on IS NULL OR deactivated_on >= ?)""", government, month.atEndOfMonth(), month.atDay(1));

        var report = billing.runFor(month, List.of(family, alone.getString("accountId"), employer, government, earlyAccount));

        assertThat(lines(family, month)).isEqualTo(Map.of(father.getString("id"), 150_000L, mother.getString("id"), 35_000L));
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE stream_id = ?", BillingRun.billStream(alone.getString("accountId"), month)))
                .isZero();
        Map<String, Long> employerBill = new java.util.HashMap<>();
        employerBill.put(worker.getString("id"), 300_000L);
        for (int i = 0; i < 4; i++) employerBill.put(dependants.get(i), 0L);
        employerBill.put(dependants.get(4), 60_000L);
        employerBill.put(director.getString("id"), 600_000L);
        assertThat(lines(employer, month)).isEqualTo(employerBill);
        Map<String, Long> governmentBill = lines(government, month);
        assertThat(governmentBill).containsEntry(pbi.getString("id"), 42_000L).hasSize((int) pbiLiable);
        assertThat(governmentBill.values()).containsOnly(42_000L);
        assertThat(lines(earlyAccount, month)).isEqualTo(Map.of(early.getString("id"), 100_000L));
        for (String account : List.of(family, employer, government, earlyAccount)) {
            assertThat(lines(account, month)).as("read model = event, " + account).isEqualTo(eventLines(account, month));
        }
        assertThat(report.accountsBilled()).isEqualTo(3);
        assertThat(report.accountsAlreadyBilled()).isEqualTo(1);
        assertThat(report.participantsBilled()).isEqualTo(2 + 7 + pbiLiable);
        assertThat(report.totalAmount()).isEqualTo(185_000 + 960_000 + 42_000 * pbiLiable);
    }

    /**
     * Two runs of the same month at once. Both look up which bills exist before either writes (the store is
     * locked against writes until both wait on it), so one of them loses the race on the unique key, rolls its
     * chunk back and does it again: every bill exists once, and the two reports add up to the accounts.
     */
    @Test
    void twoRunsOfTheSameMonthAtOnceBillEachAccountOnce() throws Exception {
        YearMonth month = YearMonth.of(2025, 7);
        LocalDate reg = LocalDate.of(2025, 6, 2);
        List<String> accounts = new ArrayList<>();
        List<String> families = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String kk = Api.newFamilyCard();
            var h = Api.register(kk, "PBPU", "II", reg, ",\"relation\":\"HEAD\"");
            Api.register(kk, "PBPU", "III", reg, ",\"relation\":\"CHILD\"");
            accounts.add(h.getString("accountId"));
            families.add(h.getString("accountId"));
        }
        String emp = ",\"employerId\":\"" + Api.newEmployer() + "\"";
        accounts.add(Api.register(Api.newFamilyCard(), "PPU_PN", null, reg, emp + ",\"relation\":\"HEAD\",\"monthlyWage\":7000000")
                .getString("accountId"));

        BillingRun.Report a, b;
        ExecutorService two = Executors.newFixedThreadPool(2); // the common pool may have one thread on two cores
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("LOCK TABLE event_store IN SHARE ROW EXCLUSIVE MODE"); // reads go on, appends wait
            }
            var first = CompletableFuture.supplyAsync(() -> billing.runFor(month, accounts), two);
            var second = CompletableFuture.supplyAsync(() -> billing.runFor(month, accounts), two);
            await().atMost(Duration.ofSeconds(30)).until(() -> Db.count(ds,
                    "SELECT count(*) FROM pg_locks WHERE relation = 'event_store'::regclass AND NOT granted") >= 2);
            lock.commit();
            a = first.get(60, TimeUnit.SECONDS);
            b = second.get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }

        assertThat(a.accountsBilled() + b.accountsBilled()).isEqualTo(accounts.size());
        assertThat(a.accountsBilled() + a.accountsAlreadyBilled()).isEqualTo(accounts.size());
        assertThat(b.accountsBilled() + b.accountsAlreadyBilled()).isEqualTo(accounts.size());
        assertThat(a.participantsBilled() + b.participantsBilled()).isEqualTo(13);
        assertThat(a.totalAmount() + b.totalAmount()).isEqualTo(6 * 135_000 + 350_000);
        for (String account : accounts) {
            assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE stream_id = ?", BillingRun.billStream(account, month)))
                    .as(account).isEqualTo(1);
            assertThat(lines(account, month)).as(account).isEqualTo(eventLines(account, month));
        }
        for (String family : families) assertThat(lines(family, month).values()).containsExactlyInAnyOrder(100_000L, 35_000L);
    }
}

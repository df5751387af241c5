package id.loket.membership;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class PaymentTest {

    @Inject
    AgroalDataSource ds;
    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String pbpuFamily(LocalDate registered) {
        return Api.register(Api.newFamilyCard(), "PBPU", "III", registered, null).getString("accountId");
    }

    @Test
    void oldestBillsFirstSurplusAsCreditAndOneReferenceIsOnePayment() {
        clock.setJakartaDate(LocalDate.of(2024, 4, 15));
        String account = pbpuFamily(LocalDate.of(2024, 1, 1));
        for (int m = 1; m <= 4; m++) Api.bill(YearMonth.of(2024, m));
        Instant paidAt = Api.noon(LocalDate.of(2024, 4, 15));

        String ref = Api.ref();
        JsonPath first = Api.pay(account, 80_000, paidAt, ref);
        assertThat(first.getList("settled.month")).containsExactly("2024-01", "2024-02", "2024-03");
        assertThat(first.getList("settled.amount", Long.class)).containsExactly(35_000L, 35_000L, 10_000L);
        assertThat(first.getLong("creditAfter")).isZero();

        JsonPath again = Api.pay(account, 80_000, paidAt, ref);
        assertThat(again.getBoolean("duplicate")).isTrue();
        assertThat(Db.count(ds, "SELECT count(*) FROM payment_view WHERE account_id = ?", account)).isEqualTo(1);
        given().contentType(ContentType.JSON)
                .body("{\"accountId\":\"%s\",\"amount\":1,\"paidAt\":\"%s\",\"reference\":\"%s\"}".formatted(account, paidAt, ref))
                .post("/payments").then().statusCode(409).body("detail", containsString("already used"));

        JsonPath second = Api.pay(account, 100_000, paidAt, Api.ref());
        assertThat(second.getList("settled.month")).containsExactly("2024-03", "2024-04");
        assertThat(second.getLong("creditAfter")).isEqualTo(40_000);
    }

    @Test
    void badPaymentsAre400Or404() {
        clock.setJakartaDate(LocalDate.of(2024, 4, 15));
        String account = pbpuFamily(LocalDate.of(2024, 1, 1));
        Instant paidAt = Api.noon(LocalDate.of(2024, 4, 15));
        expect400("{\"accountId\":\"%s\",\"amount\":0,\"paidAt\":\"%s\",\"reference\":\"R1\"}".formatted(account, paidAt), "amount");
        expect400("{\"accountId\":\"%s\",\"amount\":\"lots\",\"paidAt\":\"%s\",\"reference\":\"R1\"}".formatted(account, paidAt), "amount");
        expect400("{\"accountId\":\"%s\",\"amount\":10,\"paidAt\":\"yesterday\",\"reference\":\"R1\"}".formatted(account), "paidAt");
        expect400("{\"accountId\":\"%s\",\"amount\":10,\"paidAt\":\"%s\",\"reference\":\"R1\"}".formatted(account, paidAt.plusSeconds(86_400)), "paidAt");
        expect400("{\"accountId\":\"%s\",\"amount\":10,\"paidAt\":\"%s\"}".formatted(account, paidAt), "reference");
        given().contentType(ContentType.JSON)
                .body("{\"accountId\":\"family-nope\",\"amount\":10,\"paidAt\":\"%s\",\"reference\":\"%s\"}".formatted(paidAt, Api.ref()))
                .post("/payments").then().statusCode(404);
    }

    @Test
    void concurrentPaymentsToOneAccountNeverSettleAMonthTwice() throws Exception {
        clock.setJakartaDate(LocalDate.of(2023, 6, 20));
        String account = pbpuFamily(LocalDate.of(2023, 1, 1));
        for (int m = 1; m <= 6; m++) Api.bill(YearMonth.of(2023, m));
        Instant paidAt = Api.noon(LocalDate.of(2023, 6, 20));
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Api.pay(account, 35_000, paidAt, Api.ref());
                }));
            }
            start.countDown();
            List<Object> months = new ArrayList<>();
            for (Future<JsonPath> f : futures) months.addAll(f.get().getList("settled.month"));
            assertThat(months).containsExactlyInAnyOrder("2023-01", "2023-02", "2023-03", "2023-04");
        } finally {
            pool.shutdownNow();
        }
        var settled = Db.rows(ds, "SELECT month, sum(amount) FROM settlement_line WHERE account_id = ? GROUP BY month ORDER BY month", account);
        assertThat(settled).containsExactly(List.of("2023-01", "35000"), List.of("2023-02", "35000"),
                List.of("2023-03", "35000"), List.of("2023-04", "35000"));
        assertThat(Db.count(ds, "SELECT count(*) FROM event_store WHERE stream_id = ?", "account-" + account)).isEqualTo(n);
    }

    private static void expect400(String json, String field) {
        given().contentType(ContentType.JSON).body(json).post("/payments")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
    }
}

package id.loket.membership;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Small REST helpers for the membership tests (fresh families and employers per test). */
public final class Api {

    private Api() {
    }

    public static String newFamilyCard() {
        return "3515" + String.format("%012d", ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L));
    }

    public static String newEmployer() {
        return "EMP-" + ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
    }

    /** Registers a woman born 1 July 1990; extra is raw JSON fields appended to the body (",\"relation\":\"HEAD\""). */
    public static JsonPath register(String familyCard, String segment, String careClass, LocalDate registrationDate, String extra) {
        return given().contentType(ContentType.JSON).body(body(Niks.female1990(), familyCard, segment, careClass, registrationDate, extra))
                .post("/participants").then().statusCode(201).extract().jsonPath();
    }

    public static String body(String nik, String familyCard, String segment, String careClass, LocalDate registrationDate, String extra) {
        return """
                {"nik":"%s","name":"Dewi Lestari","birthDate":"1990-07-01","sex":"FEMALE","familyCardNumber":"%s",
                 "segment":"%s"%s%s%s}""".formatted(nik, familyCard, segment,
                careClass == null ? "" : ",\"careClass\":\"" + careClass + "\"",
                registrationDate == null ? "" : ",\"registrationDate\":\"" + registrationDate + "\"",
                extra == null ? "" : extra);
    }

    public static JsonPath bill(YearMonth month) {
        return given().contentType(ContentType.JSON).body("{\"month\":\"" + month + "\"}")
                .post("/billing-runs").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath pay(String accountId, long amount, Instant paidAt, String reference) {
        return given().contentType(ContentType.JSON)
                .body("{\"accountId\":\"%s\",\"amount\":%d,\"paidAt\":\"%s\",\"reference\":\"%s\"}".formatted(accountId, amount, paidAt, reference))
                .post("/payments").then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath suspensionRun(LocalDate date) {
        return given().contentType(ContentType.JSON).body("{\"date\":\"" + date + "\"}")
                .post("/admin/suspension-runs").then().statusCode(200).extract().jsonPath();
    }

    public static String status(String id, LocalDate asOf) {
        return given().queryParam("asOf", asOf.toString()).get("/participants/" + id + "/status")
                .then().statusCode(200).extract().path("status");
    }

    public static String currentStatus(String id) {
        return given().get("/participants/" + id).then().statusCode(200).extract().path("status");
    }

    /** An instant on that day at noon in Asia/Jakarta. */
    public static Instant noon(LocalDate date) {
        return date.atTime(12, 0).atZone(TestClock.JAKARTA).toInstant();
    }

    public static String ref() {
        return "PAY-" + java.util.UUID.randomUUID();
    }
}

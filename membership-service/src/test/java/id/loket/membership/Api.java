package id.loket.membership;

import io.restassured.http.ContentType;
import id.loket.platform.test.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

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

    /** A frontliner and two supervisors of branch SDA: a deactivation takes a requester and another approver. */
    public static final String FRONTLINER = TestTokens.bearer("frontliner-sda-1", "SDA", "FRONTLINER");
    public static final String SUPERVISOR = TestTokens.bearer("supervisor-sda-1", "SDA", "SUPERVISOR");
    public static final String SUPERVISOR_2 = TestTokens.bearer("supervisor-sda-2", "SDA", "SUPERVISOR");

    /** POST /participants/{id}/deactivations as a frontliner: the answer (202 when accepted). */
    public static ValidatableResponse requestDeactivation(String id, String json) {
        return given().header("Authorization", FRONTLINER).contentType(ContentType.JSON).body(json)
                .post("/participants/" + id + "/deactivations").then();
    }

    /** A frontliner requests, a supervisor approves: the approval's answer (the deactivation as before). */
    public static JsonPath deactivate(String id, String json) {
        String request = requestDeactivation(id, json).statusCode(202).extract().path("requestId");
        return given().header("Authorization", SUPERVISOR).post("/participants/" + id + "/deactivation-requests/" + request + "/approve")
                .then().statusCode(200).extract().jsonPath();
    }

    public static ValidatableResponse requestReversal(String id, String json) {
        return given().header("Authorization", FRONTLINER).contentType(ContentType.JSON).body(json)
                .post("/participants/" + id + "/deactivation-reversals").then();
    }

    /** A frontliner requests the reversal, a supervisor approves: the approval's answer. */
    public static JsonPath reverse(String id, String json) {
        String request = requestReversal(id, json).statusCode(202).extract().path("requestId");
        return given().header("Authorization", SUPERVISOR).post("/participants/" + id + "/deactivation-reversal-requests/" + request + "/approve")
                .then().statusCode(200).extract().jsonPath();
    }

    public static String ref() {
        return "PAY-" + java.util.UUID.randomUUID();
    }
}

package id.loket.complaint;

import io.agroal.api.AgroalDataSource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** Small helpers over the HTTP API and the database for the tests. */
public final class Api {

    private Api() {
    }

    public static String registerBody(String branch, String category, String channel) {
        return """
                {"channel":"%s","branch":"%s","category":"%s","description":"Kartu JKN ayah saya masih aktif",
                 "reporterContact":{"name":"Budi Santoso","phone":"081234567890"}}""".formatted(channel, branch, category);
    }

    public static String register(String branch, String category, String channel) {
        return given().contentType(ContentType.JSON).body(registerBody(branch, category, channel))
                .post("/complaints").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse post(String id, String step, String json) {
        var request = given().contentType(ContentType.JSON);
        if (json != null) request = request.body(json);
        return request.post("/complaints/" + id + "/" + step).then();
    }

    public static ValidatableResponse get(String id) {
        return given().get("/complaints/" + id).then().statusCode(200);
    }

    /** A fresh branch with Sidoarjo's hours and holidays, so a test's list and report numbers are its own. */
    public static String newBranch(AgroalDataSource ds) throws Exception {
        StringBuilder code = new StringBuilder("T");
        for (int i = 0; i < 6; i++) code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        try (Connection c = ds.getConnection()) {
            exec(c, "INSERT INTO branch VALUES (?, 'test branch', 'Asia/Jakarta')", code.toString());
            exec(c, "INSERT INTO branch_service_hours SELECT ?, day_of_week, opens_at, closes_at FROM branch_service_hours WHERE branch_code = 'SDA'", code.toString());
            exec(c, "INSERT INTO branch_holiday SELECT ?, holiday_date, kind, name FROM branch_holiday WHERE branch_code = 'SDA'", code.toString());
        }
        return code.toString();
    }

    public static long count(AgroalDataSource ds, String sql, Object... args) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void exec(Connection c, String sql, String arg) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.executeUpdate();
        }
    }

    public static UUID uuid(String s) {
        return UUID.fromString(s);
    }
}

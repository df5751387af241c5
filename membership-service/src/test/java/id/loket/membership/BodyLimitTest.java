package id.loket.membership;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The 4G body limit is the import's alone; any other route refuses a body above 10M from its Content-Length. */
@QuarkusTest
class BodyLimitTest {

    static final int ELEVEN_MB = 11 * 1024 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aLargeBodyIsRefusedOnEveryRouteButTheImport() {
        byte[] big = new byte[ELEVEN_MB];
        java.util.Arrays.fill(big, (byte) ' ');
        given().contentType(ContentType.JSON).body(big).post("/participants")
                .then().statusCode(413).contentType("application/problem+json").body("errors.field", hasItem("Content-Length"));
        given().contentType(ContentType.JSON).body(big).post("/billing-runs")
                .then().statusCode(413).contentType("application/problem+json");
        // the import reads it (one unreadable line, reported) instead of refusing it
        big[big.length - 1] = '\n';
        given().contentType("application/x-ndjson").body(big).post("/participants/import")
                .then().statusCode(200).body("lines", equalTo(1)).body("rejected", equalTo(1));
        // a body under the limit goes on to the route (here: a 400 naming what is missing, not a 413)
        given().contentType(ContentType.JSON).body("{}").post("/billing-runs").then().statusCode(400);
    }

    /** Announced as a gigabyte, sent as two bytes: the 413 comes at once, without waiting for the rest of the body. */
    @Test
    void theRefusalComesBeforeTheBodyIsRead() throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000); // a server waiting for the body would time out here
            OutputStream out = socket.getOutputStream();
            out.write(("POST /participants HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            int n;
            while (!answer.toString(StandardCharsets.UTF_8).contains("}") && (n = in.read(buffer)) > 0) answer.write(buffer, 0, n);
            String text = answer.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 413").contains("application/problem+json").contains("\"Content-Length\"");
        }
    }
}

package id.loket.platform.it;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RebuildTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void rebuildGivesExactlyTheLiveStateWhileWritesGoOn() throws Exception {
        // more than one chunk of history
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = Tallies.open("rebuild-" + i);
            ids.add(id);
            for (int j = 1; j <= 30; j++) Tallies.increment(id, j);
        }
        ExecutorService writer = Executors.newSingleThreadExecutor();
        AtomicBoolean stop = new AtomicBoolean();
        Future<Integer> concurrent = writer.submit(() -> {
            int n = 0;
            while (!stop.get()) {
                Tallies.increment(ids.get(n % ids.size()), 1);
                n++;
            }
            return n;
        });
        try {
            given().post("/admin/projections/tallies/rebuild")
                    .then().statusCode(200)
                    .body("projection", equalTo("tallies"));
        } finally {
            stop.set(true);
        }
        int writtenDuringRebuild = concurrent.get();
        writer.shutdown();

        // a second rebuild when all is quiet must agree with the live table row for row
        List<String> live = rows();
        given().post("/admin/projections/tallies/rebuild").then().statusCode(200);
        assertThat(rows()).isEqualTo(live);

        // and the live table after the first rebuild took the writes made during it
        long expectedTotal = 40L * (30 * 31 / 2) + writtenDuringRebuild;
        long actualTotal = 0;
        for (UUID id : ids) actualTotal += given().get("/tallies/" + id).then().statusCode(200).extract().<Integer>path("total");
        assertThat(actualTotal).isEqualTo(expectedTotal);
        assertThat(live).isNotEmpty();
    }

    @Test
    void unknownProjectionIsA404() {
        given().post("/admin/projections/nope/rebuild").then().statusCode(404).contentType("application/problem+json");
    }

    private List<String> rows() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, name, total, version, updated_at FROM tally_view ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getLong(4) + "|" + rs.getString(5));
            }
        }
        return out;
    }
}

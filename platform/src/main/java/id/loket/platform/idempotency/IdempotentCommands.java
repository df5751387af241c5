package id.loket.platform.idempotency;

import id.loket.platform.http.IdempotencyKeyReusedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on commands: the key is recorded in the command's own transaction, so a retry (or
 * a concurrent duplicate, which waits on the key) gets the first answer again and the command runs once.
 * The same key with another request is a 422. A command that fails rolls back with its key, so it can be
 * retried.
 *
 * <pre>{@code
 * @POST
 * public Response register(@HeaderParam("Idempotency-Key") String key, @Valid RegisterParticipant body) {
 *     return idempotent.run(key, "POST /participants", body, () -> created(service.register(body)));
 * }
 * }</pre>
 */
@ApplicationScoped
public class IdempotentCommands {

    public static final String HEADER = "Idempotency-Key";

    private final DataSource dataSource;
    private final ObjectMapper json;

    IdempotentCommands(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Transactional
    public Response run(String key, String operation, Object request, Supplier<Response> command) {
        if (key == null || key.isBlank()) return command.get();
        if (key.length() > 200) throw new IdempotencyKeyReusedException("Idempotency-Key is longer than 200 characters");
        String hash = hash(operation, request);
        try (Connection c = dataSource.getConnection()) {
            // Claim the key first: a concurrent duplicate blocks here until this transaction ends.
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO idempotency_key (idempotency_key, request_hash, status) VALUES (?, ?, 0)
                    ON CONFLICT (idempotency_key) DO NOTHING""")) {
                ps.setString(1, key);
                ps.setString(2, hash);
                if (ps.executeUpdate() == 0) return replay(c, key, hash);
            }
            Response response = command.get();
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE idempotency_key SET status = ?, location = ?, content_type = ?, body = ?
                     WHERE idempotency_key = ?""")) {
                ps.setInt(1, response.getStatus());
                ps.setString(2, response.getLocation() == null ? null : response.getLocation().toString());
                ps.setString(3, response.getMediaType() == null ? null : response.getMediaType().toString());
                ps.setString(4, response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null);
                ps.setString(5, key);
                ps.executeUpdate();
            }
            return response;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record the idempotency key", e);
        }
    }

    private Response replay(Connection c, String key, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT request_hash, status, location, content_type, body FROM idempotency_key WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getString(1).equals(hash)) {
                    throw new IdempotencyKeyReusedException("this Idempotency-Key was used for a different request");
                }
                Response.ResponseBuilder b = Response.status(rs.getInt(2)).header("Idempotent-Replayed", "true");
                if (rs.getString(3) != null) b.location(URI.create(rs.getString(3)));
                if (rs.getString(5) != null) {
                    b.entity(rs.getString(5).getBytes(StandardCharsets.UTF_8));
                    b.header(HttpHeaders.CONTENT_TYPE, rs.getString(4) != null ? rs.getString(4) : "application/json");
                }
                return b.build();
            }
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

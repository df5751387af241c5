package id.loket.platform.it;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Records as a consumer's channel hands them over (CloudEvents headers, schema version 2), for the consumer tests. */
final class ConsumedRecords {

    private ConsumedRecords() {
    }

    static ConsumerRecord<String, byte[]> cloudEvent(String topic, long offset, UUID id, String ceType, String subject,
                                                     String payload) {
        RecordHeaders h = new RecordHeaders();
        h.add("ce_specversion", b("1.0"));
        h.add("ce_id", b(id.toString()));
        h.add("ce_type", b(ceType));
        h.add("ce_source", b("/loket/other"));
        h.add("ce_subject", b(subject));
        h.add("ce_time", b(Instant.now().toString()));
        h.add("ce_dataschemaversion", b("2"));
        h.add("correlation_id", b("corr-" + id));
        byte[] value = b(payload);
        return new ConsumerRecord<>(topic, 0, offset, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                -1, value.length, subject, value, h, Optional.empty());
    }

    /** Whether the consumer recorded the event as processed (a dead letter is not). */
    static boolean processed(DataSource dataSource, String consumer, UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, consumer);
            ps.setObject(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}

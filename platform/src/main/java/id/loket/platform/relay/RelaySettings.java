package id.loket.platform.relay;

import java.util.List;

/** What one relay needs: its own database connection (outside the pool), the broker, the topic and its shape. */
public record RelaySettings(
        String jdbcUrl,
        String username,
        String password,
        String bootstrapServers,
        String service,
        String topic,
        int batchSize,
        int partitions,
        short replicationFactor,
        String retentionMs,
        List<String> otherTopics) {
}

package id.loket.queue.branch;

import id.loket.queue.config.QueueConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The Sidoarjo demo branch for the local stack (loket.queue.demo-data=true, env LOKET_QUEUE_DEMO_DATA):
 * created once; a restart, or a second replica starting at the same time, leaves it as it is.
 */
@ApplicationScoped
public class DemoBranch {

    private static final Logger LOG = Logger.getLogger(DemoBranch.class);

    private final QueueConfig config;
    private final EntityManager em;

    DemoBranch(QueueConfig config, EntityManager em) {
        this.config = config;
        this.em = em;
    }

    @Transactional
    void load(@Observes StartupEvent ignored) {
        if (!config.demoData()) return;
        int created = em.createNativeQuery("""
                INSERT INTO branch (code, name, zone_id, end_of_day_policy)
                VALUES ('SDA', 'Kantor Cabang Sidoarjo', 'Asia/Jakarta', 'CLOSE') ON CONFLICT DO NOTHING""")
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO service_type (branch_code, code, prefix, name) VALUES
                  ('SDA', 'A', 'A', 'Administrasi kepesertaan (membership changes)'),
                  ('SDA', 'B', 'B', 'Pengaduan dan informasi (complaints and information)'),
                  ('SDA', 'C', 'C', 'Iuran dan tunggakan (payments and arrears)')
                ON CONFLICT DO NOTHING""").executeUpdate();
        em.createNativeQuery("""
                INSERT INTO counter (id, branch_code, name, service_types) VALUES
                  ('SDA-1', 'SDA', 'Loket 1', '{A}'),
                  ('SDA-2', 'SDA', 'Loket 2', '{A,B}'),
                  ('SDA-3', 'SDA', 'Loket 3', '{B}'),
                  ('SDA-4', 'SDA', 'Loket 4', '{C}'),
                  ('SDA-5', 'SDA', 'Loket 5', '{A,B,C}')
                ON CONFLICT DO NOTHING""").executeUpdate();
        if (created > 0) LOG.info("created the Sidoarjo demo branch SDA (service types A, B, C; counters SDA-1..SDA-5)");
    }
}

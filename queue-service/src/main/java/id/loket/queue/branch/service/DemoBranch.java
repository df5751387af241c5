package id.loket.queue.branch.service;

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
        // Demo data, not an authority: the 2026 national holidays of the SKB of 19 September 2025 (Menteri Agama,
        // Ketenagakerjaan, PANRB no. 1497/2/5 of 2025, as published in the press), declared that day; for 2027
        // only the days whose date is fixed or follows from Easter (28 March 2027), declared at first start-up.
        // The 2027 Islamic, Chinese, Hindu and Buddhist holidays and the collective leave (cuti bersama) days
        // await the 2027 SKB: an admin adds them with PUT /branches/SDA/holidays/{date}.
        em.createNativeQuery("""
                INSERT INTO branch_holiday (branch_code, holiday_date, name, kind, declared_at) VALUES
                  ('SDA', DATE '2026-01-01', 'Tahun Baru 2026 Masehi', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-01-16', 'Isra Mikraj Nabi Muhammad SAW', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-03-21', 'Idul Fitri 1447 H', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-03-22', 'Idul Fitri 1447 H', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-04-03', 'Wafat Yesus Kristus', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-05-01', 'Hari Buruh Internasional', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-05-14', 'Kenaikan Yesus Kristus', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-05-27', 'Idul Adha 1447 H', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-05-31', 'Hari Raya Waisak 2570 BE', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-06-01', 'Hari Lahir Pancasila', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-06-16', 'Tahun Baru Islam 1448 H', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-08-17', 'Proklamasi Kemerdekaan RI', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-08-25', 'Maulid Nabi Muhammad SAW', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2026-12-25', 'Kelahiran Yesus Kristus (Natal)', 'NATIONAL', TIMESTAMPTZ '2025-09-19T00:00:00Z'),
                  ('SDA', DATE '2027-01-01', 'Tahun Baru 2027 Masehi', 'NATIONAL', now()),
                  ('SDA', DATE '2027-03-26', 'Wafat Yesus Kristus', 'NATIONAL', now()),
                  ('SDA', DATE '2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)', 'NATIONAL', now()),
                  ('SDA', DATE '2027-05-01', 'Hari Buruh Internasional', 'NATIONAL', now()),
                  ('SDA', DATE '2027-05-06', 'Kenaikan Yesus Kristus', 'NATIONAL', now()),
                  ('SDA', DATE '2027-06-01', 'Hari Lahir Pancasila', 'NATIONAL', now()),
                  ('SDA', DATE '2027-08-17', 'Proklamasi Kemerdekaan RI', 'NATIONAL', now()),
                  ('SDA', DATE '2027-12-25', 'Kelahiran Yesus Kristus (Natal)', 'NATIONAL', now())
                ON CONFLICT DO NOTHING""").executeUpdate();
        if (created > 0) LOG.info("created the Sidoarjo demo branch SDA (service types A, B, C; counters SDA-1..SDA-5; 2026/2027 national holidays)");
    }
}

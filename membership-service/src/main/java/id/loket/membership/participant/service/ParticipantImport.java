package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.ParticipantEvent.ParticipantRegistered;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.projection.ParticipantProjection;
import id.loket.membership.participant.service.ParticipantService.Registration;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.events.EventMetadata;
import id.loket.platform.eventstore.EventStore;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.events.NewEvent;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import id.loket.platform.events.EventCodec;
import id.loket.platform.jkn.Nik;
import id.loket.platform.privacy.NikHasher;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bulk import of existing participants (a branch migrating its data). Each line passes the registration
 * rules (a birth date or sex that contradicts the NIK is only a warning here); imported participants keep
 * their card number. Lines are committed in chunks, each chunk one transaction that reserves the NIKs, creates
 * the participants' streams with one statement and writes their read-model rows with another, so no import
 * holds a long transaction (ARCHITECTURE.md: the snapshot horizon). The request thread reads and checks lines
 * while two writers (membership.import.writers) commit chunks side by side; at most one chunk per writer waits
 * in memory.
 *
 * <p>Sending the same file again imports nothing twice: a line whose NIK is already registered with the same
 * card number is a duplicate; with another card number it is rejected. Writers that meet (the same NIK or card
 * number in two chunks at once, or a counter registration) are told by the unique keys, and the chunk that
 * lost is read again and retried.
 */
@ApplicationScoped
public class ParticipantImport {

    private static final Logger LOG = Logger.getLogger(ParticipantImport.class);
    static final int ATTEMPTS = 5;

    public enum Format { NDJSON, CSV }

    /** A rejected line, or a warning on an imported one. {@code field} is null when the line as a whole is unreadable. */
    public record LineProblem(long line, String field, String message) {
    }

    public record Report(long lines, long imported, long duplicates, long rejected, long warned,
                         List<LineProblem> errors, List<LineProblem> warnings) {
    }

    /** A line that passed the rules and waits for its chunk. */
    private record Candidate(long line, Registration registration, RegistrationRules.Checked checked, String cardNumber,
                             String familyCardHash, UUID id, NewEvent registered) {
        String nik() {
            return checked.nik().value();
        }
    }

    private record ChunkResult(int imported, int duplicates, List<LineProblem> rejected, List<LineProblem> warnings) {
    }

    /** A chunk met a concurrent writer (the same NIK or card number registered meanwhile): read again and retry. */
    private static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    private final AgroalDataSource dataSource;
    private final EventStore store;
    private final EventCodec codec;
    private final NikHasher hasher;
    private final Clock clock;
    private final ParticipantProjection participants;
    private final int chunkSize;
    private final int writerCount;

    ParticipantImport(AgroalDataSource dataSource, EventStore store, EventCodec codec, NikHasher hasher, Clock clock,
                      ParticipantProjection participants,
                      @ConfigProperty(name = "membership.import.chunk-size", defaultValue = "1000") int chunkSize,
                      @ConfigProperty(name = "membership.import.writers", defaultValue = "2") int writerCount) {
        this.writerCount = Math.max(1, writerCount);
        this.participants = participants;
        this.dataSource = dataSource;
        this.store = store;
        this.codec = codec;
        this.hasher = hasher;
        this.clock = clock;
        this.chunkSize = chunkSize;
    }

    /**
     * Reads, checks and commits the file chunk by chunk.
     *
     * @param maxProblems how many errors (and warnings) to list, the lowest line numbers first; all are counted
     * @throws InvalidField when the file as a whole cannot be read (a CSV header without the required columns)
     */
    public Report run(Reader source, Format format, int maxProblems) {
        LocalDate today = LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE));
        EventMetadata metadata = MetadataContext.current(); // the writer thread has no request of its own
        Tally tally = new Tally(maxProblems);
        long started = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(writerCount,
                r -> new Thread(r, "participant-import-" + threads.incrementAndGet()));
        try (ImportLines lines = format == Format.CSV ? ImportLines.csv(source) : ImportLines.ndjson(source)) {
            Deque<Future<ChunkResult>> pending = new ArrayDeque<>();
            List<Candidate> chunk = new ArrayList<>(chunkSize);
            Map<String, String> familyHashes = new HashMap<>();
            ImportLines.Line line;
            while ((line = lines.next()) != null) {
                tally.lines++;
                Candidate c = candidate(line, today, familyHashes, metadata, tally);
                if (c == null) continue;
                chunk.add(c);
                if (chunk.size() == chunkSize) {
                    submit(writers, pending, chunk, metadata, tally);
                    chunk = new ArrayList<>(chunkSize);
                    familyHashes.clear();
                }
            }
            if (!chunk.isEmpty()) submit(writers, pending, chunk, metadata, tally);
            while (!pending.isEmpty()) collect(pending.poll(), tally);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writers.shutdownNow();
        }
        Report report = tally.report();
        LOG.infof("import: %d lines, %d imported, %d duplicates, %d rejected, %d with warnings in %d ms", report.lines(),
                report.imported(), report.duplicates(), report.rejected(), report.warned(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /** Hands a chunk to a writer once one is free (so at most one chunk per writer waits in memory). */
    private void submit(ExecutorService writers, Deque<Future<ChunkResult>> pending, List<Candidate> chunk,
                        EventMetadata metadata, Tally tally) {
        if (pending.size() >= writerCount) collect(pending.poll(), tally);
        pending.add(writers.submit(() -> commitWithRetry(chunk, metadata)));
    }

    private static void collect(Future<ChunkResult> pending, Tally tally) {
        ChunkResult r;
        try {
            r = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
        tally.imported += r.imported();
        tally.duplicates += r.duplicates();
        for (LineProblem p : r.rejected()) tally.reject(p);
        for (LineProblem p : r.warnings()) tally.warn(p);
    }

    // ---- one line: shape and rules, outside any transaction -----------------------------------------------------

    private Candidate candidate(ImportLines.Line line, LocalDate today, Map<String, String> familyHashes, EventMetadata metadata,
                                Tally tally) {
        if (line.error() != null) {
            tally.reject(new LineProblem(line.number(), line.error().field(), line.error().getMessage()));
            return null;
        }
        try {
            Map<String, String> f = line.fields();
            Registration r = registration(f);
            String cardNumber = f.get("cardNumber");
            RegistrationRules.Checked checked = RegistrationRules.check(r, today, RegistrationRules.Mode.IMPORT);
            if (cardNumber == null || !isDigits(cardNumber, 13)) throw new InvalidField("cardNumber", "must be exactly 13 digits");
            String familyHash = familyHashes.computeIfAbsent(r.familyCardNumber(), hasher::hash);
            UUID id = timeOrderedId();
            // The event is written here, on the reading thread, so that the committing thread only writes
            ParticipantRegistered event = new ParticipantRegistered(id, cardNumber, hasher.hash(checked.nik().value()),
                    checked.nik().last4(), familyHash, r.sex(), r.segment(), checked.careClass(), checked.registrationDate(),
                    r.relation(), ParticipantService.accountOf(r.segment(), familyHash, r.employerId()), r.employerId(), r.facilityCode());
            NewEvent e = codec.encode(event);
            return new Candidate(line.number(), r, checked, cardNumber, familyHash, id,
                    new NewEvent(timeOrderedId(), e.type(), e.schemaVersion(), e.payloadJson(), metadata));
        } catch (InvalidField e) {
            tally.reject(new LineProblem(line.number(), e.field(), e.getMessage()));
            return null;
        }
    }

    /**
     * A UUID version 7 (RFC 9562: milliseconds since 1970, then random bits). Ids of a bulk load that sort by
     * time land at the right edge of the indexes on participant and event ids (and on "participant-<id>" stream
     * ids) instead of all over them, which keeps a million inserts from touching every index page; and they need
     * no SecureRandom. They are identifiers, not secrets.
     */
    static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The typed registration of a line; a value of the wrong shape is an error naming its field. */
    static Registration registration(Map<String, String> f) {
        return new Registration(f.get("nik"), f.get("name"), date(f, "birthDate"), enumValue(f, "sex", Nik.Sex.class),
                f.get("familyCardNumber"), enumValue(f, "segment", Segment.class), enumValue(f, "careClass", CareClass.class),
                enumValue(f, "relation", Relation.class), wage(f), f.get("employerId"), f.get("facilityCode"),
                date(f, "registrationDate"));
    }

    private static LocalDate date(Map<String, String> f, String field) {
        String v = f.get(field);
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> f, String field, Class<E> type) {
        String v = f.get(field);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT).replace('-', '_')); // PBI-APBN as written in DOMAIN.md
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) names.add(c.name());
            throw new InvalidField(field, "must be one of " + String.join(", ", names));
        }
    }

    private static Long wage(Map<String, String> f) {
        String v = f.get("monthlyWage");
        if (v == null) return null;
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidField("monthlyWage", "must be a whole number of rupiah");
        }
    }

    private static boolean isDigits(String s, int length) {
        if (s.length() != length) return false;
        for (int i = 0; i < length; i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    // ---- one chunk: one transaction -----------------------------------------------------------------------------

    private ChunkResult commitWithRetry(List<Candidate> chunk, EventMetadata metadata) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> commit(chunk, metadata));
            } catch (RuntimeException e) {
                if (!raced(e) || attempt == ATTEMPTS) throw e;
                LOG.infof("import chunk from line %d met a concurrent registration; retry %d", chunk.getFirst().line(), attempt);
            }
        }
    }

    private static boolean raced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Raced || t instanceof WrongExpectedVersionException) return true;
            if (t instanceof SQLException sql && ("23505".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) return true;
            if (t instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    && "23505".equals(b.getNextException().getSQLState())) return true;
        }
        return false;
    }

    private ChunkResult commit(List<Candidate> chunk, EventMetadata metadata) throws SQLException {
        List<LineProblem> rejected = new ArrayList<>();
        int duplicates = 0;
        List<Candidate> accepted;
        try (Connection c = dataSource.getConnection()) {
            // 1. The NIK. Already registered (at the counter, by an earlier chunk or import): the same card number
            //    is the same person again (a duplicate), another one a conflict. New in this chunk: its first line
            //    carrying it wins (across two chunks committing at once, the one that commits first).
            Map<String, String[]> registered = existingNiks(c, chunk);
            Map<String, Candidate> byNik = new HashMap<>();
            List<Candidate> fresh = new ArrayList<>(chunk.size());
            for (Candidate cand : chunk) {
                String[] holder = registered.get(cand.nik());
                Candidate earlier = holder == null ? byNik.putIfAbsent(cand.nik(), cand) : null;
                if (holder != null) {
                    if (cand.cardNumber().equals(holder[1])) duplicates++;
                    else rejected.add(new LineProblem(cand.line(), "nik", "already registered: participant " + holder[0]
                            + (holder[1] == null ? "" : ", card " + holder[1])));
                } else if (earlier == null) {
                    fresh.add(cand);
                } else if (earlier.cardNumber().equals(cand.cardNumber())) {
                    duplicates++;
                } else {
                    rejected.add(new LineProblem(cand.line(), "nik", "already on line " + earlier.line() + " with another card number"));
                }
            }
            // 2. The card number is kept, so it must be free.
            Set<String> takenCards = takenCards(c, fresh);
            Map<String, Candidate> byCard = new HashMap<>();
            List<Candidate> carded = new ArrayList<>(fresh.size());
            List<Candidate> refusedByStore = new ArrayList<>(); // for a card or head found in the database, see below
            for (Candidate cand : fresh) {
                Candidate earlier = byCard.putIfAbsent(cand.cardNumber(), cand);
                if (earlier != null) rejected.add(new LineProblem(cand.line(), "cardNumber", "already given to line " + earlier.line()));
                else if (takenCards.contains(cand.cardNumber())) {
                    rejected.add(new LineProblem(cand.line(), "cardNumber", "already held by another participant"));
                    refusedByStore.add(cand);
                } else carded.add(cand);
            }
            // 3. One head per family.
            Set<String> headed = familiesWithHead(c, carded);
            Map<String, Candidate> heads = new HashMap<>();
            accepted = new ArrayList<>(carded.size());
            for (Candidate cand : carded) {
                if (cand.registration().relation() == Relation.HEAD) {
                    Candidate earlier = heads.putIfAbsent(cand.familyCardHash(), cand);
                    if (earlier != null) {
                        rejected.add(new LineProblem(cand.line(), "relation", "this family already has a head of family (line " + earlier.line() + ")"));
                        continue;
                    }
                    if (headed.contains(cand.familyCardHash())) {
                        rejected.add(new LineProblem(cand.line(), "relation", "this family already has a head of family"));
                        refusedByStore.add(cand);
                        continue;
                    }
                }
                accepted.add(cand);
            }
            // Steps 1 to 3 are separate reads. A writer that committed the same people between them (the same file
            // sent twice at once) left their NIKs free in step 1 and their cards or heads taken in step 2 or 3: they
            // would be refused as conflicts instead of counted as duplicates. Such a line's NIK is registered now;
            // then the chunk starts again, and step 1 sees them.
            if (!refusedByStore.isEmpty() && !existingNiks(c, refusedByStore).isEmpty()) throw new Raced();
            if (accepted.isEmpty()) return new ChunkResult(0, duplicates, rejected, List.of());
            // 4. Reserve the NIKs; a registration that took one since step 1 makes the chunk start again.
            if (reserve(c, accepted) != accepted.size()) throw new Raced();
        }
        // 5. The participants' streams in one statement; their read-model rows in another, in this transaction.
        List<EventStore.NewStream> streams = new ArrayList<>(accepted.size());
        List<LineProblem> warnings = new ArrayList<>();
        for (Candidate cand : accepted) {
            streams.add(new EventStore.NewStream(Participant.streamId(cand.id()), List.of(cand.registered())));
            for (RegistrationRules.Warning w : cand.checked().warnings()) warnings.add(new LineProblem(cand.line(), w.field(), w.message()));
        }
        participants.collectRows();
        store.appendNewStreams(streams);
        participants.writeCollected();
        return new ChunkResult(accepted.size(), duplicates, rejected, warnings);
    }

    private static Map<String, String[]> existingNiks(Connection c, List<Candidate> cands) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        if (cands.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.nik, i.participant_id::text, v.card_number FROM participant_identity i
                  LEFT JOIN participant_view v ON v.participant_id = i.participant_id
                 WHERE i.nik = ANY(?::bpchar[])""")) {
            ps.setArray(1, c.createArrayOf("text", cands.stream().map(Candidate::nik).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private static Set<String> takenCards(Connection c, List<Candidate> cands) throws SQLException {
        return strings(c, "SELECT card_number FROM participant_view WHERE card_number = ANY(?::bpchar[])",
                cands.stream().map(Candidate::cardNumber).toArray());
    }

    /**
     * Families of these candidates' heads that have a head already. No constraint guards "one head per family",
     * so two writers are kept from both adding one: each takes a transaction lock per family first (in sorted
     * order, so they cannot deadlock on them) and the check then sees the other's committed head.
     */
    private static Set<String> familiesWithHead(Connection c, List<Candidate> cands) throws SQLException {
        Object[] families = cands.stream().filter(x -> x.registration().relation() == Relation.HEAD)
                .map(Candidate::familyCardHash).distinct().sorted().toArray();
        if (families.length == 0) return Set.of();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(pg_advisory_xact_lock(hashtextextended(f, 7431))) FROM (SELECT unnest(?::text[]) AS f ORDER BY 1) x")) {
            ps.setArray(1, c.createArrayOf("text", families));
            ps.executeQuery().close();
        }
        return strings(c, "SELECT DISTINCT family_card_hash FROM participant_view WHERE family_card_hash = ANY(?::text[]) AND relation = 'HEAD'",
                families);
    }

    private static Set<String> strings(Connection c, String sql, Object[] values) throws SQLException {
        Set<String> out = new HashSet<>();
        if (values.length == 0) return out;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", values));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The personal data row, unique on the NIK: the reservation a concurrent registration of the same NIK meets. */
    private static int reserve(Connection c, List<Candidate> cands) throws SQLException {
        int n = cands.size();
        Object[] ids = new Object[n], niks = new Object[n], names = new Object[n], births = new Object[n], families = new Object[n],
                wages = new Object[n];
        for (int i = 0; i < n; i++) {
            Candidate x = cands.get(i);
            ids[i] = x.id();
            niks[i] = x.nik();
            names[i] = x.registration().name().strip();
            births[i] = x.registration().birthDate().toString();
            families[i] = x.registration().familyCardNumber();
            wages[i] = x.registration().monthlyWage();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO participant_identity (participant_id, nik, name, birth_date, family_card_number, monthly_wage)
                SELECT id, nik, name, birth::date, family, wage
                  FROM unnest(?::uuid[], ?::bpchar[], ?::text[], ?::text[], ?::bpchar[], ?::int8[]) AS x(id, nik, name, birth, family, wage)
                ON CONFLICT (nik) DO NOTHING""")) {
            ps.setArray(1, c.createArrayOf("uuid", ids));
            ps.setArray(2, c.createArrayOf("text", niks));
            ps.setArray(3, c.createArrayOf("text", names));
            ps.setArray(4, c.createArrayOf("text", births));
            ps.setArray(5, c.createArrayOf("text", families));
            ps.setArray(6, c.createArrayOf("int8", wages));
            return ps.executeUpdate();
        }
    }

    /** Counts and the problems with the lowest line numbers. */
    private static final class Tally {
        final int max;
        long lines, imported, duplicates, rejected, warned;
        private long lastWarnedLine = -1; // warnings of one line arrive together
        final PriorityQueue<LineProblem> errors = new PriorityQueue<>(Comparator.comparingLong(LineProblem::line).reversed());
        final PriorityQueue<LineProblem> warnings = new PriorityQueue<>(Comparator.comparingLong(LineProblem::line).reversed());

        Tally(int max) {
            this.max = max;
        }

        void reject(LineProblem p) {
            rejected++;
            keep(errors, p);
        }

        void warn(LineProblem p) {
            if (p.line() != lastWarnedLine) warned++;
            lastWarnedLine = p.line();
            keep(warnings, p);
        }

        private void keep(PriorityQueue<LineProblem> q, LineProblem p) {
            if (max == 0) return;
            q.add(p);
            if (q.size() > max) q.poll();
        }

        Report report() {
            return new Report(lines, imported, duplicates, rejected, warned, sorted(errors), sorted(warnings));
        }

        private static List<LineProblem> sorted(PriorityQueue<LineProblem> q) {
            List<LineProblem> out = new ArrayList<>(q);
            out.sort(Comparator.comparingLong(LineProblem::line));
            return out;
        }
    }
}

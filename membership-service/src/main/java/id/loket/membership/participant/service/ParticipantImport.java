package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.service.ImportChunkWriter.Candidate;
import id.loket.membership.participant.service.ParticipantService.Registration;
import id.loket.platform.domain.InvalidField;
import id.loket.platform.events.EventMetadata;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.privacy.NikHasher;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import id.loket.membership.config.MembershipConfig;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bulk import of existing participants (a branch migrating its data). Each line passes the registration
 * rules (a birth date or sex that contradicts the NIK is only a warning here); imported participants keep
 * their card number. Lines are committed in chunks ({@link ImportChunkWriter}), each chunk one transaction, so no
 * import holds a long transaction (ARCHITECTURE.md: the snapshot horizon). The request thread reads and checks
 * lines while two writers (membership.import.writers) commit chunks side by side; at most one chunk per writer
 * waits in memory.
 *
 * <p>Sending the same file again imports nothing twice: a line whose NIK is already registered with the same
 * card number is a duplicate; with another card number it is rejected.
 */
@ApplicationScoped
public class ParticipantImport {

    private static final Logger LOG = Logger.getLogger(ParticipantImport.class);

    public enum Format { NDJSON, CSV }

    /** A rejected line, or a warning on an imported one. {@code field} is null when the line as a whole is unreadable. */
    public record LineProblem(long line, String field, String message) {
    }

    public record Report(long lines, long imported, long duplicates, long rejected, long warned,
                         List<LineProblem> errors, List<LineProblem> warnings) {
    }

    private final ImportChunkWriter writer;
    private final NikHasher hasher;
    private final Clock clock;
    private final int chunkSize;
    private final int writerCount;

    ParticipantImport(ImportChunkWriter writer, NikHasher hasher, Clock clock, MembershipConfig config) {
        this.writer = writer;
        this.hasher = hasher;
        this.clock = clock;
        this.chunkSize = config.imports().chunkSize();
        this.writerCount = Math.max(1, config.imports().writers());
    }

    /**
     * Reads, checks and commits the file chunk by chunk.
     *
     * @param maxProblems how many errors (and warnings) to list, the lowest line numbers first; all are counted
     * @throws InvalidField when the file as a whole cannot be read (a CSV header without the required columns)
     */
    public Report run(Reader source, Format format, int maxProblems) {
        LocalDate today = LocalDate.now(clock.withZone(ParticipantService.JKN_ZONE));
        EventMetadata metadata = MetadataContext.current(); // the writer threads have no request of their own
        ImportTally tally = new ImportTally(maxProblems);
        long started = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(writerCount,
                r -> new Thread(r, "participant-import-" + threads.incrementAndGet()));
        try (ImportLines lines = format == Format.CSV ? ImportLines.csv(source) : ImportLines.ndjson(source)) {
            Deque<Future<ImportChunkWriter.Result>> pending = new ArrayDeque<>();
            List<Candidate> chunk = new ArrayList<>(chunkSize);
            Map<String, String> familyHashes = new HashMap<>();
            ImportLines.Line line;
            while ((line = lines.next()) != null) {
                tally.lines++;
                Candidate c = candidate(line, today, familyHashes, tally);
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
    private void submit(ExecutorService writers, Deque<Future<ImportChunkWriter.Result>> pending, List<Candidate> chunk,
                        EventMetadata metadata, ImportTally tally) {
        if (pending.size() >= writerCount) collect(pending.poll(), tally);
        // the request's trace goes with the chunk, so its events name the import's span
        pending.add(writers.submit(Context.current().wrap(() -> writer.commitWithRetry(chunk, metadata))));
    }

    private static void collect(Future<ImportChunkWriter.Result> pending, ImportTally tally) {
        try {
            tally.add(pending.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One line: shape and rules, outside any transaction; its registration as the command it becomes. */
    private Candidate candidate(ImportLines.Line line, LocalDate today, Map<String, String> familyHashes, ImportTally tally) {
        if (line.error() != null) {
            tally.reject(new LineProblem(line.number(), line.error().field(), line.error().getMessage()));
            return null;
        }
        try {
            Map<String, String> f = line.fields();
            Registration r = ImportFields.registration(f);
            RegistrationRules.Checked checked = RegistrationRules.check(r, today, RegistrationRules.Mode.IMPORT);
            String cardNumber = ImportFields.cardNumber(f);
            String familyHash = familyHashes.computeIfAbsent(r.familyCardNumber(), hasher::hash);
            UUID id = timeOrderedId();
            return new Candidate(line.number(), r, checked, new Participant.Command.Register(id, cardNumber,
                    hasher.hash(checked.nik().value()), checked.nik().last4(), familyHash, r.sex(), r.segment(), checked.careClass(),
                    checked.registrationDate(), r.relation(), ParticipantService.accountOf(r.segment(), familyHash, r.employerId()),
                    r.employerId(), r.facilityCode(), Participant.Others.NONE));
        } catch (InvalidField e) {
            tally.reject(new LineProblem(line.number(), e.field(), e.getMessage()));
            return null;
        }
    }

    /**
     * A UUID version 7 (RFC 9562: milliseconds since 1970, then random bits). Participant ids of a bulk load that
     * sort by time land at the right edge of the indexes on participant ids (and on "participant-<id>" stream ids)
     * instead of all over them, which keeps a million inserts from touching every index page; and they need no
     * SecureRandom. They are identifiers, not secrets.
     */
    static UUID timeOrderedId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

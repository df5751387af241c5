package id.loket.membership.participant.service;

import id.loket.membership.participant.domain.Participant;
import id.loket.membership.participant.domain.Participant.Holder;
import id.loket.membership.participant.domain.ParticipantEvent;
import id.loket.membership.participant.domain.RegistrationRefused;
import id.loket.membership.participant.domain.Relation;
import id.loket.membership.participant.service.ParticipantImport.LineProblem;
import id.loket.membership.participant.service.ParticipantService.Registration;
import id.loket.platform.aggregate.AggregateRepository;
import id.loket.platform.events.EventMetadata;
import id.loket.platform.events.MetadataContext;
import id.loket.platform.eventstore.WrongExpectedVersionException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Commits one chunk of an import in one transaction: a few look-ups of who already holds the chunk's NIKs, card
 * numbers and families' headships, each line decided by the participant's decider with those facts (the same rule
 * as at the counter; the chunk's earlier lines count as holders), the accepted NIKs reserved with one statement and
 * their streams created with one more ({@link AggregateRepository#createAll}).
 *
 * <p>Writers that meet (the same NIK or card number in two chunks at once, or a counter registration) are told by
 * the unique keys, and the chunk that lost is read again and retried.
 */
@ApplicationScoped
class ImportChunkWriter {

    private static final Logger LOG = Logger.getLogger(ImportChunkWriter.class);
    static final int ATTEMPTS = 5;

    /** A line that passed the rules and waits for its chunk, with its registration (no facts about others yet). */
    record Candidate(long line, Registration registration, RegistrationRules.Checked checked, Participant.Command.Register command) {
        String nik() {
            return checked.nik().value();
        }

        Holder asHolder() {
            return new Holder(command.participantId(), command.cardNumber(), line);
        }
    }

    record Result(int imported, int duplicates, List<LineProblem> rejected, List<LineProblem> warnings) {
    }

    /** A chunk met a concurrent writer (the same NIK or card number registered meanwhile): read again and retry. */
    private static final class Raced extends RuntimeException {
        Raced() {
            super(null, null, false, false);
        }
    }

    private final AgroalDataSource dataSource;
    private final AggregateRepository aggregates;

    ImportChunkWriter(AgroalDataSource dataSource, AggregateRepository aggregates) {
        this.dataSource = dataSource;
        this.aggregates = aggregates;
    }

    /** On a writer thread: its events carry the import request's metadata (correlation, actor), as if appended there. */
    Result commitWithRetry(List<Candidate> chunk, EventMetadata metadata) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            MetadataContext context = Arc.container().instance(MetadataContext.class).get();
            context.correlationId(metadata.correlationId());
            context.causationId(metadata.causationId());
            context.actor(metadata.actor());
            context.branch(metadata.branch());
            for (int attempt = 1; ; attempt++) {
                try {
                    return QuarkusTransaction.requiringNew().call(() -> commit(chunk));
                } catch (RuntimeException e) {
                    if (!raced(e) || attempt == ATTEMPTS) throw e;
                    LOG.infof("import chunk from line %d met a concurrent registration; retry %d", chunk.getFirst().line(), attempt);
                }
            }
        } finally {
            request.terminate();
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

    private Result commit(List<Candidate> chunk) throws SQLException {
        List<LineProblem> rejected = new ArrayList<>();
        List<Candidate> accepted = new ArrayList<>(chunk.size());
        List<Candidate> refusedByStore = new ArrayList<>(); // refused for a card or head found in the database, see below
        int duplicates = 0;
        try (Connection c = dataSource.getConnection()) {
            Map<String, Holder> niks = registeredNiks(c, chunk);
            Set<String> takenCards = takenCards(c, chunk);
            Set<String> headed = familiesWithHead(c, chunk);
            // The chunk's own earlier lines hold what they carry: the first line with a new NIK holds it, the first
            // of those with a card holds the card, the first of those that is a family's head holds the headship.
            Map<String, Holder> nikOnLine = new HashMap<>(), cardOnLine = new HashMap<>(), headOnLine = new HashMap<>();
            for (Candidate cand : chunk) {
                Participant.Command.Register r = cand.command();
                Holder nik = niks.get(cand.nik());
                if (nik == null) nik = nikOnLine.putIfAbsent(cand.nik(), cand.asHolder());
                Holder card = null, head = null;
                if (nik == null) {
                    card = cardOnLine.putIfAbsent(r.cardNumber(), cand.asHolder());
                    if (card == null && takenCards.contains(r.cardNumber())) card = Holder.registered(null, r.cardNumber());
                }
                if (nik == null && card == null && r.relation() == Relation.HEAD) {
                    head = headOnLine.putIfAbsent(r.familyCardHash(), cand.asHolder());
                    if (head == null && headed.contains(r.familyCardHash())) head = Holder.registered(null, null);
                }
                Participant.Command.Register decided = r.with(new Participant.Others(nik, card, head));
                try {
                    if (Participant.DECIDER.decide().apply(decided, Participant.DECIDER.initialState()).isEmpty()) duplicates++;
                    else accepted.add(new Candidate(cand.line(), cand.registration(), cand.checked(), decided));
                } catch (RegistrationRefused e) {
                    rejected.add(new LineProblem(cand.line(), e.field(), e.getMessage()));
                    if ((card != null && !card.onEarlierLine()) || (head != null && !head.onEarlierLine())) refusedByStore.add(cand);
                }
            }
            // The look-ups are separate reads. A writer that committed the same people between them (the same file
            // sent twice at once) left their NIKs free in the first and their cards or heads taken in a later one:
            // they would be refused as conflicts instead of counted as duplicates. Such a line's NIK is registered
            // now; then the chunk starts again, and the first look-up sees them.
            if (!refusedByStore.isEmpty() && !registeredNiks(c, refusedByStore).isEmpty()) throw new Raced();
            if (accepted.isEmpty()) return new Result(0, duplicates, rejected, List.of());
            // Reserve the NIKs; a registration that took one since the look-up makes the chunk start again.
            if (reserve(c, accepted) != accepted.size()) throw new Raced();
        }
        // The participants' streams in one statement (their read-model rows with it), in this transaction.
        aggregates.createAll(Participant.DECIDER, accepted.stream()
                .map(a -> new AggregateRepository.NewAggregate<>(Participant.streamId(a.command().participantId()), (Participant.Command) a.command()))
                .toList());
        List<LineProblem> warnings = new ArrayList<>();
        for (Candidate cand : accepted) {
            for (RegistrationRules.Warning w : cand.checked().warnings()) warnings.add(new LineProblem(cand.line(), w.field(), w.message()));
        }
        return new Result(accepted.size(), duplicates, rejected, warnings);
    }

    /** Who holds these candidates' NIKs already (at the counter, by an earlier chunk or import). */
    private static Map<String, Holder> registeredNiks(Connection c, List<Candidate> cands) throws SQLException {
        Map<String, Holder> out = new HashMap<>();
        if (cands.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT i.nik, i.participant_id, v.card_number FROM participant_identity i
                  LEFT JOIN participant_view v ON v.participant_id = i.participant_id
                 WHERE i.nik = ANY(?::bpchar[])""")) {
            ps.setArray(1, c.createArrayOf("text", cands.stream().map(Candidate::nik).distinct().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), Holder.registered(rs.getObject(2, java.util.UUID.class), rs.getString(3)));
            }
        }
        return out;
    }

    private static Set<String> takenCards(Connection c, List<Candidate> cands) throws SQLException {
        return strings(c, "SELECT card_number FROM participant_view WHERE card_number = ANY(?::bpchar[])",
                cands.stream().map(x -> x.command().cardNumber()).toArray());
    }

    /**
     * Families of these candidates' heads that have a head already. No constraint guards "one head per family",
     * so two writers are kept from both adding one: each takes a transaction lock per family first (in sorted
     * order, so they cannot deadlock on them) and the check then sees the other's committed head.
     */
    private static Set<String> familiesWithHead(Connection c, List<Candidate> cands) throws SQLException {
        Object[] families = cands.stream().filter(x -> x.command().relation() == Relation.HEAD)
                .map(x -> x.command().familyCardHash()).distinct().sorted().toArray();
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
            ids[i] = x.command().participantId();
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
}

package id.loket.membership.contribution.domain;

import id.loket.membership.contribution.domain.ContributionEvent.BillCancelled;
import id.loket.membership.contribution.domain.ContributionEvent.BillRestored;
import id.loket.membership.contribution.domain.ContributionEvent.ContributionBilled;
import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;
import id.loket.platform.domain.Decider;
import id.loket.platform.domain.RuleViolation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An account's bill for one month ({@code bill-<account>-<month>}, created once): one line per liable participant,
 * and which lines are no longer owed (the participant deactivated before that month) or owed again (reversed).
 */
public record Bill(String accountId, YearMonth month, Map<UUID, Line> lines) {

    /** A participant's line: what it bills, and whether it is cancelled. */
    public record Line(long amount, boolean cancelled) {
    }

    public static String streamId(String accountId, YearMonth month) {
        return "bill-" + accountId + "-" + month;
    }

    /** A participant liable for the month, with what the billing rule needs to know of them. */
    public record Member(UUID participantId, Segment segment, CareClass careClass, String familyCardHash, Long wage) {
        boolean wageBased() {
            return segment == Segment.PPU_PN || segment == Segment.PPU_BU;
        }
    }

    public sealed interface Command {
        /** Bill the account's liable members for the month with the tariffs in force on its first day ({@link #tariffsNeeded}). */
        record Issue(String accountId, YearMonth month, List<Member> members, Map<Tariff.Key, Tariff> tariffs) implements Command {
        }

        /** The participant was deactivated as of {@code effectiveMonth}: a later month's line is no longer owed. */
        record CancelLine(UUID participantId, YearMonth effectiveMonth, String reason) implements Command {
        }

        /** The deactivation was reversed: a cancelled line is owed again. */
        record RestoreLine(UUID participantId) implements Command {
        }
    }

    private static final Bill NONE = new Bill(null, null, Map.of());

    public static final Decider<Command, ContributionEvent, Bill> DECIDER = new Decider<>(NONE, Bill::decide, Bill::evolve);

    public boolean exists() {
        return accountId != null;
    }

    static List<ContributionEvent> decide(Command command, Bill state) {
        return switch (command) {
            case Command.Issue c -> {
                if (state.exists()) throw new RuleViolation("bill " + streamId(c.accountId(), c.month()) + " is already issued");
                List<ContributionEvent.Line> lines = lines(c.members(), c.tariffs());
                long sum = lines.stream().mapToLong(ContributionEvent.Line::amount).sum();
                yield List.of(new ContributionBilled(c.accountId(), c.month(), sum, lines, c.month().atDay(10)));
            }
            case Command.CancelLine c -> {
                Line line = state.existing().lines.get(c.participantId());
                yield line == null || line.cancelled() || !state.month.isAfter(c.effectiveMonth()) ? List.of()
                        : List.of(new BillCancelled(state.accountId, state.month, c.participantId(), line.amount(), c.reason()));
            }
            case Command.RestoreLine c -> {
                Line line = state.existing().lines.get(c.participantId());
                yield line == null || !line.cancelled() ? List.of()
                        : List.of(new BillRestored(state.accountId, state.month, c.participantId(), line.amount()));
            }
        };
    }

    private Bill existing() {
        if (!exists()) throw new RuleViolation("no such bill");
        return this;
    }

    /** The tariffs {@link Command.Issue} needs for these members: one look-up per segment and class, not per person. */
    public static Set<Tariff.Key> tariffsNeeded(List<Member> members) {
        Set<Tariff.Key> keys = new LinkedHashSet<>();
        for (List<Member> family : wageFamilies(members).values()) keys.add(new Tariff.Key(earner(family).segment(), null));
        for (Member m : members) if (!m.wageBased()) keys.add(new Tariff.Key(m.segment(), m.careClass()));
        return keys;
    }

    /**
     * One line per participant: a fixed-rate member pays the tariff of their segment and class. PPU: 5% of the
     * (floored, capped) wage for each wage earner; up to five family members in all are included, each further
     * one pays 1% of the earner's wage. Fixed-rate lines first, then the PPU families.
     */
    static List<ContributionEvent.Line> lines(List<Member> members, Map<Tariff.Key, Tariff> tariffs) {
        List<ContributionEvent.Line> out = new ArrayList<>();
        for (Member m : members) {
            if (!m.wageBased()) out.add(new ContributionEvent.Line(m.participantId(), tariff(tariffs, m.segment(), m.careClass()).fixedShare()));
        }
        for (List<Member> family : wageFamilies(members).values()) {
            Member earner = earner(family);
            Tariff t = tariff(tariffs, earner.segment(), null);
            long base = t.wageBase(earner.wage());
            int included = 0;
            for (Member m : family) {
                long amount;
                if (m.wage() != null) {
                    amount = Tariff.percent(t.wageBase(m.wage()), t.rateBp());
                    included++;
                } else if (++included <= t.includedMembers()) {
                    amount = 0;
                } else {
                    amount = Tariff.percent(base, t.extraMemberBp());
                }
                out.add(new ContributionEvent.Line(m.participantId(), amount));
            }
        }
        return out;
    }

    private static Map<String, List<Member>> wageFamilies(List<Member> members) {
        Map<String, List<Member>> families = new LinkedHashMap<>();
        for (Member m : members) if (m.wageBased()) families.computeIfAbsent(m.familyCardHash(), k -> new ArrayList<>()).add(m);
        return families;
    }

    private static Member earner(List<Member> family) {
        return family.stream().filter(m -> m.wage() != null).findFirst().orElse(family.getFirst());
    }

    private static Tariff tariff(Map<Tariff.Key, Tariff> tariffs, Segment segment, CareClass careClass) {
        Tariff t = tariffs.get(new Tariff.Key(segment, careClass));
        if (t == null) throw new IllegalArgumentException("no tariff given for " + segment + "/" + careClass);
        return t;
    }

    static Bill evolve(Bill state, ContributionEvent event) {
        return switch (event) {
            case ContributionBilled b -> {
                Map<UUID, Line> lines = new LinkedHashMap<>();
                for (ContributionEvent.Line l : b.lines()) lines.put(l.participantId(), new Line(l.amount(), false));
                yield new Bill(b.accountId(), b.month(), lines);
            }
            case BillCancelled c -> state.withLine(c.participantId(), true);
            case BillRestored r -> state.withLine(r.participantId(), false);
            default -> state;
        };
    }

    private Bill withLine(UUID participantId, boolean cancelled) {
        Line line = lines.get(participantId);
        if (line == null) return this;
        Map<UUID, Line> next = new LinkedHashMap<>(lines);
        next.put(participantId, new Line(line.amount(), cancelled));
        return new Bill(accountId, month, next);
    }
}

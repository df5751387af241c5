package id.loket.membership.contribution.domain;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;

/** A row of the tariff table as in force on a day: a fixed amount (less a subsidy) or a share of the wage. */
public record Tariff(String kind, long amount, long subsidy, int rateBp, long wageFloor, long wageCap,
                     int includedMembers, int extraMemberBp) {

    /** Which tariff: a segment and a class (no class for a wage-based PPU tariff). */
    public record Key(Segment segment, CareClass careClass) {
    }

    /** A fixed-rate person's share (the government's subsidy is not billed to the family). */
    public long fixedShare() {
        return amount - subsidy;
    }

    public long wageBase(Long wage) {
        long w = wage == null ? wageFloor : wage;
        return Math.min(Math.max(w, wageFloor), wageCap);
    }

    /** Basis points of a wage, in whole rupiah (rounded half up). */
    public static long percent(long base, int bp) {
        return (base * bp + 5_000) / 10_000;
    }
}

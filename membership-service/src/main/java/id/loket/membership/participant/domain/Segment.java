package id.loket.membership.participant.domain;

/** Membership segments (DOMAIN.md): who pays the contribution. */
public enum Segment {
    PBI_APBN, PBI_APBD, PPU_PN, PPU_BU, PBPU, BP;

    /** Government-paid (PBI) participants are always in class III and are never suspended for arrears. */
    public boolean isGovernmentPaid() {
        return this == PBI_APBN || this == PBI_APBD;
    }

    /** Independent workers and non-workers choose their class and pay by it. */
    public boolean choosesClass() {
        return this == PBPU || this == BP;
    }
}

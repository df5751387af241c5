package id.loket.membership.participant.domain;

/** Participant data a correction may change (DOMAIN.md: NIK or name mismatch with the civil registry, ...). */
public enum CorrectedField { NAME, BIRTH_DATE, NIK, FACILITY_CODE }

package id.loket.membership.participant.domain;

/** Inpatient care class (kelas rawat). */
public enum CareClass { I, II, III }

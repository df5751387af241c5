package id.loket.membership.participant.domain;

/** Place in the family card (KK): one head per family. */
public enum Relation { HEAD, SPOUSE, CHILD, OTHER }

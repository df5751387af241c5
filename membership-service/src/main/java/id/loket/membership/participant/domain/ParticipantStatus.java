package id.loket.membership.participant.domain;

public enum ParticipantStatus { ACTIVE, SUSPENDED, INACTIVE }

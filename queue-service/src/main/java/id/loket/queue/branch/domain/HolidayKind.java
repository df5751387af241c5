package id.loket.queue.branch.domain;

/** Why a branch is closed on a day: a national holiday, collective leave (cuti bersama), or a regional holiday. */
public enum HolidayKind { NATIONAL, COLLECTIVE_LEAVE, REGIONAL }

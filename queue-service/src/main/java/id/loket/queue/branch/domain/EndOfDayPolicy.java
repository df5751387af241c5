package id.loket.queue.branch.domain;

/** What a branch does at closing time with the tickets still in its queue: close them, or carry them to the next working day. */
public enum EndOfDayPolicy { CLOSE, CARRY_OVER }

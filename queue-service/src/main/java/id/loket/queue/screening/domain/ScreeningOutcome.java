package id.loket.queue.screening.domain;

/** What the officer at the door decides (DOMAIN.md, stage 1). */
public enum ScreeningOutcome { ANSWERED_ON_SPOT, DIRECTED_TO_DIGITAL, DIRECTED_TO_KIOSK, TICKET }

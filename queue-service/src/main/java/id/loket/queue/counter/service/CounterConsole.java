package id.loket.queue.counter.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the counter console shows: the counter, who staffs it, its current ticket with what the door saw, and the
 * waiting for the service types it serves against their targets. Seconds are to {@code now} (the server's clock).
 *
 * @param state              CLOSED, IDLE, CALLED or SERVING, since stateSince
 * @param noShowAfterRecalls recalls that come before a no-show is allowed (loket.queue.no-show-after-recalls)
 * @param recallGraceSeconds the grace period after a call before a recall or a no-show (loket.queue.recall-grace-period)
 * @param current            the ticket called or in service, or null
 */
public record CounterConsole(String counterId, String branch, String name, List<String> serviceTypes, String state,
                             String staffedBy, String openedBy, Instant openedAt, Instant stateSince, Instant now,
                             int noShowAfterRecalls, long recallGraceSeconds, Current current, List<Waiting> waiting) {

    /**
     * @param waitedSeconds      calledAt − issuedAt: how long the visitor waited to be called
     * @param sinceCalledSeconds now − calledAt
     * @param servingSeconds     now − startedAt, while SERVING
     * @param recallAllowedAt    when the grace period after the last call ends (null unless CALLED)
     * @param door               what the door saw, when the ticket came from a screening (else null)
     */
    public record Current(UUID ticketId, String number, UUID visitId, String serviceType, String priority,
                          String source, String state, Instant issuedAt, Instant queuedAt, Instant calledAt,
                          Instant startedAt, long waitedSeconds, long sinceCalledSeconds, Long servingSeconds,
                          int recalls, Instant recallAllowedAt, boolean recallAllowed, boolean noShowAllowed, Door door) {
    }

    /** The door's screening of the ticket's visit: the purpose and the membership status it saw, and where from. */
    public record Door(String purpose, String membershipStatus, Integer arrearsMonths, Long arrearsAmount,
                       String membershipSource, Instant screenedAt) {
    }

    /** oldestWaitSeconds: the longest wait now (null: nobody waits); overTarget: it is above the type's target. */
    public record Waiting(String serviceType, String name, long count, Instant oldestIssuedAt, Long oldestWaitSeconds,
                          int waitTargetMinutes, boolean overTarget) {
    }
}

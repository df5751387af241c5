package id.loket.queue.screening.domain;

/**
 * A visitor's membership status as the door sees it.
 *
 * @param status ACTIVE, SUSPENDED, INACTIVE or UNKNOWN
 * @param source LOCAL_COPY, MEMBERSHIP_SERVICE, or NONE (not found, or membership-service did not answer)
 */
public record MembershipAnswer(String status, Integer monthsInArrears, String nikLast4, String source) {

    public static MembershipAnswer unknown(String nikLast4) {
        return new MembershipAnswer("UNKNOWN", null, nikLast4, "NONE");
    }
}

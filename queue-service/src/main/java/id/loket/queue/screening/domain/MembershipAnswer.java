package id.loket.queue.screening.domain;

/**
 * A visitor's membership status as the door sees it.
 *
 * @param status          ACTIVE, SUSPENDED, INACTIVE or UNKNOWN
 * @param monthsInArrears the months in arrears when SUSPENDED (the older name of arrearsMonths, kept for its readers)
 * @param arrearsMonths   the months in arrears when SUSPENDED, else null
 * @param arrearsAmount   the rupiah in arrears when SUSPENDED and known, else null
 * @param source          LOCAL_COPY, MEMBERSHIP_SERVICE, or NONE (not found, or membership-service did not answer)
 */
public record MembershipAnswer(String status, Integer monthsInArrears, Integer arrearsMonths, Long arrearsAmount,
                               String nikLast4, String source) {

    public static MembershipAnswer of(String status, Integer arrearsMonths, Long arrearsAmount, String nikLast4, String source) {
        boolean suspended = "SUSPENDED".equals(status);
        Integer months = suspended ? arrearsMonths : null;
        return new MembershipAnswer(status, months, months, suspended ? arrearsAmount : null, nikLast4, source);
    }

    public static MembershipAnswer unknown(String nikLast4) {
        return of("UNKNOWN", null, null, nikLast4, "NONE");
    }
}

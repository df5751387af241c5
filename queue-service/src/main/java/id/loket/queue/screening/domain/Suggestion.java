package id.loket.queue.screening.domain;

/**
 * The outcome screening suggests for a purpose and a membership status. A simplification of the branch's
 * practice, kept in this one place so it can be tuned.
 */
public record Suggestion(ScreeningOutcome outcome, String serviceType, Channel channel) {

    /** Service types of the standard set-up: A administration, B complaints and information, C payments and arrears. */
    public static Suggestion of(Purpose purpose, String status) {
        if ("SUSPENDED".equals(status) && purpose != Purpose.COMPLAINT) return ticket("C"); // explain the arrears first
        if ("INACTIVE".equals(status) && purpose != Purpose.COMPLAINT) return ticket("A");
        return switch (purpose) {
            case INFORMATION -> new Suggestion(ScreeningOutcome.ANSWERED_ON_SPOT, null, null);
            case STATUS_CHECK -> "UNKNOWN".equals(status) ? ticket("A") : digital(Channel.MOBILE_JKN);
            case CHANGE_FACILITY -> digital(Channel.MOBILE_JKN);
            case PRINT_CARD -> new Suggestion(ScreeningOutcome.DIRECTED_TO_KIOSK, null, null);
            case ARREARS_PAYMENT, REACTIVATION -> ticket("C");
            case REGISTRATION, DATA_CORRECTION, DEACTIVATION_DECEASED -> ticket("A");
            case COMPLAINT -> ticket("B");
        };
    }

    private static Suggestion ticket(String serviceType) {
        return new Suggestion(ScreeningOutcome.TICKET, serviceType, null);
    }

    private static Suggestion digital(Channel channel) {
        return new Suggestion(ScreeningOutcome.DIRECTED_TO_DIGITAL, null, channel);
    }
}

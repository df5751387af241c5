package id.loket.queue.screening.domain;

/** Why a visitor came, as asked at the door (the SOP categories the counters handle, plus simple needs). */
public enum Purpose {
    INFORMATION, STATUS_CHECK, PRINT_CARD, CHANGE_FACILITY, ARREARS_PAYMENT, REACTIVATION, REGISTRATION,
    DATA_CORRECTION, DEACTIVATION_DECEASED, COMPLAINT
}

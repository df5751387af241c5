package id.loket.membership.participant.domain;

/** The requester of a deactivation or reversal tried to approve or reject it themselves: answered 403. */
public class SelfApproval extends RuntimeException {
    public SelfApproval(String message) {
        super(message);
    }
}

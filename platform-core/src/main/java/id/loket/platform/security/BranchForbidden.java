package id.loket.platform.security;

/** The signed-in user acts on a branch that is not theirs: answered 403. */
public class BranchForbidden extends RuntimeException {
    public BranchForbidden(String message) {
        super(message);
    }
}

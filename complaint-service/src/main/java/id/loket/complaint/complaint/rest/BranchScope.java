package id.loket.complaint.complaint.rest;

import id.loket.platform.security.BranchForbidden;
import id.loket.platform.security.CurrentActor;

/** Which branch a read over many complaints (the list, the pattern report) covers for the signed-in user. */
public final class BranchScope {

    private BranchScope() {
    }

    /**
     * The requested branch if the user may read it (403 otherwise); with none requested, the user's own
     * branch, or every branch ({@code null}) for a national user. So a branch user never sees another
     * branch's complaints by leaving the filter out.
     */
    public static String of(CurrentActor actor, String requested) {
        if (requested != null) {
            actor.requireBranch(requested);
            return requested;
        }
        if (actor.isNational()) return null;
        return actor.branch().orElseThrow(() ->
                new BranchForbidden("the token names no branch, so it may read no branch's complaints"));
    }
}

package id.loket.queue.counter.rest;

import id.loket.platform.security.BranchLookup;
import id.loket.queue.branch.service.BranchSetup;
import jakarta.enterprise.context.ApplicationScoped;

/** A counter's branch, for the branch check (404 for no such counter); a counter never moves to another branch. */
@ApplicationScoped
public class CounterBranch implements BranchLookup {

    private final BranchSetup setup;

    CounterBranch(BranchSetup setup) {
        this.setup = setup;
    }

    @Override
    public String branchOf(Object counterId) {
        return setup.counter((String) counterId).branchCode;
    }
}

package id.loket.platform.security;

/**
 * The branch of the record a {@link Branch}-marked key names, for the branch check: a CDI bean per kind of record
 * (e.g. a ticket's id → its branch). Throws {@link id.loket.platform.domain.NotFound} for no such record.
 */
public interface BranchLookup {

    String branchOf(Object key);
}

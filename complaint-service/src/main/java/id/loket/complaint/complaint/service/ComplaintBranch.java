package id.loket.complaint.complaint.service;

import id.loket.complaint.complaint.projection.ComplaintView;
import id.loket.platform.domain.NotFound;
import id.loket.platform.security.BranchLookup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The branch a complaint belongs to (it never changes), for the branch check of a step on one complaint: 404 for
 * an unknown complaint, before anything is written. A scalar query, so no view is left in the request's
 * persistence context to be read back stale after the step.
 */
@ApplicationScoped
public class ComplaintBranch implements BranchLookup {

    @Override
    public String branchOf(Object id) {
        return ComplaintView.getEntityManager()
                .createQuery("SELECT v.branch FROM ComplaintView v WHERE v.complaintId = :id", String.class)
                .setParameter("id", id)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("no complaint " + id));
    }
}

package id.loket.queue.ticket.service;

import id.loket.queue.branch.service.BranchSetup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs each branch's end-of-day policy by itself at its closing time: every few seconds it looks for branches
 * whose latest closing time has come and whose day has not been ended yet ({@link EndOfDay#runAtClosingTime},
 * once per branch and business day, however many replicas tick). A branch without service hours has no closing
 * time: its day ends only by hand.
 */
@ApplicationScoped
public class ClosingTime {

    private static final Logger LOG = Logger.getLogger(ClosingTime.class);

    private final BranchSetup branches;
    private final EndOfDay endOfDay;

    ClosingTime(BranchSetup branches, EndOfDay endOfDay) {
        this.branches = branches;
        this.endOfDay = endOfDay;
    }

    @Scheduled(every = "${loket.queue.closing-check:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        runDue();
    }

    /** Ends the day of every branch whose closing time has come; one branch's failure does not stop the others. */
    @ActivateRequestContext
    public List<EndOfDay.Result> runDue() {
        List<EndOfDay.Result> done = new ArrayList<>();
        for (String code : branches.branchesWithServiceHours()) {
            try {
                endOfDay.runAtClosingTime(code).ifPresent(r -> {
                    done.add(r);
                    LOG.infof("end of day at closing time: branch %s, %s, business day %s, %d ticket(s)",
                            r.branch(), r.policy(), r.businessDate(), r.tickets());
                });
            } catch (RuntimeException e) {
                LOG.warnf("end of day at closing time for branch %s failed (tried again on the next tick): %s", code, e.toString());
            }
        }
        return done;
    }
}

package id.loket.platform.test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets the Kafka broker's and zonky's log categories to WARN.
 *
 * <p>Kafka 4.1's broker logs through SLF4J (Scala classes via scala-logging, Java classes directly); its
 * only Log4j 2 use is the dynamic log-level MBean. In a Quarkus test (and in this module's tests) SLF4J is
 * bound to JBoss LogManager ({@code slf4j-jboss-logmanager}) and {@code java.util.logging.manager} is
 * {@code org.jboss.logmanager.LogManager}, so a level set on the JBoss/JUL logger of a category applies.
 * Quarkus's own logging set-up only touches the categories configured in {@code quarkus.log.category.*},
 * so these levels survive an application boot, and a service can still raise them in its
 * {@code application.properties} ({@code quarkus.log.category."org.apache.kafka".level=INFO}).
 * One benign ERROR of a broker restart is filtered out (see {@link #apply()}).
 */
final class QuietLogging {

    static final List<String> CATEGORIES = List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky");

    /** JUL holds loggers weakly: keep them, or a collected logger forgets its level. */
    private static final List<Logger> KEEP = new ArrayList<>();

    private static boolean done;

    private QuietLogging() {
    }

    static synchronized void apply() {
        if (done) {
            return;
        }
        done = true;
        for (String category : CATEGORIES) {
            quiet(category);
        }
        // After a restart (TestKafka.start()), the node's controller-registration request can reach its own
        // controller before that has activated; ControllerApis logs the NotControllerException at ERROR
        // with a page of request details, answers NOT_CONTROLLER, and the registration is simply retried.
        filter("kafka.server.ControllerApis", r -> !causedBy(r.getThrown(), "org.apache.kafka.common.errors.NotControllerException"));
    }

    private static void filter(String category, Filter filter) {
        Logger jul = Logger.getLogger(category);
        jul.setFilter(filter);
        KEEP.add(jul);
        try {
            Logger jboss = org.jboss.logmanager.LogContext.getLogContext().getLogger(category);
            if (jboss != jul) {
                jboss.setFilter(filter);
            }
            KEEP.add(jboss);
        } catch (LinkageError noJbossLogManager) {
            // not on the class path: JUL only
        }
    }

    private static boolean causedBy(Throwable thrown, String className) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static void quiet(String category) {
        Logger jul = Logger.getLogger(category);
        if (jul.getLevel() == null) {
            jul.setLevel(Level.WARNING);
        }
        KEEP.add(jul);
        try {
            // SLF4J -> JBoss LogManager even when JUL's manager is the JDK's (e.g. run from an IDE).
            Logger jboss = org.jboss.logmanager.LogContext.getLogContext().getLogger(category);
            if (jboss != jul && jboss.getLevel() == null) {
                jboss.setLevel(Level.WARNING);
            }
            KEEP.add(jboss);
        } catch (LinkageError noJbossLogManager) {
            // not on the class path: JUL only
        }
    }
}

package id.loket.system.faults;

import id.loket.system.LoketSystem;
import id.loket.system.LoketSystem.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fault tests of issue 9 against the four services as real processes over one PostgreSQL and one Kafka
 * broker, sharing one start of the whole system. Each test prints one {@code FAULT …} line of figures (also
 * appended to {@code system-tests/target/fault-figures.txt}). Short by default (part of {@code ./mvnw -B
 * verify}); {@code -Dloket.faults=long} runs the long versions (60 s broker outage, 30 s database outage,
 * more load).
 *
 * <p>Each test uses branches, families and keys of its own, so they can share the system; the disruptive ones
 * come last, and fuzzing, which may change anything its plausible values reach, after them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTest {

    static LoketSystem system;
    static final Map<Service, ServiceDb> dbs = new EnumMap<>(Service.class);

    @BeforeAll
    static void startTheSystem() {
        Figures.startRun();
        system = LoketSystem.start(FaultSettings.serviceJvmOptions());
        for (Service s : Service.values()) {
            dbs.put(s, new ServiceDb(s));
        }
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) system.close();
    }

    /** Whatever a test did, the next one starts with every service ready. */
    @AfterEach
    void everyServiceReady() {
        for (Service s : Service.values()) {
            if (!system.process(s).isAlive()) system.process(s).start();
            system.process(s).awaitReady(FaultSettings.READY);
        }
    }

    @Test
    @Order(1)
    void consumerPoisonGoesToTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        ConsumerPoison.run(system, dbs);
    }

    @Test
    @Order(2)
    void fiftyParallelCallNextCallEachTicketOnce() {
        Concurrency.callNext(system, dbs);
    }

    @Test
    @Order(3)
    void concurrentPaymentsToOneFamilySettleNoMonthTwice() {
        Concurrency.payments(system, dbs);
    }

    @Test
    @Order(4)
    void aSurveyAnsweredTwiceAtOnceIsAnsweredOnce() {
        Concurrency.surveys(system, dbs);
    }

    @Test
    @Order(5)
    void killedMidLoadNothingAcknowledgedIsLostOrDoubled() {
        CrashMidLoad.run(system, dbs);
    }

    @Test
    @Order(6)
    void brokerOutageCommandsKeepWorkingAndEverythingArrivesAfterwards() {
        BrokerOutage.run(system, dbs);
    }

    @Test
    @Order(7)
    void databaseOutageFailsFastWith503AndHealsByItself() {
        DatabaseOutage.run(system, dbs);
    }

    @Test
    @Order(8)
    void fuzzingEveryServiceFindsNothing() {
        BadInput.run(system, dbs);
    }
}

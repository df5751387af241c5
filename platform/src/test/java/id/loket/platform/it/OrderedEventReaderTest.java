package id.loket.platform.it;

import id.loket.platform.eventstore.EventStore;
import id.loket.platform.eventstore.ExpectedVersion;
import id.loket.platform.eventstore.OrderedEventReader;
import id.loket.platform.events.StoredEvent;
import id.loket.platform.events.EventCodec;
import id.loket.platform.tally.TallyEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay's reader and a hole whose transaction commits in the instant after the reader's read. The
 * system tests' crash test lost an event this way: the reader read (hole still open), the transaction
 * committed, and a snapshot taken by a second statement already showed it finished, so the hole was
 * skipped although its row was now there.
 */
@QuarkusTest
class OrderedEventReaderTest {

    @Inject
    EventStore store;
    @Inject
    EventCodec codec;
    @Inject
    AgroalDataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aHoleThatFillsRightAfterTheReadIsNotSkipped() throws Exception {
        UUID slow = UUID.randomUUID();
        UUID fast = UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slowPosition = new CompletableFuture<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowWriter = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.append("tally-" + slow, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(slow, "slow"))));
                slowPosition.complete(store.readStream("tally-" + slow).getFirst().position());
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            long hole = slowPosition.get(10, TimeUnit.SECONDS);
            store.append("tally-" + fast, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(fast, "fast"))));
            long after = store.readStream("tally-" + fast).getFirst().position();

            OrderedEventReader reader = new OrderedEventReader(store);
            List<Long> handedOut = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
                long checkpoint = read(reader, c, hole - 1, handedOut); // sees the hole and holds back
                Connection racing = afterFirstRead(c, () -> {
                    release.countDown();
                    slowWriter.get(10, TimeUnit.SECONDS); // committed before the reader goes on
                    return null;
                });
                checkpoint = read(reader, racing, checkpoint, handedOut);
                read(reader, c, checkpoint, handedOut);
            }
            assertThat(handedOut).as("positions handed out to the relay").filteredOn(p -> p == hole || p == after)
                    .containsExactly(hole, after);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * A hole whose transaction took its id after every transaction that had finished: a snapshot's xmax is the
     * latest finished id + 1, so that id is not below it. Q takes its id first (an unrelated write), T takes
     * the next one and draws the lower position, Q draws the higher one and commits; T is then the oldest open
     * transaction, and "xmin has passed the xmax of the hole's first sighting" holds while T is still open.
     */
    @Test
    void aHoleOfTheNewestTransactionIsNotSkippedWhileItIsOpen() throws Exception {
        UUID early = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        CountDownLatch qHasId = new CountDownLatch(1);
        CountDownLatch tAppended = new CountDownLatch(1);
        CountDownLatch releaseT = new CountDownLatch(1);
        CompletableFuture<Long> tPosition = new CompletableFuture<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> q = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                note("Q writes something else first");
                qHasId.countDown();
                await(tAppended);
                store.append("tally-" + early, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(early, "q"))));
            }));
            await(qHasId);
            Future<?> t = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                store.append("tally-" + late, ExpectedVersion.noStream(), List.of(codec.encode(new TallyEvent.TallyOpened(late, "t"))));
                tPosition.complete(store.readStream("tally-" + late).getFirst().position());
                tAppended.countDown();
                await(releaseT);
            }));
            long hole = tPosition.get(10, TimeUnit.SECONDS);
            q.get(10, TimeUnit.SECONDS); // Q committed the higher position
            long after = store.readStream("tally-" + early).getFirst().position();

            OrderedEventReader reader = new OrderedEventReader(store);
            List<Long> handedOut = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, username, password)) {
                long checkpoint = read(reader, c, hole - 1, handedOut); // first sighting of the hole
                checkpoint = read(reader, c, checkpoint, handedOut);    // T still open: must hold back
                releaseT.countDown();
                t.get(10, TimeUnit.SECONDS);
                read(reader, c, checkpoint, handedOut);
            }
            assertThat(handedOut).as("positions handed out to the relay").filteredOn(p -> p == hole || p == after)
                    .containsExactly(hole, after);
        } finally {
            releaseT.countDown();
            pool.shutdownNow();
        }
    }

    private void note(String text) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO tally_note (note) VALUES (?)")) {
            ps.setString(1, text);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("latch not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One reader call, as the relay makes it: hands out what it returns and moves the checkpoint past it. */
    private static long read(OrderedEventReader reader, Connection c, long checkpoint, List<Long> handedOut) throws Exception {
        for (StoredEvent e : reader.next(c, checkpoint, 100)) {
            handedOut.add(e.position());
            checkpoint = e.position();
        }
        return checkpoint;
    }

    /** {@code c}, but right after its first query on event_store has run, {@code then} runs once. */
    private static Connection afterFirstRead(Connection c, java.util.concurrent.Callable<Void> then) {
        AtomicBoolean fired = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, c, args);
                    if (!method.getName().equals("prepareStatement") || !String.valueOf(args[0]).contains("FROM event_store")) return result;
                    PreparedStatement ps = (PreparedStatement) result;
                    return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                            (p, m, a) -> {
                                Object r = invoke(m, ps, a);
                                if (m.getName().equals("executeQuery") && fired.compareAndSet(false, true)) then.call();
                                return r;
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

package id.loket.queue.board.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.platform.eventstore.EventStore;
import id.loket.queue.board.service.Board;
import id.loket.queue.board.service.BoardService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-Sent Events for the waiting-room displays: the full board on connect (so a reconnect gets the
 * current state), the board again after every committed change that alters it, and a heartbeat comment.
 * Boards are computed off the committing thread, coalescing bursts of commits into one refresh.
 */
@ApplicationScoped
public class BoardStream {

    private static final Logger LOG = Logger.getLogger(BoardStream.class);

    private record Client(String branch, SseEventSink sink, Sse sse) {
    }

    private final BoardService boards;
    private final ObjectMapper json;
    private final Map<Client, String> clients = new ConcurrentHashMap<>(); // client → last board sent
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> new Thread(r, "board-stream"));
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    BoardStream(BoardService boards, ObjectMapper json) {
        this.boards = boards;
        this.json = json;
    }

    public void connect(String branch, SseEventSink sink, Sse sse) {
        Client client = new Client(branch, sink, sse);
        clients.put(client, "");
        refresher.execute(() -> send(client, boards.snapshot(branch)));
    }

    void onCommit(@Observes EventStore.EventsCommitted ignored) {
        if (clients.isEmpty() || !refreshQueued.compareAndSet(false, true)) return;
        refresher.execute(() -> {
            refreshQueued.set(false);
            Map<String, Board> byBranch = new ConcurrentHashMap<>();
            for (Client c : clients.keySet()) {
                try {
                    send(c, byBranch.computeIfAbsent(c.branch(), boards::snapshot));
                } catch (RuntimeException e) {
                    LOG.warnf("board refresh for %s failed: %s", c.branch(), e.toString());
                }
            }
        });
    }

    @Scheduled(every = "${loket.queue.board-heartbeat:15s}")
    void heartbeat() {
        for (Client c : clients.keySet()) {
            if (c.sink().isClosed()) {
                clients.remove(c);
                continue;
            }
            c.sink().send(c.sse().newEventBuilder().comment("heartbeat").build())
                    .whenComplete((ok, failure) -> {
                        if (failure != null) clients.remove(c);
                    });
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        refresher.shutdownNow();
        clients.keySet().forEach(c -> c.sink().close());
    }

    private void send(Client c, Board board) {
        if (c.sink().isClosed()) {
            clients.remove(c);
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(board);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String last = clients.get(c);
        if (last == null || Objects.equals(last, text)) return; // gone, or nothing changed for this branch
        clients.put(c, text);
        c.sink().send(c.sse().newEventBuilder().name("board").mediaType(MediaType.APPLICATION_JSON_TYPE).data(text).build())
                .whenComplete((ok, failure) -> {
                    if (failure != null) clients.remove(c);
                });
    }
}

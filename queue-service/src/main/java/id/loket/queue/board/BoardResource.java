package id.loket.queue.board;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** The live board of a branch (the display screen in the waiting room). */
@Path("/branches/{code}/board")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final BoardService boards;
    private final BoardStream stream;

    BoardResource(BoardService boards, BoardStream stream) {
        this.boards = boards;
        this.stream = stream;
    }

    @GET
    public Board board(@PathParam("code") String code) {
        return boards.board(code);
    }

    /** The same board as Server-Sent Events (event name {@code board}) on every change, with heartbeats. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        boards.board(code); // 404 for an unknown branch, before the stream opens
        stream.connect(code, sink, sse);
    }
}

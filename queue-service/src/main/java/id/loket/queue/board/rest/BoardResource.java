package id.loket.queue.board.rest;

import id.loket.queue.board.service.Board;
import id.loket.queue.board.service.BoardService;
import id.loket.platform.security.CurrentActor;
import id.loket.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * The live board of a branch (the display screen in the waiting room): every staff role and the kiosk client
 * (a TV display signs in with the branch's kiosk token), each on its own branch only.
 */
@Path("/branches/{code}/board")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN, Roles.KIOSK})
public class BoardResource {

    private final BoardService boards;
    private final BoardStream stream;
    private final CurrentActor actor;

    BoardResource(BoardService boards, BoardStream stream, CurrentActor actor) {
        this.boards = boards;
        this.stream = stream;
        this.actor = actor;
    }

    @GET
    public Board board(@PathParam("code") String code) {
        actor.requireBranch(code);
        return boards.board(code);
    }

    /** The same board as Server-Sent Events (event name {@code board}) on every change, with heartbeats. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        actor.requireBranch(code); // before the stream opens: a refused display gets a 403, not an empty stream
        boards.board(code); // 404 for an unknown branch, before the stream opens
        stream.connect(code, sink, sse);
    }
}

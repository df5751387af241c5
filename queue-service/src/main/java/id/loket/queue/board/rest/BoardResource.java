package id.loket.queue.board.rest;

import id.loket.platform.security.Branch;
import id.loket.platform.security.BranchScoped;
import id.loket.platform.security.Roles;
import id.loket.queue.board.service.Board;
import id.loket.queue.board.service.BoardService;
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
@BranchScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SECURITY_OFFICER, Roles.FRONTLINER, Roles.SUPERVISOR, Roles.ANALYST, Roles.ADMIN, Roles.KIOSK})
public class BoardResource {

    private final BoardService boards;
    private final BoardStream stream;

    BoardResource(BoardService boards, BoardStream stream) {
        this.boards = boards;
        this.stream = stream;
    }

    @GET
    public Board board(@Branch @PathParam("code") String code) {
        return boards.board(code);
    }

    /** The same board as Server-Sent Events (event name {@code board}) on every change, with heartbeats. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Branch @PathParam("code") String code, @Context SseEventSink sink, @Context Sse sse) {
        // the branch check runs before this method, so before the stream opens: a refused display gets a 403
        boards.board(code); // 404 for an unknown branch, before the stream opens
        stream.connect(code, sink, sse);
    }
}

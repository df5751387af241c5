package id.loket.membership.participant.rest;

import id.loket.membership.participant.domain.CareClass;
import id.loket.membership.participant.domain.Segment;
import id.loket.membership.participant.service.ParticipantService;
import id.loket.membership.participant.service.ParticipantService.ParticipantDetails;
import id.loket.platform.http.IdempotentCommands;
import id.loket.platform.jkn.Nik;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** Participants for the counter front-end. A NIK travels only in request bodies, never in a URL. */
@Path("/participants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    public record RegisterParticipant(
            @NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String nik,
            @NotBlank @Size(max = 100) String name,
            @NotNull @PastOrPresent LocalDate birthDate,
            @NotNull Nik.Sex sex,
            @NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String familyCardNumber,
            @NotNull Segment segment,
            CareClass careClass) {

        @Override
        public String toString() {
            return "RegisterParticipant[segment=" + segment + "]"; // no personal data in logs
        }
    }

    public record SearchByNik(@NotBlank @Pattern(regexp = "\\d{16}", message = "must be exactly 16 digits") String nik) {
        @Override
        public String toString() {
            return "SearchByNik[***]";
        }
    }

    public record ParticipantBody(UUID id, String cardNumber, String name, String nikLast4, LocalDate birthDate,
                                  String sex, String segment, String careClass, LocalDate registrationDate,
                                  String status, long version) {

        static ParticipantBody of(ParticipantDetails d) {
            var v = d.view();
            var i = d.identity();
            return new ParticipantBody(v.participantId, v.cardNumber, i == null ? null : i.name, v.nikLast4,
                    i == null ? null : i.birthDate, v.sex, v.segment, v.careClass, v.registrationDate, v.status, v.version);
        }
    }

    private final ParticipantService participants;
    private final IdempotentCommands idempotent;

    ParticipantResource(ParticipantService participants, IdempotentCommands idempotent) {
        this.participants = participants;
        this.idempotent = idempotent;
    }

    @POST
    public Response register(@HeaderParam(IdempotentCommands.HEADER) String key, @Valid @NotNull RegisterParticipant body) {
        return idempotent.run(key, "POST /participants", body, () -> {
            ParticipantBody created = ParticipantBody.of(participants.register(new ParticipantService.Registration(
                    body.nik(), body.name(), body.birthDate(), body.sex(), body.familyCardNumber(), body.segment(),
                    body.careClass())));
            return Response.created(URI.create("/participants/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("/{id}")
    public ParticipantBody get(@PathParam("id") UUID id) {
        return ParticipantBody.of(participants.get(id));
    }

    @POST
    @Path("/search")
    public ParticipantBody search(@Valid @NotNull SearchByNik body) {
        return ParticipantBody.of(participants.findByNik(body.nik()));
    }
}

package id.loket.membership.participant.domain;

import id.loket.platform.aggregate.Decider;
import id.loket.platform.domain.RuleViolation;
import id.loket.platform.jkn.Nik;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A JKN participant, as the fold of its events. */
public record Participant(UUID id, String cardNumber, Segment segment, CareClass careClass, ParticipantStatus status) {

    public static String streamId(UUID id) {
        return "participant-" + id;
    }

    public sealed interface Command {
        record Register(UUID participantId, String cardNumber, String nikHash, String nikLast4, String familyCardHash,
                        Nik.Sex sex, Segment segment, CareClass careClass, LocalDate registrationDate) implements Command {
        }
    }

    private static final Participant NONE = new Participant(null, null, null, null, null);

    public static final Decider<Command, ParticipantEvent, Participant> DECIDER =
            new Decider<>(NONE, Participant::decide, Participant::evolve);

    public boolean exists() {
        return id != null;
    }

    static List<ParticipantEvent> decide(Command command, Participant state) {
        return switch (command) {
            case Command.Register r -> {
                if (state.exists()) throw new RuleViolation("participant " + r.participantId() + " is already registered");
                yield List.of(new ParticipantEvent.ParticipantRegistered(r.participantId(), r.cardNumber(), r.nikHash(),
                        r.nikLast4(), r.familyCardHash(), r.sex(), r.segment(), r.careClass(), r.registrationDate()));
            }
        };
    }

    static Participant evolve(Participant state, ParticipantEvent event) {
        return switch (event) {
            case ParticipantEvent.ParticipantRegistered r ->
                    new Participant(r.participantId(), r.cardNumber(), r.segment(), r.careClass(), ParticipantStatus.ACTIVE);
        };
    }
}

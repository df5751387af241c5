package id.loket.membership.civilregistry.service;

import id.loket.membership.civilregistry.client.CivilRegistry;
import id.loket.membership.participant.domain.CorrectedField;
import id.loket.membership.participant.projection.ParticipantIdentity;
import id.loket.membership.participant.service.CorrectionService;
import id.loket.platform.domain.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Compares a participant with the civil registry and corrects what differs (source CIVIL_REGISTRY). */
@ApplicationScoped
public class CivilRegistrySync {

    public record SyncResult(UUID participantId, boolean foundInRegistry, List<CorrectionService.Corrected> changes) {
    }

    private final CivilRegistry registry;
    private final CorrectionService corrections;

    CivilRegistrySync(CivilRegistry registry, CorrectionService corrections) {
        this.registry = registry;
        this.corrections = corrections;
    }

    @Transactional
    public SyncResult sync(UUID id) {
        ParticipantIdentity identity = ParticipantIdentity.findById(id);
        if (identity == null) throw new NotFound("no participant " + id);
        var person = registry.lookup(identity.nik);
        if (person.isEmpty()) return new SyncResult(id, false, List.of());
        List<CorrectionService.Corrected> changes = new ArrayList<>();
        String evidence = "civil registry lookup";
        if (!person.get().name().equals(identity.name)) {
            changes.add(corrections.correct(id, new CorrectionService.Correction(CorrectedField.NAME, person.get().name(), "CIVIL_REGISTRY", evidence)));
        }
        if (!person.get().birthDate().equals(identity.birthDate)) {
            changes.add(corrections.correct(id, new CorrectionService.Correction(CorrectedField.BIRTH_DATE,
                    person.get().birthDate().toString(), "CIVIL_REGISTRY", evidence)));
        }
        return new SyncResult(id, true, changes);
    }
}

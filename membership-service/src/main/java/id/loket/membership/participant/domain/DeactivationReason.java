package id.loket.membership.participant.domain;

import java.util.EnumSet;
import java.util.Set;

/** Why a participant stops being a member for good, and the documents each reason needs (DOMAIN.md). */
public enum DeactivationReason {
    DECEASED(EnumSet.of(DocumentType.DEATH_CERTIFICATE, DocumentType.FAMILY_CARD), EnumSet.of(DocumentType.JKN_CARD, DocumentType.ID_CARD)),
    MOVED_ABROAD(EnumSet.of(DocumentType.EMIGRATION_LETTER, DocumentType.FAMILY_CARD), EnumSet.of(DocumentType.JKN_CARD, DocumentType.ID_CARD)),
    DUPLICATE_MERGED(EnumSet.of(DocumentType.ID_CARD, DocumentType.FAMILY_CARD), EnumSet.noneOf(DocumentType.class));

    public enum DocumentType { DEATH_CERTIFICATE, ID_CARD, FAMILY_CARD, JKN_CARD, EMIGRATION_LETTER }

    private final Set<DocumentType> required;
    /** At least one of these (the card or the KTP), when not empty. */
    private final Set<DocumentType> oneOf;

    DeactivationReason(Set<DocumentType> required, Set<DocumentType> oneOf) {
        this.required = required;
        this.oneOf = oneOf;
    }

    /** What is missing from the documents given, readable ("JKN_CARD or ID_CARD"); empty when complete. */
    public java.util.List<String> missing(Set<DocumentType> given) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (DocumentType t : required) if (!given.contains(t)) missing.add(t.name());
        if (!oneOf.isEmpty() && oneOf.stream().noneMatch(given::contains)) {
            missing.add(String.join(" or ", oneOf.stream().map(Enum::name).toList()));
        }
        return missing;
    }
}

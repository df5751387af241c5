-- Corrections of personal data keep their old and new values here (not in events: a name or a NIK must not
-- travel). The event ParticipantDataCorrected names the field, the source and this row's id.
CREATE TABLE data_correction (
    correction_id  uuid        PRIMARY KEY,
    participant_id uuid        NOT NULL,
    field          text        NOT NULL,
    old_value      text,
    new_value      text        NOT NULL,
    source         text        NOT NULL,
    evidence       text        NOT NULL,
    corrected_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX data_correction_participant ON data_correction (participant_id, corrected_at);

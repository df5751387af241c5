-- Four eyes on a deactivation and its reversal: the work list of requests (a projection of the participant
-- streams, rebuildable) and the numbers of the documents shown with a deactivation request (kept here, not in the
-- event: a family card number must not travel).
CREATE TABLE deactivation_request (
    request_id          uuid        PRIMARY KEY,
    participant_id      uuid        NOT NULL,
    kind                text        NOT NULL,
    status              text        NOT NULL,
    reason              text,
    effective_from      date,
    complaint_reference text,
    document_types      text,
    requested_by        text        NOT NULL,
    requested_at        timestamptz NOT NULL,
    decided_by          text,
    decided_at          timestamptz,
    decision_reason     text
);
CREATE INDEX deactivation_request_status ON deactivation_request (status, requested_at);
CREATE INDEX deactivation_request_participant ON deactivation_request (participant_id, status);

CREATE TABLE deactivation_request_document (
    request_id uuid NOT NULL,
    position   int  NOT NULL,
    type       text NOT NULL,
    number     text NOT NULL,
    PRIMARY KEY (request_id, position)
);

-- Who read one participant's data, when, and for what (docs/security.md): append-only, not domain state, so not
-- in the event store. One row per participant per read; the look-up of a participant's rows is by the index.
CREATE TABLE participant_access (
    id             bigserial   PRIMARY KEY,
    accessed_at    timestamptz NOT NULL DEFAULT now(),
    actor          text        NOT NULL,
    participant_id uuid        NOT NULL,
    purpose        text        NOT NULL,
    route          text        NOT NULL
);
CREATE INDEX participant_access_by_participant ON participant_access (participant_id, accessed_at DESC, id DESC);

-- Append-only: an audit trail that can be edited is no audit trail.
CREATE FUNCTION participant_access_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'participant_access is append-only';
END $$;
CREATE TRIGGER participant_access_append_only BEFORE UPDATE OR DELETE ON participant_access
    FOR EACH STATEMENT EXECUTE FUNCTION participant_access_append_only();

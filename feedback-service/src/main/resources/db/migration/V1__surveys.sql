-- Read model of surveys, projected from the event store (rebuildable: every value comes from the events;
-- token_hash is SHA-256 of the token, which is itself derived from survey_id under the configured key).
-- No personal data: the visit is described by branch, counter, service type and times only.
CREATE TABLE survey_view (
    survey_id      uuid        PRIMARY KEY,
    visit_id       text        NOT NULL UNIQUE,
    token_hash     text        NOT NULL UNIQUE,
    branch         text        NOT NULL,
    counter_id     text,
    service_type   text,
    closed_at      timestamptz NOT NULL,
    waited_seconds bigint,
    served_seconds bigint,
    offered_at     timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    rating         int,
    speed          int,
    friendliness   int,
    solution       int,
    has_comment    boolean     NOT NULL DEFAULT false,
    submitted_at   timestamptz,
    version        bigint      NOT NULL
);
CREATE INDEX survey_view_branch_closed ON survey_view (branch, closed_at);

-- What the participant wrote, kept here only and never in an event (free text may name people). Written with
-- the answer in its transaction; not a projection, so a rebuild leaves it alone. The phone is kept only when
-- the participant chose to be contacted.
CREATE TABLE survey_comment (
    survey_id     uuid        PRIMARY KEY,
    comment       text,
    contact_phone text,
    written_at    timestamptz NOT NULL
);

-- Read models projected from the event store (rebuildable: no serial columns, every value from the events).
CREATE TABLE complaint_view (
    complaint_id           uuid        PRIMARY KEY,
    reference              text        NOT NULL UNIQUE,
    branch                 text        NOT NULL,
    category               text        NOT NULL,
    service_level          text        NOT NULL,
    channel                text        NOT NULL,
    status                 text        NOT NULL,
    participant_id         uuid,
    visit_id               text,
    counter_id             text,
    survey_id              uuid UNIQUE,
    related_complaint_id   uuid,
    description            text        NOT NULL,
    required_documents     text        NOT NULL,
    documents_received     text        NOT NULL,
    documents_verified     boolean     NOT NULL,
    registered_at          timestamptz NOT NULL,
    business_date          date        NOT NULL,
    first_response_due_at  timestamptz NOT NULL,
    responded_at           timestamptz,
    resolution_due_at      timestamptz NOT NULL,
    paused_at              timestamptz,
    resolved_at            timestamptz,
    resolved_within_sla    boolean,
    escalated_to           text,
    reopen_count           int         NOT NULL,
    response_breached      boolean     NOT NULL,
    resolution_breached    boolean     NOT NULL,
    version                bigint      NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX complaint_view_open ON complaint_view (status, resolution_due_at);
CREATE INDEX complaint_view_report ON complaint_view (business_date, branch);

-- Everything that happened to a complaint, in order; SLA breaches come from their own streams.
CREATE TABLE complaint_timeline (
    stream_id    text        NOT NULL,
    version      bigint      NOT NULL,
    complaint_id uuid        NOT NULL,
    at           timestamptz NOT NULL,
    type         text        NOT NULL,
    detail       text        NOT NULL,
    PRIMARY KEY (stream_id, version)
);
CREATE INDEX complaint_timeline_complaint ON complaint_timeline (complaint_id, at);

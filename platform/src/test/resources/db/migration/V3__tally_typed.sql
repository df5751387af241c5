-- The typed projection of the test app (an EventProjection): one row per tally event with its envelope.
CREATE TABLE tally_log (
    stream_id      text        NOT NULL,
    version        bigint      NOT NULL,
    position       bigint      NOT NULL,
    event_type     text        NOT NULL,
    amount         bigint      NOT NULL,
    correlation_id text,
    recorded_at    timestamptz NOT NULL,
    PRIMARY KEY (stream_id, version)
);

-- What the typed consumer (EventHandlers) read from each foreign event.
CREATE TABLE tally_typed_seen (
    consumer  text NOT NULL,
    event_id  uuid NOT NULL,
    ce_type   text NOT NULL,
    subject   text,
    tally_id  uuid,
    amount    bigint
);

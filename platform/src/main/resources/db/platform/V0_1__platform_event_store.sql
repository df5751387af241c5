-- Platform tables shipped in the platform jar (Flyway location db/platform, versions 0.x).
-- Services keep their own migrations in db/migration from V1 on.

-- The event store doubles as the transactional outbox.
-- Column order matters: transaction_id is evaluated before position, so a writer holds a transaction id
-- before it draws a position. The relay's gap rule relies on that (see OrderedEventReader).
CREATE TABLE event_store (
    transaction_id xid8        NOT NULL DEFAULT pg_current_xact_id(),
    position       bigserial   PRIMARY KEY,
    stream_id      text        NOT NULL,
    version        bigint      NOT NULL CHECK (version > 0),
    event_id       uuid        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    schema_version int         NOT NULL CHECK (schema_version > 0),
    payload        jsonb       NOT NULL,
    metadata       jsonb       NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT event_store_stream_version UNIQUE (stream_id, version)
);

-- Where the outbox relay has published up to (only the advisory-lock holder writes it).
CREATE TABLE relay_checkpoint (
    relay      text        PRIMARY KEY,
    position   bigint      NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Effect-once consumption: one row per (consumer, event id), written in the effect's transaction.
CREATE TABLE processed_event (
    consumer     text        NOT NULL,
    event_id     uuid        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- Idempotency-Key on commands: the first answer, replayed for a retry with the same body.
CREATE TABLE idempotency_key (
    idempotency_key text        PRIMARY KEY,
    request_hash    text        NOT NULL,
    status          int         NOT NULL,
    location        text,
    content_type    text,
    body            text,
    created_at      timestamptz NOT NULL DEFAULT now()
);

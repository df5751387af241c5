-- Tables of the small test aggregate the platform tests drive.
CREATE TABLE tally_view (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL,
    total      bigint      NOT NULL,
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE tally_seen (
    event_id       uuid PRIMARY KEY,
    ce_type        text NOT NULL,
    correlation_id text,
    amount         bigint NOT NULL
);

CREATE TABLE tally_note (
    id   bigserial PRIMARY KEY,
    note text NOT NULL
);

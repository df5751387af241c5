-- Every effect a batch consumer ran, without a unique key: a second effect of one event shows as a second row.
CREATE TABLE tally_effect (
    consumer       text NOT NULL,
    event_id       uuid NOT NULL,
    correlation_id text,
    causation_id   text,
    trace_id       text
);

-- Counter sessions are events now (CounterOpened / CounterClosed on stream counter-<id>); this is their read model
-- (rebuildable), one row per counter that has ever been opened. activity_since: when the counter last changed what it
-- does (opened, closed, called, started, ended a ticket), for "in this state since" on the supervisor's floor.
CREATE TABLE counter_session (
    counter_id     text        PRIMARY KEY,
    branch         text        NOT NULL,
    staffed_by     text,
    opened_by      text,
    opened_at      timestamptz,
    activity_since timestamptz NOT NULL,
    version        bigint      NOT NULL
);
CREATE INDEX counter_session_branch ON counter_session (branch);

-- Who staffs a counter now comes from counter_session. Counters open before this version had no CounterOpened, so
-- they read as closed and are opened again (a counter's staffing is per day anyway).
ALTER TABLE counter DROP COLUMN staffed_by;

-- Branch set-up, kept as data (not event-sourced): branches, their service types and counters.
CREATE TABLE branch (
    code              text PRIMARY KEY,
    name              text NOT NULL,
    zone_id           text NOT NULL,
    end_of_day_policy text NOT NULL DEFAULT 'CLOSE'
);

CREATE TABLE service_type (
    branch_code text NOT NULL REFERENCES branch (code),
    code        text NOT NULL,
    prefix      text NOT NULL,
    name        text NOT NULL,
    PRIMARY KEY (branch_code, code)
);

-- A counter's row is also its lock for call-next, and keeps the run of priority calls in a row
-- (the starvation cap is per counter).
CREATE TABLE counter (
    id            text PRIMARY KEY,
    branch_code   text   NOT NULL REFERENCES branch (code),
    name          text   NOT NULL,
    service_types text[] NOT NULL,
    staffed_by    text,
    priority_run  int    NOT NULL DEFAULT 0
);
CREATE INDEX counter_branch ON counter (branch_code);

-- Ticket numbers per branch, service type and business day: drawn in the transaction that appends
-- TicketIssued, so a rejected request (rolled back) takes no number and none is ever reused.
CREATE TABLE ticket_number (
    branch_code   text NOT NULL,
    service_type  text NOT NULL,
    business_date date NOT NULL,
    last_number   int  NOT NULL,
    PRIMARY KEY (branch_code, service_type, business_date)
);

-- Places taken per appointment slot (capacity is loket.queue.appointment-slot-capacity); taken in the
-- booking's transaction, so a refused booking takes none.
CREATE TABLE appointment_slot (
    branch_code  text NOT NULL,
    service_type text NOT NULL,
    slot_date    date NOT NULL,
    slot         text NOT NULL,
    booked       int  NOT NULL,
    PRIMARY KEY (branch_code, service_type, slot_date, slot)
);

-- Read model of tickets, projected from the ticket streams (rebuildable). call-next locks a WAITING row
-- (FOR UPDATE SKIP LOCKED) to decide which counter gets it.
CREATE TABLE ticket_view (
    ticket_id     uuid        PRIMARY KEY,
    visit_id      uuid        NOT NULL,
    number        text        NOT NULL,
    branch        text        NOT NULL,
    service_type  text        NOT NULL,
    source        text        NOT NULL,
    priority      text        NOT NULL,
    business_date date        NOT NULL,
    issued_at     timestamptz NOT NULL,
    queued_at     timestamptz NOT NULL,
    state         text        NOT NULL,
    counter_id    text,
    called_at     timestamptz,
    recalls       int         NOT NULL,
    started_at    timestamptz,
    closed_at     timestamptz,
    outcome       text,
    version       bigint      NOT NULL
);
CREATE INDEX ticket_view_waiting ON ticket_view (branch, service_type, queued_at) WHERE state = 'WAITING';
CREATE INDEX ticket_view_counter ON ticket_view (counter_id) WHERE state IN ('CALLED', 'SERVING');
CREATE INDEX ticket_view_day ON ticket_view (branch, business_date);

-- Read model of screenings at the door, projected from the visit streams (rebuildable), for the day's figures.
CREATE TABLE screening_view (
    visit_id      uuid        PRIMARY KEY,
    branch        text        NOT NULL,
    business_date date        NOT NULL,
    outcome       text        NOT NULL,
    ticket_id     uuid,
    screened_at   timestamptz NOT NULL
);
CREATE INDEX screening_view_day ON screening_view (branch, business_date);

-- queue-service's own copy of membership status, built from loket.membership.events (not from this
-- service's store: rebuilt by replaying the topic). Looked up by nikHash or card number; no NIK here.
CREATE TABLE membership_status (
    participant_id     uuid PRIMARY KEY,
    nik_hash           text NOT NULL,
    nik_last4          text,
    card_number        text,
    status             text NOT NULL,
    months_in_arrears  int  NOT NULL DEFAULT 0,
    effective_from     date,
    reason             text
);
CREATE INDEX membership_status_nik ON membership_status (nik_hash);
CREATE INDEX membership_status_card ON membership_status (card_number);

-- The door shows the amount in arrears beside the months: from membership's ParticipantSuspended (arrearsAmount,
-- null when the event predates it).
ALTER TABLE membership_status ADD COLUMN arrears_amount bigint;

-- What the door saw, per screened visit, for the counter console (the door's purpose and membership status of the
-- ticket's visit); projected from VisitorScreened like the rest of screening_view.
ALTER TABLE screening_view
    ADD COLUMN purpose           text,
    ADD COLUMN membership_status text,
    ADD COLUMN membership_source text,
    ADD COLUMN months_in_arrears int,
    ADD COLUMN arrears_amount    bigint;
CREATE INDEX screening_view_ticket ON screening_view (ticket_id) WHERE ticket_id IS NOT NULL;

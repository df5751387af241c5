-- A branch's closed days (DOMAIN.md: working-day calendars per branch, kept as data): national holidays,
-- collective leave (cuti bersama) and regional holidays. Set-up data like service_hours, not events.
-- declared_at: when the day was first declared closed; an appointment booked before it may still check in.
CREATE TABLE branch_holiday (
    branch_code  text        NOT NULL REFERENCES branch (code),
    holiday_date date        NOT NULL,
    name         text        NOT NULL,
    kind         text        NOT NULL CHECK (kind IN ('NATIONAL', 'COLLECTIVE_LEAVE', 'REGIONAL')),
    declared_at  timestamptz NOT NULL,
    PRIMARY KEY (branch_code, holiday_date)
);

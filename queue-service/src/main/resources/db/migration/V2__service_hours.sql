-- Service hours per branch and weekday (1 = Monday … 7 = Sunday), local times in the branch's zone. A branch
-- without rows is open at any time; a weekday without a row is closed.
CREATE TABLE service_hours (
    branch_code text NOT NULL REFERENCES branch (code),
    weekday     int  NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       time NOT NULL,
    closes      time NOT NULL,
    PRIMARY KEY (branch_code, weekday),
    CHECK (opens < closes)
);

-- The automatic end of day at closing time, once per branch and business day: the row is inserted in the
-- transaction that runs the policy, so a second replica (or a second tick) finds it and does nothing, and a
-- failed run leaves no row behind and is tried again.
CREATE TABLE scheduled_end_of_day (
    branch_code   text        NOT NULL,
    business_date date        NOT NULL,
    ran_at        timestamptz NOT NULL,
    tickets       int         NOT NULL,
    PRIMARY KEY (branch_code, business_date)
);

-- A wait target per service type (branch set-up data): the console, the supervisor's floor and the day's figures
-- measure waits against it. 15 minutes unless the branch sets another.
ALTER TABLE service_type
    ADD COLUMN wait_target_minutes int NOT NULL DEFAULT 15 CHECK (wait_target_minutes BETWEEN 1 AND 480);

-- Each survey keeps its branch's zone (from VisitClosed.zone) and its local days, computed in Java by the
-- projection: reports group and filter by closed_date, the CSAT-today gauge by submitted_date. Surveys already
-- projected were all offered from VisitClosed events without a zone, so they get the configured fallback zone
-- (loket.feedback.zone, handed in as a Flyway placeholder): the same values a rebuild would give them.
ALTER TABLE survey_view
    ADD COLUMN zone_id        text,
    ADD COLUMN closed_date    date,
    ADD COLUMN submitted_date date;

UPDATE survey_view
   SET zone_id        = '${fallback_zone}',
       closed_date    = (closed_at AT TIME ZONE '${fallback_zone}')::date,
       submitted_date = (submitted_at AT TIME ZONE '${fallback_zone}')::date;

ALTER TABLE survey_view
    ALTER COLUMN zone_id SET NOT NULL,
    ALTER COLUMN closed_date SET NOT NULL;

DROP INDEX survey_view_branch_closed;
CREATE INDEX survey_view_branch_day ON survey_view (branch, closed_date);
CREATE INDEX survey_view_answered_day ON survey_view (submitted_date) WHERE submitted_date IS NOT NULL;

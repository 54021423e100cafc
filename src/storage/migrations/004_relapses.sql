-- Relapses (/used): each row is a new last-dose date the user gave after using again. The day
-- count restarts from the latest one; check-ins dated on or before it belong to a previous
-- attempt. Kept (not overwritten) so /progress and /export can mark earlier attempts.
CREATE TABLE relapses (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  date         TEXT    NOT NULL,                  -- the new last-dose date, YYYY-MM-DD, local calendar
  previous_last_dose_date TEXT,                   -- the last-dose date it replaced (day 0 of the earlier attempt)
  recorded_at  TEXT    NOT NULL                   -- ISO instant the user told us
);
CREATE INDEX relapses_user ON relapses (user_id, date);

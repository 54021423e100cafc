-- Night wakes (the night companion): one row each time the user opened the companion in a
-- separate wake, on the night it belongs to — named like check-ins by the morning's local date,
-- so it sits beside that night's record. Only the local time, how it was opened and which
-- buttons were tapped are kept; whatever the user typed is never stored. A new table: no
-- existing row is touched.
CREATE TABLE night_wakes (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  night_date  TEXT    NOT NULL,                  -- YYYY-MM-DD, the morning the night ends on
  local_time  TEXT    NOT NULL,                  -- HH:MM on the user's clock when it opened
  opened_at   TEXT    NOT NULL,                  -- ISO instant, UTC
  trigger     TEXT    NOT NULL CHECK (trigger IN ('command', 'button', 'text')),
  steps       TEXT    NOT NULL DEFAULT ''        -- comma-separated buttons tapped, in first-tap order
);
CREATE INDEX night_wakes_user ON night_wakes (user_id, night_date);

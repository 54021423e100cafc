-- A check-in in progress: each answer is written as it is given, so nothing is lost if the bot
-- restarts or the user wanders off. One per user. Completing it moves it into `checkins`.
CREATE TABLE checkin_drafts (
  user_id       INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  date          TEXT    NOT NULL,                 -- the morning's local date
  hours         REAL,
  quality       INTEGER,
  restlessness  INTEGER,
  anxiety       INTEGER,
  flags         TEXT    NOT NULL DEFAULT '',      -- comma-separated flag ids
  replaces      INTEGER NOT NULL DEFAULT 0,       -- 1 when the user chose to redo a finished day
  started_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL
);

-- Nights: one row per user and morning date. `completed_at` is NULL for a check-in that was
-- left unfinished on an earlier day (its answers are kept, as given).
CREATE TABLE checkins (
  user_id       INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  date          TEXT    NOT NULL,
  hours         REAL    CHECK (hours IS NULL OR (hours >= 0 AND hours <= 16)),
  quality       INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
  restlessness  INTEGER CHECK (restlessness IS NULL OR restlessness BETWEEN 0 AND 3),
  anxiety       INTEGER CHECK (anxiety IS NULL OR anxiety BETWEEN 0 AND 10),
  flags         TEXT    NOT NULL DEFAULT '',
  tip_ids       TEXT    NOT NULL DEFAULT '',      -- tips shown in the reply, so tomorrow's differ
  completed_at  TEXT,
  created_at    TEXT    NOT NULL,
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (user_id, date)
);

-- Reminders. `schedules` holds, per user and kind, the next instant a reminder is due, in UTC,
-- so finding due reminders is one range scan of `schedules_due`: a tick costs the number of due
-- users, not the number of users. `snooze` is the one extra morning prompt an hour later; its
-- row is deleted once it has been handled.
CREATE TABLE schedules (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL CHECK (kind IN ('morning', 'snooze', 'evening')),
  next_due_at  TEXT    NOT NULL,                 -- ISO instant, UTC ('2026-03-08T14:00:00.000Z')
  PRIMARY KEY (user_id, kind)
);
CREATE INDEX schedules_due ON schedules (next_due_at);

-- The delivery ledger: one row per user, kind and local date, written in the same transaction
-- that advances the schedule. A second claim of the same key changes nothing, so a reminder is
-- sent at most once per day, whatever restarts happen. `claimed` rows that never became `sent`
-- or `failed` are sends cut off by a crash: not retried, by design (at most once).
CREATE TABLE deliveries (
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('morning', 'snooze', 'evening')),
  local_date  TEXT    NOT NULL,                  -- the morning's date, or the evening's date
  due_at      TEXT    NOT NULL,                  -- ISO instant it was due
  status      TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'missed', 'skipped', 'failed', 'blocked')),
  message_id  INTEGER,                           -- the prompt's message, once sent
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  PRIMARY KEY (user_id, kind, local_date)
);

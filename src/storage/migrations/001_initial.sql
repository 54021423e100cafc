-- Users: one row per Telegram user who consented. A user who declines consent has no row.
CREATE TABLE users (
  id               INTEGER PRIMARY KEY,            -- Telegram user id (= private chat id)
  locale           TEXT    NOT NULL,
  consent_at       TEXT    NOT NULL,               -- ISO instant
  status           TEXT    CHECK (status IN ('stopped', 'planning', 'using')),
  last_dose_date   TEXT,                           -- YYYY-MM-DD, user's local calendar
  quit_date        TEXT,                           -- YYYY-MM-DD, planning users
  time_zone        TEXT,                           -- IANA name or fixed offset like UTC-5
  morning_time     TEXT    NOT NULL DEFAULT '08:00',
  evening_time     TEXT    NOT NULL DEFAULT '22:00',
  country          TEXT    NOT NULL DEFAULT 'US',
  morning_enabled  INTEGER NOT NULL DEFAULT 1 CHECK (morning_enabled IN (0, 1)),
  evening_enabled  INTEGER NOT NULL DEFAULT 1 CHECK (evening_enabled IN (0, 1)),
  onboarded_at     TEXT,                           -- set when onboarding finished
  blocked_at       TEXT,                           -- set when Telegram says the bot is blocked
  created_at       TEXT    NOT NULL,
  updated_at       TEXT    NOT NULL
);

-- State of @grammyjs/conversations, keyed per private chat, so a conversation survives a restart.
CREATE TABLE conversation_state (
  key         TEXT PRIMARY KEY,
  user_id     INTEGER,                              -- the private chat's user, for /delete
  value       TEXT NOT NULL,                        -- JSON
  updated_at  TEXT NOT NULL
);
CREATE INDEX conversation_state_user ON conversation_state (user_id);

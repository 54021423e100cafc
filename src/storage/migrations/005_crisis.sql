-- Crisis path (issue 9).
--
-- 1. crisis_events: that a crisis response was shown, when, at which level and from what
--    (the check-in flag, free text, or an answer to the bot's question). Never the text.
CREATE TABLE crisis_events (
  user_id  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  at       TEXT    NOT NULL,                 -- ISO instant, UTC
  level    TEXT    NOT NULL CHECK (level IN ('crisis', 'concern', 'other')),
  source   TEXT    NOT NULL CHECK (source IN ('flag', 'text', 'answer'))
);
CREATE INDEX crisis_events_user ON crisis_events (user_id, at);

-- 2. A new scheduled kind, `followup`: the one message a few hours after "I'm safe for now".
--    SQLite cannot widen a CHECK in place, so both tables are rebuilt with their rows.
CREATE TABLE schedules_new (
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind         TEXT    NOT NULL CHECK (kind IN ('morning', 'snooze', 'evening', 'followup')),
  next_due_at  TEXT    NOT NULL,
  PRIMARY KEY (user_id, kind)
);
INSERT INTO schedules_new (user_id, kind, next_due_at) SELECT user_id, kind, next_due_at FROM schedules;
DROP TABLE schedules;
ALTER TABLE schedules_new RENAME TO schedules;
CREATE INDEX schedules_due ON schedules (next_due_at);

CREATE TABLE deliveries_new (
  user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('morning', 'snooze', 'evening', 'followup')),
  local_date  TEXT    NOT NULL,
  due_at      TEXT    NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('claimed', 'sent', 'missed', 'skipped', 'failed', 'blocked')),
  message_id  INTEGER,
  created_at  TEXT    NOT NULL,
  updated_at  TEXT    NOT NULL,
  PRIMARY KEY (user_id, kind, local_date)
);
INSERT INTO deliveries_new SELECT user_id, kind, local_date, due_at, status, message_id, created_at, updated_at FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_new RENAME TO deliveries;

-- 3. Existing users' country, from their time zone where the zone is one of a country with its
--    own lines (the same table as src/domain/country.ts; a unit test checks they agree). Any
--    other zone keeps what is stored (US unless the user picked "other countries").
UPDATE users SET country = CASE time_zone
    WHEN 'America/New_York' THEN 'US'
    WHEN 'America/Chicago' THEN 'US'
    WHEN 'America/Denver' THEN 'US'
    WHEN 'America/Los_Angeles' THEN 'US'
    WHEN 'America/Phoenix' THEN 'US'
    WHEN 'America/Anchorage' THEN 'US'
    WHEN 'America/Juneau' THEN 'US'
    WHEN 'America/Sitka' THEN 'US'
    WHEN 'America/Metlakatla' THEN 'US'
    WHEN 'America/Yakutat' THEN 'US'
    WHEN 'America/Nome' THEN 'US'
    WHEN 'America/Adak' THEN 'US'
    WHEN 'Pacific/Honolulu' THEN 'US'
    WHEN 'America/Detroit' THEN 'US'
    WHEN 'America/Boise' THEN 'US'
    WHEN 'America/Indiana/Indianapolis' THEN 'US'
    WHEN 'America/Indiana/Knox' THEN 'US'
    WHEN 'America/Indiana/Marengo' THEN 'US'
    WHEN 'America/Indiana/Petersburg' THEN 'US'
    WHEN 'America/Indiana/Tell_City' THEN 'US'
    WHEN 'America/Indiana/Vevay' THEN 'US'
    WHEN 'America/Indiana/Vincennes' THEN 'US'
    WHEN 'America/Indiana/Winamac' THEN 'US'
    WHEN 'America/Kentucky/Louisville' THEN 'US'
    WHEN 'America/Kentucky/Monticello' THEN 'US'
    WHEN 'America/Menominee' THEN 'US'
    WHEN 'America/North_Dakota/Beulah' THEN 'US'
    WHEN 'America/North_Dakota/Center' THEN 'US'
    WHEN 'America/North_Dakota/New_Salem' THEN 'US'
    WHEN 'America/Indianapolis' THEN 'US'
    WHEN 'America/Louisville' THEN 'US'
    WHEN 'US/Eastern' THEN 'US'
    WHEN 'US/Central' THEN 'US'
    WHEN 'US/Mountain' THEN 'US'
    WHEN 'US/Pacific' THEN 'US'
    WHEN 'US/Arizona' THEN 'US'
    WHEN 'US/Alaska' THEN 'US'
    WHEN 'US/Hawaii' THEN 'US'
    WHEN 'US/Michigan' THEN 'US'
    WHEN 'US/East-Indiana' THEN 'US'
    WHEN 'America/Toronto' THEN 'CA'
    WHEN 'America/Vancouver' THEN 'CA'
    WHEN 'America/Edmonton' THEN 'CA'
    WHEN 'America/Winnipeg' THEN 'CA'
    WHEN 'America/Halifax' THEN 'CA'
    WHEN 'America/St_Johns' THEN 'CA'
    WHEN 'America/Regina' THEN 'CA'
    WHEN 'America/Moncton' THEN 'CA'
    WHEN 'America/Glace_Bay' THEN 'CA'
    WHEN 'America/Goose_Bay' THEN 'CA'
    WHEN 'America/Iqaluit' THEN 'CA'
    WHEN 'America/Rankin_Inlet' THEN 'CA'
    WHEN 'America/Resolute' THEN 'CA'
    WHEN 'America/Cambridge_Bay' THEN 'CA'
    WHEN 'America/Inuvik' THEN 'CA'
    WHEN 'America/Whitehorse' THEN 'CA'
    WHEN 'America/Dawson' THEN 'CA'
    WHEN 'America/Dawson_Creek' THEN 'CA'
    WHEN 'America/Fort_Nelson' THEN 'CA'
    WHEN 'America/Creston' THEN 'CA'
    WHEN 'America/Swift_Current' THEN 'CA'
    WHEN 'America/Atikokan' THEN 'CA'
    WHEN 'America/Blanc-Sablon' THEN 'CA'
    WHEN 'America/Montreal' THEN 'CA'
    WHEN 'Canada/Eastern' THEN 'CA'
    WHEN 'Canada/Central' THEN 'CA'
    WHEN 'Canada/Mountain' THEN 'CA'
    WHEN 'Canada/Pacific' THEN 'CA'
    WHEN 'Canada/Atlantic' THEN 'CA'
    WHEN 'Canada/Newfoundland' THEN 'CA'
    WHEN 'Canada/Saskatchewan' THEN 'CA'
    WHEN 'America/Mexico_City' THEN 'MX'
    WHEN 'America/Monterrey' THEN 'MX'
    WHEN 'America/Merida' THEN 'MX'
    WHEN 'America/Cancun' THEN 'MX'
    WHEN 'America/Chihuahua' THEN 'MX'
    WHEN 'America/Ciudad_Juarez' THEN 'MX'
    WHEN 'America/Ojinaga' THEN 'MX'
    WHEN 'America/Matamoros' THEN 'MX'
    WHEN 'America/Mazatlan' THEN 'MX'
    WHEN 'America/Bahia_Banderas' THEN 'MX'
    WHEN 'America/Hermosillo' THEN 'MX'
    WHEN 'America/Tijuana' THEN 'MX'
    WHEN 'Mexico/General' THEN 'MX'
    WHEN 'Mexico/BajaNorte' THEN 'MX'
    WHEN 'Mexico/BajaSur' THEN 'MX'
    WHEN 'Europe/Madrid' THEN 'ES'
    WHEN 'Atlantic/Canary' THEN 'ES'
    WHEN 'Africa/Ceuta' THEN 'ES'
    WHEN 'Europe/London' THEN 'GB'
    WHEN 'Europe/Belfast' THEN 'GB'
    WHEN 'GB' THEN 'GB'
    WHEN 'GB-Eire' THEN 'GB'
    WHEN 'Europe/Dublin' THEN 'IE'
    WHEN 'Eire' THEN 'IE'
  END
WHERE time_zone IN ('America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix', 'America/Anchorage', 'America/Juneau', 'America/Sitka', 'America/Metlakatla', 'America/Yakutat', 'America/Nome', 'America/Adak', 'Pacific/Honolulu', 'America/Detroit', 'America/Boise', 'America/Indiana/Indianapolis', 'America/Indiana/Knox', 'America/Indiana/Marengo', 'America/Indiana/Petersburg', 'America/Indiana/Tell_City', 'America/Indiana/Vevay', 'America/Indiana/Vincennes', 'America/Indiana/Winamac', 'America/Kentucky/Louisville', 'America/Kentucky/Monticello', 'America/Menominee', 'America/North_Dakota/Beulah', 'America/North_Dakota/Center', 'America/North_Dakota/New_Salem', 'America/Indianapolis', 'America/Louisville', 'US/Eastern', 'US/Central', 'US/Mountain', 'US/Pacific', 'US/Arizona', 'US/Alaska', 'US/Hawaii', 'US/Michigan', 'US/East-Indiana', 'America/Toronto', 'America/Vancouver', 'America/Edmonton', 'America/Winnipeg', 'America/Halifax', 'America/St_Johns', 'America/Regina', 'America/Moncton', 'America/Glace_Bay', 'America/Goose_Bay', 'America/Iqaluit', 'America/Rankin_Inlet', 'America/Resolute', 'America/Cambridge_Bay', 'America/Inuvik', 'America/Whitehorse', 'America/Dawson', 'America/Dawson_Creek', 'America/Fort_Nelson', 'America/Creston', 'America/Swift_Current', 'America/Atikokan', 'America/Blanc-Sablon', 'America/Montreal', 'Canada/Eastern', 'Canada/Central', 'Canada/Mountain', 'Canada/Pacific', 'Canada/Atlantic', 'Canada/Newfoundland', 'Canada/Saskatchewan', 'America/Mexico_City', 'America/Monterrey', 'America/Merida', 'America/Cancun', 'America/Chihuahua', 'America/Ciudad_Juarez', 'America/Ojinaga', 'America/Matamoros', 'America/Mazatlan', 'America/Bahia_Banderas', 'America/Hermosillo', 'America/Tijuana', 'Mexico/General', 'Mexico/BajaNorte', 'Mexico/BajaSur', 'Europe/Madrid', 'Atlantic/Canary', 'Africa/Ceuta', 'Europe/London', 'Europe/Belfast', 'GB', 'GB-Eire', 'Europe/Dublin', 'Eire');

-- One row while a bot process runs on this database: who holds it and when it last said so.
-- A second process refuses to start while the heartbeat is fresh; a crashed holder's lease
-- simply goes stale (see src/ops/instance-lease.ts).
CREATE TABLE instance_lease (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  holder        TEXT    NOT NULL,                  -- random id of the holding process
  host          TEXT    NOT NULL,                  -- os.hostname() of the holder
  pid           INTEGER NOT NULL,
  acquired_at   INTEGER NOT NULL,                  -- wall-clock ms
  heartbeat_at  INTEGER NOT NULL                   -- wall-clock ms
);

-- Update ids handled recently, so an update Telegram delivers twice (webhook retries, a restarted
-- poller) is handled once. Pruned to the last day (Telegram keeps updates for 24 hours). Holds no
-- user data: an update id says nothing about anyone.
CREATE TABLE recent_updates (
  update_id   INTEGER PRIMARY KEY,
  handled_at  INTEGER NOT NULL                     -- wall-clock ms
);
CREATE INDEX recent_updates_handled_at ON recent_updates (handled_at);

-- Scale (issue 12).
-- Pruning the delivery ledger: rows older than DELIVERY_RETENTION_DAYS are deleted a batch at a
-- time, oldest first, so the ledger stops growing. This index makes each batch a range scan
-- instead of a scan of the whole ledger.
CREATE INDEX deliveries_due_at ON deliveries (due_at);

-- The due index, made covering: a tick's pages read (next_due_at, user_id, kind) from the index
-- alone, in that order, without a lookup into the table per due row (at a million users those
-- lookups land on pages scattered over the whole table and made a due row cost 7× more).
DROP INDEX schedules_due;
CREATE INDEX schedules_due ON schedules (next_due_at, user_id, kind);

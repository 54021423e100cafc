-- Pruning the delivery ledger (issue 12): rows older than DELIVERY_RETENTION_DAYS are deleted a
-- batch at a time, oldest first, so the ledger stops growing. This index makes each batch a
-- range scan instead of a scan of the whole ledger.
CREATE INDEX deliveries_due_at ON deliveries (due_at);

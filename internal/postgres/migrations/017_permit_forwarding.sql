-- Issue 13: applications another level decides (the province, a basin
-- authority) are forwarded by the bureau; the forwarding starts that level's
-- decision clock. 0: not forwarded.
ALTER TABLE permit_applications ADD COLUMN forwarded_ms BIGINT NOT NULL DEFAULT 0;

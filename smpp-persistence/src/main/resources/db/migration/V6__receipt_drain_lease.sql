-- Which instance delivers a client's waiting receipts, and until when: one at a time, so that
-- two instances with receiver binds of the same client never deliver the same receipts twice or
-- out of order. A lease whose time has passed (its instance died while draining) may be taken
-- by any other instance.
ALTER TABLE pending_receipt_counts ADD COLUMN drainer CHAR(36) NULL;
ALTER TABLE pending_receipt_counts ADD COLUMN drain_until BIGINT NOT NULL DEFAULT 0;

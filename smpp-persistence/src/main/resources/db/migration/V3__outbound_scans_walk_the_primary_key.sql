-- Segments are written once, when the SMSC has answered, so the primary key is the order in which
-- they were sent (give or take the seconds a response takes). The expiry scan and the retention
-- purge now walk the primary key instead of an index each: (status, sent_time) cost an entry per
-- segment and a second change at its final status, acpt_time an entry per segment.
DROP INDEX ix_outbound_status_sent ON outbound_segments;
DROP INDEX ix_outbound_acpt_time ON outbound_segments;

-- Where the expiry scan stopped: every segment with an id up to last_id has a final status, so
-- each scan reads on from there and each row is read about once in its life.
CREATE TABLE outbound_expiry_scan (
    id       INT    NOT NULL,
    last_id  BIGINT NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO outbound_expiry_scan (id, last_id) VALUES (1, 0);

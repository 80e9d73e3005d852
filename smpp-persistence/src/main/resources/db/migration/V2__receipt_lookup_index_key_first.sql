-- The receipt lookup reads gateway_key IN (up to three candidates) AND smsc_id = ?. With smsc_id
-- first, H2 used the index for smsc_id only and scanned every row of that SMSC; with the key first,
-- MySQL, MariaDB and H2 all read one index entry per candidate.
DROP INDEX ix_outbound_gateway_key ON outbound_segments;
CREATE INDEX ix_outbound_key_smsc ON outbound_segments (gateway_key, smsc_id);

-- One row whose version every write to gateways and clients raises in its own transaction, so that
-- each instance reads the two tables only when another instance changed them (one small read per
-- second per instance instead of two table scans). Instances of the previous release write
-- gateways and clients without raising it: the newer ones still read both tables in full every 30 s.
CREATE TABLE config_version (
    id INT NOT NULL PRIMARY KEY,
    version BIGINT NOT NULL
);
INSERT INTO config_version (id, version) VALUES (1, 0);

-- Why a bind to an SMSC is down and when it tries again, published with the other connection
-- fields, so that the dashboard of any instance says it for every instance's binds. Only adds
-- columns with defaults: instances of the previous release go on writing and reading the rest.
ALTER TABLE live_connections ADD COLUMN last_error VARCHAR(255) NOT NULL DEFAULT '';
ALTER TABLE live_connections ADD COLUMN next_attempt BIGINT NOT NULL DEFAULT 0;

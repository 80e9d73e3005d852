-- The connections each instance holds (ESME binds to it, its binds to SMSCs), as it publishes them
-- with its heartbeat, so that the REST API of any instance lists those of every instance. The rows
-- of an instance are replaced whole at each publication; they go with the instance when it leaves
-- or is taken as gone. Only adds a table: instances of the previous release ignore it.
CREATE TABLE live_connections (
    instance_id     CHAR(36)     NOT NULL,
    connection_id   VARCHAR(64)  NOT NULL,
    side            VARCHAR(4)   NOT NULL,
    owner_id        BIGINT       NOT NULL,
    bind_type       VARCHAR(16)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    local_addr      VARCHAR(128) NOT NULL,
    remote_addr     VARCHAR(128) NOT NULL,
    inflight_count  INT          NOT NULL,
    queue_count     INT          NOT NULL,
    connected       BIGINT       NOT NULL,
    system_type     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (instance_id, connection_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The gateway instances that share this database, each heart-beating while it runs, and the ESME
-- binds each holds, so that a client's `binds` is its cap across the whole gateway. An instance
-- whose heartbeat is older than its peers allow is removed with its binds by any live instance.
CREATE TABLE gateway_instances (
    id         CHAR(36)     NOT NULL,
    host       VARCHAR(255) NOT NULL,
    started    BIGINT       NOT NULL,
    heartbeat  BIGINT       NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE esme_binds (
    session_id   CHAR(36)  NOT NULL,
    client_id    BIGINT    NOT NULL,
    instance_id  CHAR(36)  NOT NULL,
    bound        BIGINT    NOT NULL,
    PRIMARY KEY (session_id),
    INDEX ix_esme_binds_client (client_id),
    INDEX ix_esme_binds_instance (instance_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

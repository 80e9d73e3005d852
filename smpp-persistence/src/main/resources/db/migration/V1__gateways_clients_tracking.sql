-- One schema for MySQL 8, MariaDB 10.11+ and H2 in MySQL mode (the embedded database).
-- Index names are unique across the schema because H2 requires it.
-- utf8mb4_bin: ids and logins compare exactly (case-sensitive), as SMPP peers compare them.

CREATE TABLE gateways (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    smsc_id         VARCHAR(100) NOT NULL,
    host            VARCHAR(100) NOT NULL,
    port            INT          NOT NULL,
    username        VARCHAR(16)  NOT NULL,
    password        VARCHAR(9)   NOT NULL,
    system_type     VARCHAR(13)  NOT NULL,
    enq_interval    INT          NOT NULL,
    src_autodetect  BOOLEAN      NOT NULL,
    source_ton      INT          NOT NULL,
    source_npi      INT          NOT NULL,
    dst_autodetect  BOOLEAN      NOT NULL,
    dest_ton        INT          NOT NULL,
    dest_npi        INT          NOT NULL,
    tx_binds        INT          NOT NULL,
    rx_binds        INT          NOT NULL,
    trx_binds       INT          NOT NULL,
    window_size     INT          NOT NULL,
    smpp_version    VARCHAR(3)   NOT NULL,
    is_gsm7         BOOLEAN      NOT NULL,
    is_secure       BOOLEAN      NOT NULL,
    enabled         BOOLEAN      NOT NULL,
    created         BIGINT       NOT NULL,
    updated         BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_gateways_smsc_id (smsc_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE clients (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    username    VARCHAR(16)  NOT NULL,
    password    VARCHAR(9)   NOT NULL,
    allow_ip    VARCHAR(255) NOT NULL,
    throughput  INT          NOT NULL,
    binds       INT          NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created     BIGINT       NOT NULL,
    updated     BIGINT       NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_clients_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per segment sent to an SMSC. gateway_key is gateway_msg_id normalised at write time
-- (lower case, leading zeros stripped) so that a receipt is found through one index, whatever
-- form the SMSC gives the id in. Times are Unix milliseconds, 0 until they happen.
CREATE TABLE outbound_segments (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    msg_id          VARCHAR(255) NOT NULL,
    part_number     INT          NOT NULL,
    total_parts     INT          NOT NULL,
    reference       INT          NOT NULL,
    smsc_id         VARCHAR(100) NOT NULL,
    data_coding     INT          NOT NULL,
    status          VARCHAR(11)  NOT NULL,
    err_code        INT          NOT NULL DEFAULT 0,
    gateway_msg_id  VARCHAR(100) NULL,
    gateway_key     VARCHAR(100) NULL,
    acpt_time       BIGINT       NOT NULL,
    sent_time       BIGINT       NOT NULL DEFAULT 0,
    smsc_time       BIGINT       NOT NULL DEFAULT 0,
    dlr_time        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uq_outbound_msg (msg_id, part_number),
    KEY ix_outbound_gateway_key (smsc_id, gateway_key),
    KEY ix_outbound_status_sent (status, sent_time),
    KEY ix_outbound_acpt_time (acpt_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The ids we hand to ESMEs in submit_sm_resp, with what a delivery receipt needs later.
CREATE TABLE inbound_messages (
    msg_id               VARCHAR(64) NOT NULL,
    client_id            BIGINT      NOT NULL,
    submit_time          BIGINT      NOT NULL,
    source_addr          VARCHAR(25) NOT NULL,
    source_ton           INT         NOT NULL,
    source_npi           INT         NOT NULL,
    dest_addr            VARCHAR(25) NOT NULL,
    dest_ton             INT         NOT NULL,
    dest_npi             INT         NOT NULL,
    registered_delivery  INT         NOT NULL,
    data_coding          INT         NOT NULL,
    sub                  INT         NOT NULL,
    text_start           VARCHAR(20) NOT NULL,
    PRIMARY KEY (msg_id),
    KEY ix_inbound_submit_time (submit_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Receipts waiting for an ESME with no receiver bind; id gives the order.
CREATE TABLE pending_receipts (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    client_id   BIGINT       NOT NULL,
    msg_id      VARCHAR(255) NOT NULL,
    status      VARCHAR(11)  NOT NULL,
    err_code    INT          NOT NULL,
    done_time   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    KEY ix_pending_client (client_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- How many receipts wait per client, kept in step with pending_receipts in the same
-- transactions, so that the bound is checked with one row instead of a count.
CREATE TABLE pending_receipt_counts (
    client_id   BIGINT NOT NULL,
    waiting     INT    NOT NULL,
    PRIMARY KEY (client_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Model registry (MLflow's model_registry.proto), audit history and the webhook outbox.
-- Versions V20-V29 belong to the registry. Cascades are done by the code, not by foreign keys,
-- so the schema behaves the same on SQLite (foreign keys off by default) and PostgreSQL.
CREATE TABLE registered_models (
    name              VARCHAR(256) NOT NULL PRIMARY KEY,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    user_id           VARCHAR(256),
    description       TEXT,
    next_version      BIGINT       NOT NULL
);

CREATE TABLE registered_model_tags (
    name      VARCHAR(256) NOT NULL,
    tag_key   VARCHAR(250) NOT NULL,
    tag_value TEXT,
    PRIMARY KEY (name, tag_key)
);

CREATE TABLE registered_model_aliases (
    name    VARCHAR(256) NOT NULL,
    alias   VARCHAR(256) NOT NULL,
    version BIGINT       NOT NULL,
    PRIMARY KEY (name, alias)
);

CREATE TABLE model_versions (
    name              VARCHAR(256) NOT NULL,
    version           BIGINT       NOT NULL,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    user_id           VARCHAR(256),
    current_stage     VARCHAR(20)  NOT NULL,
    description       TEXT,
    source            TEXT         NOT NULL,
    storage_location  TEXT,
    run_id            VARCHAR(64),
    run_link          TEXT,
    status            VARCHAR(20)  NOT NULL,
    status_message    TEXT,
    model_id          VARCHAR(64),
    PRIMARY KEY (name, version)
);

CREATE INDEX model_versions_run_id ON model_versions (run_id);

CREATE TABLE model_version_tags (
    name      VARCHAR(256) NOT NULL,
    version   BIGINT       NOT NULL,
    tag_key   VARCHAR(250) NOT NULL,
    tag_value TEXT,
    PRIMARY KEY (name, version, tag_key)
);

CREATE TABLE registry_audit (
    id          BIGSERIAL    PRIMARY KEY,
    change_time BIGINT       NOT NULL,
    actor       VARCHAR(256),
    action      VARCHAR(64)  NOT NULL,
    model_name  VARCHAR(256) NOT NULL,
    version     BIGINT,
    field       VARCHAR(300),
    value_before TEXT,
    value_after  TEXT
);

CREATE INDEX registry_audit_model ON registry_audit (model_name, id);

CREATE TABLE registry_webhook_deliveries (
    id                VARCHAR(36)  NOT NULL PRIMARY KEY,
    url               TEXT         NOT NULL,
    event             VARCHAR(64)  NOT NULL,
    payload           TEXT         NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    attempts          INTEGER      NOT NULL,
    created_time      BIGINT       NOT NULL,
    next_attempt_time BIGINT       NOT NULL
);

CREATE INDEX registry_webhook_deliveries_due ON registry_webhook_deliveries (status, next_attempt_time);

CREATE TABLE registry_webhook_attempts (
    delivery_id  VARCHAR(36) NOT NULL,
    attempt      INTEGER     NOT NULL,
    attempt_time BIGINT      NOT NULL,
    status_code  INTEGER,
    error        TEXT,
    PRIMARY KEY (delivery_id, attempt)
);

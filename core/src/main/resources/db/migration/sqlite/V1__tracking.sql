-- Experiment tracking, the shape of MLflow's tracking store. Runs have an integer surrogate key
-- (id) so that the large tables (metrics, latest_metrics, params, tags) index small integers,
-- not 32-character run ids. Versions 1-19 belong to tracking.
CREATE TABLE experiments (
    experiment_id     INTEGER      NOT NULL PRIMARY KEY,
    name              VARCHAR(500) NOT NULL UNIQUE,
    artifact_location TEXT         NOT NULL,
    lifecycle_stage   VARCHAR(32)  NOT NULL,
    creation_time     BIGINT       NOT NULL,
    last_update_time  BIGINT       NOT NULL
);

CREATE TABLE experiment_tags (
    experiment_id BIGINT       NOT NULL REFERENCES experiments (experiment_id),
    key           VARCHAR(250) NOT NULL,
    value         TEXT         NOT NULL,
    PRIMARY KEY (experiment_id, key)
);

CREATE TABLE runs (
    id              INTEGER      NOT NULL PRIMARY KEY,
    run_uuid        VARCHAR(32)  NOT NULL UNIQUE,
    experiment_id   BIGINT       NOT NULL REFERENCES experiments (experiment_id),
    name            VARCHAR(250),
    user_id         VARCHAR(256) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    start_time      BIGINT,
    end_time        BIGINT,
    deleted_time    BIGINT,
    artifact_uri    TEXT         NOT NULL,
    lifecycle_stage VARCHAR(32)  NOT NULL
);
CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time);

-- Every metric point; the primary key makes identical points idempotent and clusters a series
-- (run, key) in step order for history reads.
CREATE TABLE metrics (
    run_id    BIGINT           NOT NULL,
    key       VARCHAR(250)     NOT NULL,
    step      BIGINT           NOT NULL,
    timestamp BIGINT           NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    is_nan    SMALLINT         NOT NULL,
    PRIMARY KEY (run_id, key, step, timestamp, value, is_nan)
) WITHOUT ROWID;

-- The latest point of each metric of each run (highest step, then timestamp, then value): what
-- runs return and what search filters and orders on.
CREATE TABLE latest_metrics (
    run_id    BIGINT           NOT NULL,
    key       VARCHAR(250)     NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    is_nan    SMALLINT         NOT NULL,
    timestamp BIGINT           NOT NULL,
    step      BIGINT           NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE INDEX latest_metrics_by_key ON latest_metrics (key, value, run_id);

CREATE TABLE params (
    run_id BIGINT       NOT NULL,
    key    VARCHAR(250) NOT NULL,
    value  TEXT         NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE INDEX params_by_key ON params (key, value, run_id);

CREATE TABLE tags (
    run_id BIGINT       NOT NULL,
    key    VARCHAR(250) NOT NULL,
    value  TEXT         NOT NULL,
    PRIMARY KEY (run_id, key)
) WITHOUT ROWID;
CREATE INDEX tags_by_key ON tags (key, run_id);

CREATE TABLE datasets (
    id            INTEGER      NOT NULL PRIMARY KEY,
    experiment_id BIGINT       NOT NULL REFERENCES experiments (experiment_id),
    name          VARCHAR(500) NOT NULL,
    digest        VARCHAR(36)  NOT NULL,
    source_type   VARCHAR(36)  NOT NULL,
    source        TEXT         NOT NULL,
    schema_json   TEXT,
    profile       TEXT,
    UNIQUE (experiment_id, name, digest)
);

CREATE TABLE inputs (
    id         INTEGER NOT NULL PRIMARY KEY,
    dataset_id BIGINT  NOT NULL REFERENCES datasets (id),
    run_id     BIGINT  NOT NULL,
    UNIQUE (run_id, dataset_id)
);

CREATE TABLE input_tags (
    input_id BIGINT       NOT NULL REFERENCES inputs (id),
    key      VARCHAR(255) NOT NULL,
    value    VARCHAR(500) NOT NULL,
    PRIMARY KEY (input_id, key)
);

INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
VALUES (0, 'Default', 'mlflow-artifacts:/0', 'active', 0, 0);

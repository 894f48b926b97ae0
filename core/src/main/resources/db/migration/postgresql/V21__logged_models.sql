-- MLflow 3 logged models: models with an id of their own, registered as models:/<model_id>.
CREATE TABLE logged_models (
    model_id          VARCHAR(40)  NOT NULL PRIMARY KEY,
    experiment_id     VARCHAR(64)  NOT NULL,
    name              VARCHAR(500) NOT NULL,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    artifact_uri      TEXT         NOT NULL,
    status            VARCHAR(32)  NOT NULL,
    status_message    TEXT,
    creator_id        VARCHAR(256),
    model_type        VARCHAR(500),
    source_run_id     VARCHAR(64),
    deleted           INTEGER      NOT NULL
);

CREATE INDEX logged_models_experiment ON logged_models (experiment_id, creation_time);

CREATE TABLE logged_model_tags (
    model_id  VARCHAR(40)  NOT NULL,
    tag_key   VARCHAR(250) NOT NULL,
    tag_value TEXT,
    PRIMARY KEY (model_id, tag_key)
);

CREATE TABLE logged_model_params (
    model_id    VARCHAR(40)  NOT NULL,
    param_key   VARCHAR(250) NOT NULL,
    param_value TEXT         NOT NULL,
    PRIMARY KEY (model_id, param_key)
);

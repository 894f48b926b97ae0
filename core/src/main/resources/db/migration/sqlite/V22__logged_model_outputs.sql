-- MLflow 3's LogOutputs (POST runs/outputs): the logged models a run produced, and at which step.
-- MLflow 3 clients send it from log_model inside a run, before they register models:/<model_id>.
CREATE TABLE logged_model_outputs (
    run_id   VARCHAR(64) NOT NULL,
    model_id VARCHAR(40) NOT NULL,
    step     BIGINT      NOT NULL,
    PRIMARY KEY (run_id, model_id, step)
);

CREATE INDEX logged_model_outputs_model ON logged_model_outputs (model_id);

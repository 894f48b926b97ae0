-- The module catalogue (docs/modules.md): one row per published module version, its parameters in
-- order. The same SQL as sqlite/V30__module_catalogue.sql. Versions 30-39 belong to modules.
CREATE TABLE module_versions (
    name           VARCHAR(256) NOT NULL,
    version        VARCHAR(128) NOT NULL,
    module_type    VARCHAR(32)  NOT NULL,
    visibility     VARCHAR(16)  NOT NULL,
    owner          VARCHAR(256) NOT NULL,
    display_name   TEXT,
    description    TEXT,
    input_type     VARCHAR(64),
    output_type    VARCHAR(64),
    git_commit     VARCHAR(64),
    image          TEXT         NOT NULL,
    image_digest   VARCHAR(128) NOT NULL,
    content_digest VARCHAR(128) NOT NULL,
    published_at   BIGINT       NOT NULL,
    PRIMARY KEY (name, version)
);
CREATE TABLE module_parameters (
    name          VARCHAR(256) NOT NULL,
    version       VARCHAR(128) NOT NULL,
    position      INTEGER      NOT NULL,
    param_name    VARCHAR(256) NOT NULL,
    param_type    VARCHAR(16)  NOT NULL,
    required      INTEGER      NOT NULL,
    default_value TEXT,
    description   TEXT,
    PRIMARY KEY (name, version, position),
    FOREIGN KEY (name, version) REFERENCES module_versions (name, version)
);
CREATE INDEX module_parameters_by_param ON module_parameters (param_name);
CREATE INDEX module_versions_by_type ON module_versions (module_type);

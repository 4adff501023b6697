-- Applications from embassy intake forms, their decision snapshots and their append-only history.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

CREATE SEQUENCE application_reference_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE application_event_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE travel_application (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    reference          VARCHAR(32)   NOT NULL UNIQUE,
    status             VARCHAR(20)   NOT NULL,
    track              VARCHAR(10)   NOT NULL,
    origin             VARCHAR(2)    NOT NULL,
    destination        VARCHAR(2)    NOT NULL,
    rule_set_id        VARCHAR(64)   NOT NULL,
    given_name         VARCHAR(200)  NOT NULL,
    family_name        VARCHAR(200)  NOT NULL,
    passport_number    VARCHAR(32)   NOT NULL,
    nationality        VARCHAR(2)    NOT NULL,
    date_of_birth      DATE          NOT NULL,
    email              VARCHAR(320)  NOT NULL,
    request_json       VARCHAR(300000) NOT NULL,
    current_snapshot_id VARCHAR(36),
    current_outcome    VARCHAR(16),
    submitted_by       VARCHAR(200)  NOT NULL,
    submitted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    idempotency_key    VARCHAR(200),
    request_hash       VARCHAR(80),
    version            BIGINT        NOT NULL,
    CONSTRAINT uq_application_idempotency UNIQUE (submitted_by, idempotency_key)
);
CREATE INDEX ix_application_status ON travel_application (status);
CREATE INDEX ix_application_submitted_at ON travel_application (submitted_at);

CREATE TABLE decision_snapshot (
    id                 VARCHAR(36)   NOT NULL PRIMARY KEY,
    application_id     VARCHAR(36)   NOT NULL REFERENCES travel_application (id),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    known_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    rule_set_id        VARCHAR(64)   NOT NULL,
    rule_set_version   INTEGER       NOT NULL,
    content_hash       VARCHAR(80)   NOT NULL,
    outcome            VARCHAR(16)   NOT NULL,
    request_json       VARCHAR(300000) NOT NULL,
    decision_json      VARCHAR(1000000) NOT NULL
);
CREATE INDEX ix_snapshot_application ON decision_snapshot (application_id);

CREATE TABLE application_event (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    application_id     VARCHAR(36)   NOT NULL REFERENCES travel_application (id),
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    subject            VARCHAR(200)  NOT NULL,
    action             VARCHAR(32)   NOT NULL,
    from_status        VARCHAR(20),
    to_status          VARCHAR(20),
    reason             VARCHAR(2000),
    snapshot_id        VARCHAR(36),
    override_decision  BOOLEAN       NOT NULL
);
CREATE INDEX ix_event_application ON application_event (application_id);

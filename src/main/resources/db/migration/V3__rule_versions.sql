-- Rule-set versions in the database (issue 5): the shipped YAML files are imported once, at first start; from
-- then on these tables are the source of truth. Portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- One row: a counter bumped by every publication. Instances poll it (SELECT … FOR UPDATE) to know when to reload;
-- publishing holds its row lock until commit, so a poll never sees half a publication.
CREATE TABLE rule_catalog (
    id                 INTEGER       NOT NULL PRIMARY KEY,
    revision           BIGINT        NOT NULL
);
INSERT INTO rule_catalog (id, revision) VALUES (1, 0);

CREATE TABLE rule_set (
    id                 VARCHAR(64)   NOT NULL PRIMARY KEY,
    track              VARCHAR(10)   NOT NULL,
    origin             VARCHAR(2)    NOT NULL,
    destination        VARCHAR(2)    NOT NULL,
    -- id, track, origin, destination and title as in the rule-set file (JSON)
    header_json        VARCHAR(20000) NOT NULL,
    -- the catalogue revision of its last publication
    revision           BIGINT        NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE rule_set_version (
    rule_set_id        VARCHAR(64)   NOT NULL REFERENCES rule_set (id),
    number             INTEGER       NOT NULL,
    -- DRAFT or PUBLISHED; a published version never changes again
    state              VARCHAR(10)   NOT NULL,
    -- the track status the version gives: PLANNED, OPEN, SUSPENDED, CLOSED
    status             VARCHAR(10)   NOT NULL,
    effective_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the version as written (JSON), in the format of one entry of a rule-set file's "versions"
    document           VARCHAR(1000000) NOT NULL,
    etag               BIGINT        NOT NULL,
    content_hash       VARCHAR(80),
    published_at       TIMESTAMP WITH TIME ZONE,
    published_by       VARCHAR(200),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by         VARCHAR(200)  NOT NULL,
    PRIMARY KEY (rule_set_id, number)
);

CREATE SEQUENCE rule_set_event_seq START WITH 1 INCREMENT BY 1;

-- Append-only audit: every import, draft, change, deletion, publication and suspension.
CREATE TABLE rule_set_event (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    rule_set_id        VARCHAR(64)   NOT NULL REFERENCES rule_set (id),
    version_number     INTEGER       NOT NULL,
    action             VARCHAR(20)   NOT NULL,
    at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              VARCHAR(200)  NOT NULL,
    content_hash       VARCHAR(80),
    detail             VARCHAR(2000)
);
CREATE INDEX ix_rule_set_event_rule_set ON rule_set_event (rule_set_id, id);

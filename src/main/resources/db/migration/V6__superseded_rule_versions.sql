-- Issue 14: the shipped rule sets got a second edition (corrected sources, new dated versions, texts for people).
-- A database that imported the first edition and never changed it takes the second at start-up; the versions it
-- replaces move here, unchanged, so that every stored decision snapshot (which names its rule-set version and
-- content hash) still replays against exactly the rules that decided it.
CREATE TABLE rule_set_version_superseded (
    rule_set_id        VARCHAR(64)   NOT NULL REFERENCES rule_set (id),
    -- every version of one edition is superseded at the same instant: together they are the rule set as it was
    superseded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    number             INTEGER       NOT NULL,
    content_hash       VARCHAR(80)   NOT NULL,
    -- the rule set's header (id, track, origin, destination, title, edition) as it was, JSON
    header_json        VARCHAR(20000) NOT NULL,
    -- the version as written (JSON), as it was in rule_set_version
    document           VARCHAR(1000000) NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    effective_from     TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at       TIMESTAMP WITH TIME ZONE,
    published_by       VARCHAR(200),
    PRIMARY KEY (rule_set_id, superseded_at, number)
);
CREATE INDEX rule_set_version_superseded_hash ON rule_set_version_superseded (rule_set_id, content_hash);

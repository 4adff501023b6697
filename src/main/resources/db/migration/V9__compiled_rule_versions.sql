-- Issue 15: what compiling a published rule-set version produced (CEL's checked expressions, serialised), so that a
-- restart with unchanged rule sets does not parse and type-check them again. A cache, keyed by the version's content
-- hash and by the fingerprint of everything else that decides compiling (CEL and protobuf versions, functions, facts,
-- entry format): any row may be deleted at any time; a row that cannot be read back (its digest does not match) is
-- compiled again and rewritten. Instances sharing the database insert a missing row and ignore a duplicate-key
-- refusal. Portable SQL: runs on H2 (embedded default) and PostgreSQL (production); BYTEA is binary in both.
CREATE TABLE compiled_rule_version (
    content_hash       VARCHAR(80)   NOT NULL,
    environment        VARCHAR(80)   NOT NULL,
    -- the checked expressions of the version (CompiledRuleCache's format)
    payload            BYTEA         NOT NULL,
    -- sha256 of the environment, the content hash and the payload
    digest             VARCHAR(80)   NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (content_hash, environment)
);

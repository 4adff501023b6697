-- Applications belong to the organisation that submitted them (the token's org claim, else its subject): an intake
-- desk sees and changes only its own organisation's applications; officers see all. Existing rows belong to their
-- submitter. The history records which fields a patch changed (names only, never values).
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

ALTER TABLE travel_application ADD COLUMN org VARCHAR(400);
UPDATE travel_application SET org = submitted_by;
ALTER TABLE travel_application ALTER COLUMN org SET NOT NULL;
CREATE INDEX ix_application_org ON travel_application (org, submitted_at);

ALTER TABLE application_event ADD COLUMN changed_fields VARCHAR(4000);

-- Text lengths are validated in Unicode code points (the contract's maxLength, JSON Schema semantics), but H2 counts
-- VARCHAR lengths in UTF-16 code units: 200 emoji are 200 code points and 400 code units. The columns that hold
-- validated free text get room for the worst case (two code units per code point), so a valid value never fails
-- to store. PostgreSQL counts code points; the wider columns change nothing there.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

ALTER TABLE travel_application ALTER COLUMN given_name SET DATA TYPE VARCHAR(400);
ALTER TABLE travel_application ALTER COLUMN family_name SET DATA TYPE VARCHAR(400);
ALTER TABLE travel_application ALTER COLUMN email SET DATA TYPE VARCHAR(640);
ALTER TABLE travel_application ALTER COLUMN idempotency_key SET DATA TYPE VARCHAR(400);
ALTER TABLE travel_application ALTER COLUMN submitted_by SET DATA TYPE VARCHAR(400);
ALTER TABLE application_event ALTER COLUMN subject SET DATA TYPE VARCHAR(400);
ALTER TABLE application_event ALTER COLUMN reason SET DATA TYPE VARCHAR(4000);

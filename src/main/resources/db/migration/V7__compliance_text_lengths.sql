-- As V4 for intake: the quarantine address is validated in Unicode code points (the contract's maxLength, 500), and
-- H2 counts VARCHAR lengths in UTF-16 code units, so the column gets room for the worst case (two units per code
-- point). PostgreSQL counts code points; the wider column changes nothing there.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

ALTER TABLE compliance_monitoring ALTER COLUMN quarantine_address SET DATA TYPE VARCHAR(1000);

-- Issue 15 (speed), writes. Additive; portable SQL: runs on H2 (embedded default) and PostgreSQL.

-- Application references are numbered in blocks of 50 (ApplicationReferenceSequence.BLOCK, Hibernate's pooled-lo
-- optimizer): each value the sequence hands out is the first number of a block only one instance uses. Numbers
-- already given stay below the next value, so nothing is handed out twice; unused numbers of a block are a gap.
ALTER SEQUENCE application_reference_seq INCREMENT BY 50;

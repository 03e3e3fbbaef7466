-- Version 3: one covering index serves the request log's keyset pages,
-- status and applicant filters and counts without touching the table.
DROP INDEX requests_open;
DROP INDEX requests_outcome;
DROP INDEX requests_applicant;
CREATE INDEX requests_cover ON requests (organ_id, year, serial, answered, outcome, applicant);

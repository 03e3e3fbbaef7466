-- Version 9: the organ's postal address and postcode, printed in the
-- contact sentence of the report's preamble (both optional).
ALTER TABLE organs ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE organs ADD COLUMN postcode TEXT NOT NULL DEFAULT '';

-- Version 8: 延迟答复 (Regulation Art. 35) on a log entry: the day the
-- applicant was told of a later answer date, and that date (0 = none).
ALTER TABLE requests ADD COLUMN delay_notice INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN delayed_to INTEGER NOT NULL DEFAULT 0;

-- Version 6: a checksum per row of the applicants' personal data, the
-- request log and the report's typed cells, kept by triggers, so a byte
-- that changed inside a record (bit rot on an old disk: an ID digit) is
-- found by `nianbao check --deep` and by the check behind the start,
-- which PRAGMA integrity_check cannot see. nb_sum is a function of the
-- program (db/rowsums.go); other SQLite tools cannot write these tables.
CREATE TABLE row_sums (
	tbl TEXT NOT NULL,
	key TEXT NOT NULL,
	sum INTEGER NOT NULL,
	PRIMARY KEY (tbl, key)
) WITHOUT ROWID;

CREATE TRIGGER request_personal_sum_insert AFTER INSERT ON request_personal BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('request_personal', new.request_id,
		nb_sum(new.request_id, new.name, new.phone, new.id_number, new.address));
END;
CREATE TRIGGER request_personal_sum_update AFTER UPDATE ON request_personal BEGIN
	DELETE FROM row_sums WHERE tbl = 'request_personal' AND key = CAST(old.request_id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('request_personal', new.request_id,
		nb_sum(new.request_id, new.name, new.phone, new.id_number, new.address));
END;
CREATE TRIGGER request_personal_sum_delete AFTER DELETE ON request_personal BEGIN
	DELETE FROM row_sums WHERE tbl = 'request_personal' AND key = CAST(old.request_id AS TEXT);
END;

CREATE TRIGGER requests_sum_insert AFTER INSERT ON requests BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('requests', new.id,
		nb_sum(new.id, new.organ_id, new.year, new.serial, new.received, new.channel, new.applicant, new.summary,
			new.correction_notice, new.corrected, new.ext_approved_by, new.ext_notice, new.ext_days, new.excluded_days,
			new.outcome, new.answered, new.fee_method, new.pages, new.fee, new.fee_notice, new.fee_paid, new.notes));
END;
CREATE TRIGGER requests_sum_update AFTER UPDATE ON requests BEGIN
	DELETE FROM row_sums WHERE tbl = 'requests' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('requests', new.id,
		nb_sum(new.id, new.organ_id, new.year, new.serial, new.received, new.channel, new.applicant, new.summary,
			new.correction_notice, new.corrected, new.ext_approved_by, new.ext_notice, new.ext_days, new.excluded_days,
			new.outcome, new.answered, new.fee_method, new.pages, new.fee, new.fee_notice, new.fee_paid, new.notes));
END;
CREATE TRIGGER requests_sum_delete AFTER DELETE ON requests BEGIN
	DELETE FROM row_sums WHERE tbl = 'requests' AND key = CAST(old.id AS TEXT);
END;

CREATE TRIGGER report_values_sum_insert AFTER INSERT ON report_values BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('report_values', new.report_id || '/' || new.tbl || '/' || new.row || '/' || new.col,
		nb_sum(new.report_id, new.tbl, new.row, new.col, new.value));
END;
CREATE TRIGGER report_values_sum_update AFTER UPDATE ON report_values BEGIN
	DELETE FROM row_sums WHERE tbl = 'report_values' AND key = old.report_id || '/' || old.tbl || '/' || old.row || '/' || old.col;
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('report_values', new.report_id || '/' || new.tbl || '/' || new.row || '/' || new.col,
		nb_sum(new.report_id, new.tbl, new.row, new.col, new.value));
END;
CREATE TRIGGER report_values_sum_delete AFTER DELETE ON report_values BEGIN
	DELETE FROM row_sums WHERE tbl = 'report_values' AND key = old.report_id || '/' || old.tbl || '/' || old.row || '/' || old.col;
END;

INSERT INTO row_sums (tbl, key, sum) SELECT 'request_personal', request_id,
	nb_sum(request_id, name, phone, id_number, address) FROM request_personal;
INSERT INTO row_sums (tbl, key, sum) SELECT 'requests', id,
	nb_sum(id, organ_id, year, serial, received, channel, applicant, summary,
		correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days,
		outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes) FROM requests;
INSERT INTO row_sums (tbl, key, sum) SELECT 'report_values', report_id || '/' || tbl || '/' || row || '/' || col,
	nb_sum(report_id, tbl, row, col, value) FROM report_values;

-- Version 10: the row checksums of version 6 (row_sums, nb_sum) also cover
-- the report itself (its profile fields, narrative blocks, acknowledged
-- findings), the organ, cases, measures, disclosure items and their lists,
-- letters and their templates, and the request log's columns added since
-- (延迟答复: delay_notice, delayed_to). Existing rows get their checksums
-- here. db/rowsums.go lists the same columns (summedTables); a test checks
-- that every column of every summed table is covered, so a column added
-- later must be added to its trigger and to that list.
DROP TRIGGER requests_sum_insert;
DROP TRIGGER requests_sum_update;

CREATE TRIGGER organs_sum_delete AFTER DELETE ON organs BEGIN
	DELETE FROM row_sums WHERE tbl = 'organs' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER organs_sum_insert AFTER INSERT ON organs BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('organs', CAST(new.id AS TEXT),
		nb_sum(new.id, new.name, new.level, new.superior, new.office, new.phone, new.email, new.portal, new.due_month, new.due_day, new.review_organ, new.court, new.letter_pattern, new.address, new.postcode));
END;
CREATE TRIGGER organs_sum_update AFTER UPDATE ON organs BEGIN
	DELETE FROM row_sums WHERE tbl = 'organs' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('organs', CAST(new.id AS TEXT),
		nb_sum(new.id, new.name, new.level, new.superior, new.office, new.phone, new.email, new.portal, new.due_month, new.due_day, new.review_organ, new.court, new.letter_pattern, new.address, new.postcode));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'organs', CAST(id AS TEXT), nb_sum(id, name, level, superior, office, phone, email, portal, due_month, due_day, review_organ, court, letter_pattern, address, postcode) FROM organs;

CREATE TRIGGER reports_sum_delete AFTER DELETE ON reports BEGIN
	DELETE FROM row_sums WHERE tbl = 'reports' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER reports_sum_insert AFTER INSERT ON reports BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('reports', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.format_id, new.status, new.basis, new.where_text, new.preamble_text, new.mode3, new.mode4, new.fee_notices, new.fee_collected, new.date, new.art20_mode));
END;
CREATE TRIGGER reports_sum_update AFTER UPDATE ON reports BEGIN
	DELETE FROM row_sums WHERE tbl = 'reports' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('reports', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.format_id, new.status, new.basis, new.where_text, new.preamble_text, new.mode3, new.mode4, new.fee_notices, new.fee_collected, new.date, new.art20_mode));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'reports', CAST(id AS TEXT), nb_sum(id, organ_id, year, format_id, status, basis, where_text, preamble_text, mode3, mode4, fee_notices, fee_collected, date, art20_mode) FROM reports;

CREATE TRIGGER blocks_sum_delete AFTER DELETE ON blocks BEGIN
	DELETE FROM row_sums WHERE tbl = 'blocks' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER blocks_sum_insert AFTER INSERT ON blocks BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('blocks', CAST(new.id AS TEXT),
		nb_sum(new.id, new.report_id, new.section, new.pos, new.kind, new.level, new.text, new.stale, new.origin));
END;
CREATE TRIGGER blocks_sum_update AFTER UPDATE ON blocks BEGIN
	DELETE FROM row_sums WHERE tbl = 'blocks' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('blocks', CAST(new.id AS TEXT),
		nb_sum(new.id, new.report_id, new.section, new.pos, new.kind, new.level, new.text, new.stale, new.origin));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'blocks', CAST(id AS TEXT), nb_sum(id, report_id, section, pos, kind, level, text, stale, origin) FROM blocks;

CREATE TRIGGER acks_sum_delete AFTER DELETE ON acks BEGIN
	DELETE FROM row_sums WHERE tbl = 'acks' AND key = old.report_id || '/' || old.rule || '/' || old.target;
END;
CREATE TRIGGER acks_sum_insert AFTER INSERT ON acks BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('acks', new.report_id || '/' || new.rule || '/' || new.target,
		nb_sum(new.report_id, new.rule, new.target, new.reason));
END;
CREATE TRIGGER acks_sum_update AFTER UPDATE ON acks BEGIN
	DELETE FROM row_sums WHERE tbl = 'acks' AND key = old.report_id || '/' || old.rule || '/' || old.target;
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('acks', new.report_id || '/' || new.rule || '/' || new.target,
		nb_sum(new.report_id, new.rule, new.target, new.reason));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'acks', report_id || '/' || rule || '/' || target, nb_sum(report_id, rule, target, reason) FROM acks;

CREATE TRIGGER requests_sum_insert AFTER INSERT ON requests BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('requests', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.serial, new.received, new.channel, new.applicant, new.summary, new.correction_notice, new.corrected, new.ext_approved_by, new.ext_notice, new.ext_days, new.excluded_days, new.outcome, new.answered, new.fee_method, new.pages, new.fee, new.fee_notice, new.fee_paid, new.notes, new.delay_notice, new.delayed_to));
END;
CREATE TRIGGER requests_sum_update AFTER UPDATE ON requests BEGIN
	DELETE FROM row_sums WHERE tbl = 'requests' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('requests', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.serial, new.received, new.channel, new.applicant, new.summary, new.correction_notice, new.corrected, new.ext_approved_by, new.ext_notice, new.ext_days, new.excluded_days, new.outcome, new.answered, new.fee_method, new.pages, new.fee, new.fee_notice, new.fee_paid, new.notes, new.delay_notice, new.delayed_to));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'requests', CAST(id AS TEXT), nb_sum(id, organ_id, year, serial, received, channel, applicant, summary, correction_notice, corrected, ext_approved_by, ext_notice, ext_days, excluded_days, outcome, answered, fee_method, pages, fee, fee_notice, fee_paid, notes, delay_notice, delayed_to) FROM requests;

CREATE TRIGGER cases_sum_delete AFTER DELETE ON cases BEGIN
	DELETE FROM row_sums WHERE tbl = 'cases' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER cases_sum_insert AFTER INSERT ON cases BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('cases', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.kind, new.filed, new.result, new.summary));
END;
CREATE TRIGGER cases_sum_update AFTER UPDATE ON cases BEGIN
	DELETE FROM row_sums WHERE tbl = 'cases' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('cases', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.kind, new.filed, new.result, new.summary));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'cases', CAST(id AS TEXT), nb_sum(id, organ_id, year, kind, filed, result, summary) FROM cases;

CREATE TRIGGER measures_sum_delete AFTER DELETE ON measures BEGIN
	DELETE FROM row_sums WHERE tbl = 'measures' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER measures_sum_insert AFTER INSERT ON measures BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('measures', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.problem, new.measure, new.responsible, new.due, new.status, new.first_year));
END;
CREATE TRIGGER measures_sum_update AFTER UPDATE ON measures BEGIN
	DELETE FROM row_sums WHERE tbl = 'measures' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('measures', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.problem, new.measure, new.responsible, new.due, new.status, new.first_year));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'measures', CAST(id AS TEXT), nb_sum(id, organ_id, year, problem, measure, responsible, due, status, first_year) FROM measures;

CREATE TRIGGER disclosure_items_sum_delete AFTER DELETE ON disclosure_items BEGIN
	DELETE FROM row_sums WHERE tbl = 'disclosure_items' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER disclosure_items_sum_insert AFTER INSERT ON disclosure_items BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('disclosure_items', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.title, new.published, new.category, new.channels, new.location, new.art20_row, new.art20_action));
END;
CREATE TRIGGER disclosure_items_sum_update AFTER UPDATE ON disclosure_items BEGIN
	DELETE FROM row_sums WHERE tbl = 'disclosure_items' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('disclosure_items', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.year, new.title, new.published, new.category, new.channels, new.location, new.art20_row, new.art20_action));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'disclosure_items', CAST(id AS TEXT), nb_sum(id, organ_id, year, title, published, category, channels, location, art20_row, art20_action) FROM disclosure_items;

CREATE TRIGGER item_lists_sum_delete AFTER DELETE ON item_lists BEGIN
	DELETE FROM row_sums WHERE tbl = 'item_lists' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER item_lists_sum_insert AFTER INSERT ON item_lists BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('item_lists', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.kind, new.value));
END;
CREATE TRIGGER item_lists_sum_update AFTER UPDATE ON item_lists BEGIN
	DELETE FROM row_sums WHERE tbl = 'item_lists' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('item_lists', CAST(new.id AS TEXT),
		nb_sum(new.id, new.organ_id, new.kind, new.value));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'item_lists', CAST(id AS TEXT), nb_sum(id, organ_id, kind, value) FROM item_lists;

CREATE TRIGGER request_letters_sum_delete AFTER DELETE ON request_letters BEGIN
	DELETE FROM row_sums WHERE tbl = 'request_letters' AND key = CAST(old.id AS TEXT);
END;
CREATE TRIGGER request_letters_sum_insert AFTER INSERT ON request_letters BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('request_letters', CAST(new.id AS TEXT),
		nb_sum(new.id, new.request_id, new.organ_id, new.kind, new.year, new.seq, new.number, new.date));
END;
CREATE TRIGGER request_letters_sum_update AFTER UPDATE ON request_letters BEGIN
	DELETE FROM row_sums WHERE tbl = 'request_letters' AND key = CAST(old.id AS TEXT);
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('request_letters', CAST(new.id AS TEXT),
		nb_sum(new.id, new.request_id, new.organ_id, new.kind, new.year, new.seq, new.number, new.date));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'request_letters', CAST(id AS TEXT), nb_sum(id, request_id, organ_id, kind, year, seq, number, date) FROM request_letters;

CREATE TRIGGER letter_templates_sum_delete AFTER DELETE ON letter_templates BEGIN
	DELETE FROM row_sums WHERE tbl = 'letter_templates' AND key = old.organ_id || '/' || old.key;
END;
CREATE TRIGGER letter_templates_sum_insert AFTER INSERT ON letter_templates BEGIN
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('letter_templates', new.organ_id || '/' || new.key,
		nb_sum(new.organ_id, new.key, new.title, new.body));
END;
CREATE TRIGGER letter_templates_sum_update AFTER UPDATE ON letter_templates BEGIN
	DELETE FROM row_sums WHERE tbl = 'letter_templates' AND key = old.organ_id || '/' || old.key;
	INSERT OR REPLACE INTO row_sums (tbl, key, sum) VALUES ('letter_templates', new.organ_id || '/' || new.key,
		nb_sum(new.organ_id, new.key, new.title, new.body));
END;
INSERT OR REPLACE INTO row_sums (tbl, key, sum) SELECT 'letter_templates', organ_id || '/' || key, nb_sum(organ_id, key, title, body) FROM letter_templates;

-- Version 12: blank is not 0. A cell of a typed table (section 二, and 三
-- and 四 when typed) with no row in report_values is 未填 from now on, an
-- error until the clerk enters it (model/blank.go); a stored 0 stays 0.
-- Before this version such a cell printed as 0. A report that was formally
-- exported ('exported') was published with those cells as 0, so they are
-- stored as 0 here: the published report stays what it was and can be
-- exported again. Drafts and checked reports keep them blank, for the clerk
-- to confirm. The cells listed are every non-derived cell of each format's
-- tables (a 总计 column and （七）总计 are computed, never stored here);
-- art20 marks 二（一）'s cells that are counted from the disclosure items when
-- art20_mode is 'log'. db/migrate_test.go checks the list against model.
WITH
	s2(format_id, tbl, row, col, art20) AS (VALUES
		('2019', 's2_1', 'rules', 'made', 1), ('2019', 's2_1', 'rules', 'published', 1), ('2019', 's2_1', 'rules', 'total', 0),
		('2019', 's2_1', 'normative', 'made', 1), ('2019', 's2_1', 'normative', 'published', 1), ('2019', 's2_1', 'normative', 'total', 0),
		('2019', 's2_5', 'licensing', 'prev', 0), ('2019', 's2_5', 'licensing', 'delta', 0), ('2019', 's2_5', 'licensing', 'decisions', 0),
		('2019', 's2_5', 'other_services', 'prev', 0), ('2019', 's2_5', 'other_services', 'delta', 0), ('2019', 's2_5', 'other_services', 'decisions', 0),
		('2019', 's2_6', 'penalty', 'prev', 0), ('2019', 's2_6', 'penalty', 'delta', 0), ('2019', 's2_6', 'penalty', 'decisions', 0),
		('2019', 's2_6', 'enforcement', 'prev', 0), ('2019', 's2_6', 'enforcement', 'delta', 0), ('2019', 's2_6', 'enforcement', 'decisions', 0),
		('2019', 's2_8', 'admin_fees', 'prev', 0), ('2019', 's2_8', 'admin_fees', 'delta', 0),
		('2019', 's2_9', 'procurement', 'projects', 0), ('2019', 's2_9', 'procurement', 'amount', 0),
		('2021', 's2_1', 'rules', 'issued', 1), ('2021', 's2_1', 'rules', 'repealed', 1), ('2021', 's2_1', 'rules', 'in_force', 0),
		('2021', 's2_1', 'normative', 'issued', 1), ('2021', 's2_1', 'normative', 'repealed', 1), ('2021', 's2_1', 'normative', 'in_force', 0),
		('2021', 's2_5', 'licensing', 'decisions', 0),
		('2021', 's2_6', 'penalty', 'decisions', 0), ('2021', 's2_6', 'enforcement', 'decisions', 0),
		('2021', 's2_8', 'admin_fees', 'amount', 0)),
	s3rows(format_id, row) AS (VALUES
		('2019', 'new'), ('2019', 'carried_in'), ('2019', 'o1'), ('2019', 'o2'),
		('2019', 'o3_1'), ('2019', 'o3_2'), ('2019', 'o3_3'), ('2019', 'o3_4'), ('2019', 'o3_5'), ('2019', 'o3_6'), ('2019', 'o3_7'), ('2019', 'o3_8'),
		('2019', 'o4_1'), ('2019', 'o4_2'), ('2019', 'o4_3'),
		('2019', 'o5_1'), ('2019', 'o5_2'), ('2019', 'o5_3'), ('2019', 'o5_4'), ('2019', 'o5_5'),
		('2019', 'o6'), ('2019', 'carried_out'),
		('2021', 'new'), ('2021', 'carried_in'), ('2021', 'o1'), ('2021', 'o2'),
		('2021', 'o3_1'), ('2021', 'o3_2'), ('2021', 'o3_3'), ('2021', 'o3_4'), ('2021', 'o3_5'), ('2021', 'o3_6'), ('2021', 'o3_7'), ('2021', 'o3_8'),
		('2021', 'o4_1'), ('2021', 'o4_2'), ('2021', 'o4_3'),
		('2021', 'o5_1'), ('2021', 'o5_2'), ('2021', 'o5_3'), ('2021', 'o5_4'), ('2021', 'o5_5'),
		('2021', 'o6_1'), ('2021', 'o6_2'), ('2021', 'o6_3'), ('2021', 'carried_out')),
	s3cols(col) AS (VALUES ('np'), ('biz'), ('research'), ('nonprofit'), ('legal'), ('other')),
	s4cols(col) AS (VALUES
		('rv_upheld'), ('rv_corrected'), ('rv_other'), ('rv_pending'),
		('ds_upheld'), ('ds_corrected'), ('ds_other'), ('ds_pending'),
		('sr_upheld'), ('sr_corrected'), ('sr_other'), ('sr_pending')),
	formats(format_id) AS (VALUES ('2019'), ('2021')),
	cells(format_id, tbl, row, col, art20) AS (
		SELECT format_id, tbl, row, col, art20 FROM s2
		UNION ALL SELECT format_id, 's3', row, col, 0 FROM s3rows, s3cols
		UNION ALL SELECT format_id, 's4', 'cases', col, 0 FROM formats, s4cols)
INSERT INTO report_values (report_id, tbl, row, col, value)
SELECT r.id, c.tbl, c.row, c.col, 0 FROM reports r JOIN cells c ON c.format_id = r.format_id
WHERE r.status = 'exported'
	AND (c.tbl NOT IN ('s3', 's4') OR c.tbl = 's3' AND r.mode3 = 'typed' OR c.tbl = 's4' AND r.mode4 = 'typed')
	AND NOT (c.art20 = 1 AND r.art20_mode = 'log')
	AND NOT EXISTS (SELECT 1 FROM report_values v WHERE v.report_id = r.id AND v.tbl = c.tbl AND v.row = c.row AND v.col = c.col);

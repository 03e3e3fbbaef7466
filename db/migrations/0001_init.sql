-- nianbao schema, version 1. Dates are yyyymmdd integers (0 = unset);
-- money is in fen.

CREATE TABLE organs (
	id        INTEGER PRIMARY KEY,
	name      TEXT NOT NULL UNIQUE,
	level     TEXT NOT NULL DEFAULT '',
	superior  TEXT NOT NULL DEFAULT '',
	office    TEXT NOT NULL DEFAULT '',
	phone     TEXT NOT NULL DEFAULT '',
	email     TEXT NOT NULL DEFAULT '',
	portal    TEXT NOT NULL DEFAULT '',
	due_month INTEGER NOT NULL DEFAULT 0,
	due_day   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE reports (
	id            INTEGER PRIMARY KEY,
	organ_id      INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	year          INTEGER NOT NULL,
	format_id     TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT 'draft',
	basis         TEXT NOT NULL DEFAULT '',
	where_text    TEXT NOT NULL DEFAULT '',
	preamble_text TEXT NOT NULL DEFAULT '',
	mode3         TEXT NOT NULL DEFAULT 'log',
	mode4         TEXT NOT NULL DEFAULT 'log',
	fee_notices   INTEGER NOT NULL DEFAULT 0,
	fee_collected INTEGER NOT NULL DEFAULT 0,
	date          INTEGER NOT NULL DEFAULT 0,
	UNIQUE (organ_id, year)
);

CREATE TABLE blocks (
	id        INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	section   INTEGER NOT NULL,
	pos       INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	level     INTEGER NOT NULL DEFAULT 0,
	text      TEXT NOT NULL DEFAULT '',
	stale     INTEGER NOT NULL DEFAULT 0,
	origin    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX blocks_report ON blocks (report_id, section, pos);

CREATE TABLE report_values (
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	tbl       TEXT NOT NULL,
	row       TEXT NOT NULL,
	col       TEXT NOT NULL,
	value     INTEGER NOT NULL,
	PRIMARY KEY (report_id, tbl, row, col)
) WITHOUT ROWID;

CREATE TABLE acks (
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	rule      TEXT NOT NULL,
	target    TEXT NOT NULL,
	reason    TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (report_id, rule, target)
) WITHOUT ROWID;

CREATE TABLE requests (
	id                INTEGER PRIMARY KEY,
	organ_id          INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	year              INTEGER NOT NULL,
	serial            INTEGER NOT NULL,
	received          INTEGER NOT NULL DEFAULT 0,
	channel           TEXT NOT NULL DEFAULT '',
	applicant         TEXT NOT NULL DEFAULT '',
	summary           TEXT NOT NULL DEFAULT '',
	correction_notice INTEGER NOT NULL DEFAULT 0,
	corrected         INTEGER NOT NULL DEFAULT 0,
	ext_approved_by   TEXT NOT NULL DEFAULT '',
	ext_notice        INTEGER NOT NULL DEFAULT 0,
	ext_days          INTEGER NOT NULL DEFAULT 0,
	excluded_days     INTEGER NOT NULL DEFAULT 0,
	outcome           TEXT NOT NULL DEFAULT '',
	answered          INTEGER NOT NULL DEFAULT 0,
	fee_method        TEXT NOT NULL DEFAULT '',
	pages             INTEGER NOT NULL DEFAULT 0,
	fee               INTEGER NOT NULL DEFAULT 0,
	fee_notice        INTEGER NOT NULL DEFAULT 0,
	fee_paid          INTEGER NOT NULL DEFAULT 0,
	notes             TEXT NOT NULL DEFAULT ''
);
-- Keyset paging walks (organ_id, year, serial); it is also the uniqueness rule.
CREATE UNIQUE INDEX requests_serial ON requests (organ_id, year, serial);
CREATE INDEX requests_applicant ON requests (organ_id, applicant, year, serial);
CREATE INDEX requests_outcome ON requests (organ_id, outcome, year, serial);
CREATE INDEX requests_open ON requests (organ_id, answered, year, serial);

-- Applicants' personal data, apart from the log so that nothing reaches it
-- unless it is joined on purpose.
CREATE TABLE request_personal (
	request_id INTEGER PRIMARY KEY REFERENCES requests(id) ON DELETE CASCADE,
	name       TEXT NOT NULL DEFAULT '',
	phone      TEXT NOT NULL DEFAULT '',
	id_number  TEXT NOT NULL DEFAULT '',
	address    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE cases (
	id       INTEGER PRIMARY KEY,
	organ_id INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	year     INTEGER NOT NULL,
	kind     TEXT NOT NULL,
	filed    INTEGER NOT NULL DEFAULT 0,
	result   TEXT NOT NULL DEFAULT '',
	summary  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_year ON cases (organ_id, year);

CREATE TABLE measures (
	id          INTEGER PRIMARY KEY,
	organ_id    INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	year        INTEGER NOT NULL,
	problem     TEXT NOT NULL DEFAULT '',
	measure     TEXT NOT NULL DEFAULT '',
	responsible TEXT NOT NULL DEFAULT '',
	due         INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL DEFAULT 'not_started',
	first_year  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX measures_year ON measures (organ_id, year);

-- channels holds the item's channels one per line.
CREATE TABLE disclosure_items (
	id           INTEGER PRIMARY KEY,
	organ_id     INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	year         INTEGER NOT NULL,
	title        TEXT NOT NULL DEFAULT '',
	published    INTEGER NOT NULL DEFAULT 0,
	category     TEXT NOT NULL DEFAULT '',
	channels     TEXT NOT NULL DEFAULT '',
	location     TEXT NOT NULL DEFAULT '',
	art20_row    TEXT NOT NULL DEFAULT '',
	art20_action TEXT NOT NULL DEFAULT ''
);
CREATE INDEX items_published ON disclosure_items (organ_id, year, published, id);
CREATE INDEX items_category ON disclosure_items (organ_id, year, category, published, id);

CREATE TABLE item_lists (
	id       INTEGER PRIMARY KEY,
	organ_id INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	kind     TEXT NOT NULL CHECK (kind IN ('category', 'channel')),
	value    TEXT NOT NULL,
	UNIQUE (organ_id, kind, value)
);

CREATE TABLE calendar_days (
	date    INTEGER PRIMARY KEY,
	workday INTEGER NOT NULL,
	name    TEXT NOT NULL DEFAULT ''
);

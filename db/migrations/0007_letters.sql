-- Version 7: letters to applicants (告知书). The organ names its 复议机关,
-- its court and its 文号 pattern (empty = the default by level); a
-- template's text may be replaced per organ; each letter written for a
-- request keeps its kind, 文号 and date (numbers run per organ and year).
ALTER TABLE organs ADD COLUMN review_organ TEXT NOT NULL DEFAULT '';
ALTER TABLE organs ADD COLUMN court TEXT NOT NULL DEFAULT '';
ALTER TABLE organs ADD COLUMN letter_pattern TEXT NOT NULL DEFAULT '';

CREATE TABLE letter_templates (
	organ_id INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	key      TEXT NOT NULL,
	title    TEXT NOT NULL DEFAULT '',
	body     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (organ_id, key)
) WITHOUT ROWID;

CREATE TABLE request_letters (
	id         INTEGER PRIMARY KEY,
	request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
	organ_id   INTEGER NOT NULL REFERENCES organs(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL,
	year       INTEGER NOT NULL,
	seq        INTEGER NOT NULL,
	number     TEXT NOT NULL,
	date       INTEGER NOT NULL,
	UNIQUE (organ_id, year, seq)
);
CREATE INDEX request_letters_request ON request_letters (request_id, kind);

-- Version 4: a trigram full-text index over the request log's summary and
-- notes (never personal data), so a text search over 50,000 entries does
-- not read every row. Kept in step with requests by triggers.
CREATE VIRTUAL TABLE requests_fts USING fts5(summary, notes, content = 'requests', content_rowid = 'id', tokenize = 'trigram');
INSERT INTO requests_fts (requests_fts) VALUES ('rebuild');

CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
	INSERT INTO requests_fts (rowid, summary, notes) VALUES (new.id, new.summary, new.notes);
END;

CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
	INSERT INTO requests_fts (requests_fts, rowid, summary, notes) VALUES ('delete', old.id, old.summary, old.notes);
END;

CREATE TRIGGER requests_fts_update AFTER UPDATE OF summary, notes ON requests BEGIN
	INSERT INTO requests_fts (requests_fts, rowid, summary, notes) VALUES ('delete', old.id, old.summary, old.notes);
	INSERT INTO requests_fts (rowid, summary, notes) VALUES (new.id, new.summary, new.notes);
END;

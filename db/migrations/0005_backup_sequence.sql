-- Version 5: a small key/value table of the store's own bookkeeping. Key
-- 'backup_seq' numbers the backups: each backup carries the next number, so
-- backups are ranked by what they hold, not by the date in their file name
-- (a PC clock that was wrong once must not make a stale backup the newest).
CREATE TABLE store_meta (
	key   TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;

// Package db is the SQLite store of nianbao: opening the database safely
// and the queries for every entity, speaking model types in and out.
//
// Files beside a database nianbao.db:
//
//	nianbao.db            the database (mode 0600)
//	nianbao.db-wal, -shm  SQLite's write-ahead log and its index (WAL mode)
//	nianbao.db.lock       the single-instance lock (flock / LockFileEx); the
//	                      OS releases it when the process ends, so a file
//	                      left by a crash never blocks the next start
//	备份/nianbao-YYYYMMDD-HHMMSS.db
//	                      backups (Options.BackupDir overrides the folder)
//	nianbao.db.replaced-YYYYMMDD-HHMMSS[-wal|-shm]
//	                      what Restore moved aside
//
// Open, in order: refuse network paths (UNC, or NFS/SMB/… mounts on
// Linux, mapped network drives on Windows); take the lock (ErrLocked when
// another copy runs); classify the file from its first 100 bytes without
// SQLite (folder, unreadable, not a database, another program's
// application_id, a newer user_version: refused with the file unaltered);
// PRAGMA quick_check and the identity pragmas through a read-only
// connection (ErrCorrupt names the newest backup that passes its own
// check); switch to WAL once, falling back to a rollback journal where WAL
// cannot work; open the single connection with journal_mode, synchronous
// FULL, foreign_keys, busy_timeout and _txlock=immediate set through the
// driver's DSN and read back by a connection hook that refuses the
// connection when one did not take; back up before migrating a database
// with data; run the embedded migrations (migrations/NNNN_*.sql, each in
// one transaction with its user_version); back up when the newest backup
// is older than a day.
//
// Every save is one short immediate transaction. Dates are stored as
// yyyymmdd integers, money in fen. Applicants' personal data lives in its
// own table, request_personal, joined only by the calls that take
// withPersonal; RequestPage and the text search never read it.
//
// Close takes a backup when anything was saved during the session (unless
// Options.NoBackup). Rotation keeps the newest 5 backups, the newest of
// each of the last 7 days and the newest of each of the last 12 months.
package db

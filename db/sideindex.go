package db

import (
	"context"
	"database/sql"

	"nianbao/model"
)

// A check of a large year reads its request log and the organ's personal
// values (rule S1's index, every year of the organ) one after the other in
// one read transaction: at 50,000 requests about 200 and 130 ms of CPU on
// one core while the other waits. sideIndex reads the personal values on a
// second read connection, on the other core, and keeps them only when they
// are what the load's own transaction would have read.
//
// Two read transactions see the same database when nothing was committed
// between their starts. PRAGMA data_version, asked on the second
// connection before the load's transaction begins (openDataVersion) and
// again after its own transaction ended, differs when any other connection
// committed in between; when it is unchanged, both transactions began on
// the same committed state. Otherwise (a save in another window at that
// moment) the values are read again inside the load's transaction, as
// before, so the result is always one snapshot.

// dataVersion is the second connection, opened before the load's
// transaction, with the data_version it saw then. nil when it could not be
// opened (the load then reads everything in its own transaction).
type dataVersion struct {
	db      *sql.DB
	conn    *sql.Conn
	version int64
}

// openDataVersion opens the second connection of a load (nil for a store
// whose reader is its writer: a journal in rollback mode).
func (s *Store) openDataVersion(ctx context.Context) *dataVersion {
	var dsn string
	switch s.journal {
	case "wal":
		dsn = dsnFor(s.path, "", true)
	case "readonly":
		dsn = dsnFor(s.file, "", true)
	default:
		return nil
	}
	d, err := openPool(dsn)
	if err != nil {
		return nil
	}
	c, err := d.Conn(ctx)
	if err != nil {
		d.Close()
		return nil
	}
	dv := &dataVersion{db: d, conn: c}
	if err := c.QueryRowContext(ctx, "PRAGMA data_version").Scan(&dv.version); err != nil {
		dv.close()
		return nil
	}
	return dv
}

func (dv *dataVersion) close() {
	if dv == nil {
		return
	}
	dv.conn.Close()
	dv.db.Close()
}

// unchanged reports whether no other connection committed since
// openDataVersion.
func (dv *dataVersion) unchanged(ctx context.Context) bool {
	var v int64
	return dv.conn.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v) == nil && v == dv.version
}

// sideIndex is the personal values being read on the second connection.
type sideIndex struct {
	dv    *dataVersion
	texts []string
	done  chan struct{}
	x     *model.PersonalIndex
	err   error
}

// startSideIndex starts reading the organ's personal values that may occur
// in texts on dv's connection. With no second connection (dv nil) it reads
// nothing; wait then reads the index in the load's own transaction.
func (s *Store) startSideIndex(ctx context.Context, organID int64, texts []string, dv *dataVersion) *sideIndex {
	if dv == nil {
		return &sideIndex{texts: texts}
	}
	si := &sideIndex{dv: dv, texts: texts, done: make(chan struct{})}
	go func() {
		defer close(si.done)
		tx, err := dv.conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			si.err = err
			return
		}
		defer tx.Rollback()
		si.x, si.err = personalIndex(ctx, tx, organID, model.NewPersonalIndexFor(texts))
	}()
	return si
}

// abandon waits for the side read to end (the load failed).
func (si *sideIndex) abandon() {
	if si != nil && si.done != nil {
		<-si.done
	}
}

// wait returns the side read's index when it read the load's snapshot, or
// reads the index in the load's own transaction tx.
func (si *sideIndex) wait(ctx context.Context, tx *sql.Tx, organID int64) (*model.PersonalIndex, error) {
	if si.done != nil {
		<-si.done
		if si.err == nil && si.dv.unchanged(ctx) {
			return si.x, nil
		}
	}
	return personalIndex(ctx, tx, organID, model.NewPersonalIndexFor(si.texts))
}

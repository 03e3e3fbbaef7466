package db

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"sync"
	"time"

	sqlite3 "modernc.org/sqlite/lib"
)

// deferredCheck is the PRAGMA quick_check that runs behind Open
// (Options.DeferCheck) on its own read-only connection.
type deferredCheck struct {
	done   chan struct{} // closed when the check (and the day's backup) ended
	err    error         // set before done is closed
	cancel context.CancelFunc
	once   sync.Once
}

// closedChan is returned by CheckDone when the check ran inside Open.
var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// startCheck runs quick_check in the background, then the row checksums
// (VerifyRows, a warning when a record changed); when both pass and the
// database existed before, the day's backup follows. Writes wait for it
// (waitCheck). Until it has passed the writer connection is also
// query_only, so a write that does not wait (a statement run outside tx)
// fails instead of touching a file that may be damaged.
func (s *Store) startCheck(openCtx context.Context, existed bool) error {
	if _, err := s.db.ExecContext(openCtx, "PRAGMA query_only = 1"); err != nil {
		return ioErr("打开数据库", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.check.done = make(chan struct{})
	s.check.cancel = cancel
	go func() {
		defer close(s.check.done)
		if s.opt.CheckAfter > 0 {
			select {
			case <-time.After(s.opt.CheckAfter):
			case <-ctx.Done():
			}
		}
		err := s.runCheck(ctx)
		if err != nil {
			if ctx.Err() != nil {
				err = newErr(ErrIO, err, "数据库已关闭，完整性检查没有做完。请重新打开年报程序。")
			}
			s.check.err = err
			return
		}
		if _, err := s.db.ExecContext(ctx, "PRAGMA query_only = 0"); err != nil {
			s.check.err = ioErr("打开数据库", err)
			return
		}
		// A byte changed inside a record passes quick_check: the row
		// checksums find it. The day's backup is then not taken, so that
		// rotation does not push out a backup holding the saved values.
		probs, err := s.verifyRowsAlone(ctx)
		if err == nil && len(probs) > 0 {
			s.warnMu.Lock()
			s.rowProbs = probs
			s.warnMu.Unlock()
			s.warn(RowProblemsMessage(s.path, probs) + "（今天没有自动备份，以免挤掉完好的备份。）")
			return
		}
		if existed && !s.opt.NoBackup {
			s.dailyBackup(ctx)
		}
	}()
	return nil
}

// verifyRowsAlone is VerifyRows on a read-only connection of its own, as
// quick_check has: the start-up check reads every summed row (seconds on
// a busy old PC), and on the long-read connection the year the clerk
// opens meanwhile, and the start screen's count of requests due soon,
// waited for all of it.
func (s *Store) verifyRowsAlone(ctx context.Context) ([]RowProblem, error) {
	d, err := openPool(dsnFor(s.path, "", true))
	if err != nil {
		return nil, ioErr("检查数据库", err)
	}
	defer d.Close()
	return s.verifyRowsOn(ctx, d)
}

// startReadOnlyCheck runs the check of every table (checkTables) in the
// background for a read-only store; its reader waits for CheckDone before
// trusting what it read.
func (s *Store) startReadOnlyCheck() {
	ctx, cancel := context.WithCancel(context.Background())
	s.check.done = make(chan struct{})
	s.check.cancel = cancel
	go func() {
		defer close(s.check.done)
		if err := s.runCheckOf(ctx, checkTables); err != nil {
			switch {
			case ctx.Err() != nil:
				err = newErr(ErrIO, err, "数据库已关闭，完整性检查没有做完。")
			case sqliteCode(err) == sqlite3.SQLITE_IOERR && walDeletedUnderWriter(s.path):
				// As Open tells it: the -wal of a running copy was deleted,
				// not a pulled stick.
				err = walDeletedReadErr(s.path, err)
			}
			s.check.err = err
		}
	}()
}

// runCheck runs PRAGMA quick_check on a read-only connection of its own and
// returns the ErrCorrupt error (naming the newest good backup) when the file
// does not pass.
func (s *Store) runCheck(ctx context.Context) error {
	return s.runCheckOf(ctx, func(ctx context.Context, path string) (inspection, error) {
		return inspectFile(ctx, path, true)
	})
}

// runCheckOf is runCheck with the given check.
func (s *Store) runCheckOf(ctx context.Context, check func(context.Context, string) (inspection, error)) error {
	st, err := check(ctx, s.path)
	if err != nil {
		var e *Error
		if errors.As(err, &e) && e.Kind == ErrNotDatabase {
			return s.corruptErr(ctx, err.Error())
		}
		return err
	}
	if !st.ok {
		return s.corruptErr(ctx, st.problem)
	}
	return nil
}

// RowProblems lists the records the check behind the start found changed
// since they were saved (VerifyRows), once CheckDone is closed.
func (s *Store) RowProblems() []RowProblem {
	s.warnMu.Lock()
	defer s.warnMu.Unlock()
	return append([]RowProblem(nil), s.rowProbs...)
}

// CheckDone is closed once the start-up integrity check has finished (at
// once when it ran inside Open). With DeferCheck the day's backup, when one
// was due, has then finished too and its warning is in Warnings.
func (s *Store) CheckDone() <-chan struct{} {
	if s.check.done == nil {
		return closedChan
	}
	return s.check.done
}

// CheckErr is the result of the start-up integrity check: nil while it
// runs or when it passed; an *Error of kind ErrCorrupt (in Chinese, naming
// the newest good backup) when the file is damaged. Every write then fails
// with this error.
func (s *Store) CheckErr() error {
	select {
	case <-s.CheckDone():
		return s.check.err
	default:
		return nil
	}
}

// waitCheck holds a write until the start-up check has passed; it returns
// the check's error when it did not.
func (s *Store) waitCheck(ctx context.Context) error {
	if s.check.done == nil {
		return nil
	}
	select {
	case <-s.check.done:
		return s.check.err
	case <-ctx.Done():
		return ioErr("保存", ctx.Err())
	}
}

// stopCheck cancels a running check and waits for it (Close).
func (s *Store) stopCheck() {
	if s.check.done == nil {
		return
	}
	s.check.once.Do(func() { s.check.cancel() })
	<-s.check.done
}

// reader returns the pool for long reads (LoadOrganYear): in WAL mode a
// read-only connection of its own, so a year's load does not hold the one
// writer connection that page queries and saves use; otherwise the writer.
func (s *Store) reader() *sql.DB {
	if s.journal != "wal" {
		return s.db
	}
	s.readOnce.Do(func() {
		d, err := openPool(dsnFor(s.path, "", true))
		if err != nil {
			return
		}
		s.rdb = d
	})
	if s.rdb == nil {
		return s.db
	}
	return s.rdb
}

// checkTables is the integrity check of a store that never writes: PRAGMA
// quick_check of each ordinary table with its indexes (the search index's
// own tables among them), on two read-only connections, one per core.
// Against the whole-file quick_check it leaves out two things, neither of
// which a reader depends on: the free-page accounting (pages never used,
// the free list), which only a writer trusts, and FTS5's comparison of the
// request search index with the requests (SQLite runs it in full for
// quick_check: half the time on a year of 50,000 requests), which only the
// search reads and which a read-only command never uses. Every page a
// reader reaches is still checked.
func checkTables(ctx context.Context, path string) (inspection, error) {
	d, err := openPool(checkDSN(path))
	if err != nil {
		return inspection{}, ioErr("检查数据库", err)
	}
	defer d.Close()
	// Both connections read one snapshot each; the store never writes, and
	// a writer elsewhere only appends to the -wal, so either snapshot is a
	// whole database.
	d.SetMaxOpenConns(2)
	d.SetMaxIdleConns(2)
	st, err := identify(ctx, d, path)
	if err != nil || !st.ok {
		return st, err
	}
	var tables []string
	rows, err := d.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table' AND rootpage > 0 ORDER BY name")
	if err != nil {
		return classifyCheck(st, path, err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return classifyCheck(st, path, err)
		}
		tables = append(tables, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return classifyCheck(st, path, err)
	}
	next := make(chan string, len(tables))
	for _, t := range tables {
		next <- t
	}
	close(next)
	var (
		mu   sync.Mutex
		msgs []string
		ferr error
		wg   sync.WaitGroup
	)
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				got, err := quickCheckTable(ctx, d, t)
				mu.Lock()
				if err != nil && ferr == nil {
					ferr = err
				}
				msgs = append(msgs, got...)
				mu.Unlock()
				if err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	if ferr != nil {
		return classifyCheck(st, path, ferr)
	}
	if len(msgs) > 0 {
		st.ok, st.problem = false, problemOf(msgs)
	}
	return st, nil
}

// quickCheckTable runs PRAGMA quick_check on one table and its indexes and
// returns what it found wrong (nothing when it says ok).
func quickCheckTable(ctx context.Context, d *sql.DB, table string) ([]string, error) {
	rows, err := d.QueryContext(ctx, `PRAGMA quick_check("`+strings.ReplaceAll(table, `"`, `""`)+`")`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var msgs []string
	for rows.Next() {
		var m string
		if err := rows.Scan(&m); err != nil {
			return nil, err
		}
		if m != "ok" {
			msgs = append(msgs, m)
		}
	}
	return msgs, rows.Err()
}

package db

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHotJournalAfterCrashInFallbackMode: a copy using the rollback-journal
// fallback dies in the middle of a transaction, leaving a hot -journal
// beside a half-written database file (captured here by copying both files
// while the transaction is open). The next start rolls the journal back
// and opens the database as it was before that transaction. (It used to be
// refused: the read-only integrity check cannot roll back a journal.)
func TestHotJournalAfterCrashInFallbackMode(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	makeDB(t, path, 500)
	setPragma(t, path, "PRAGMA journal_mode=DELETE")

	// A writer in the middle of a big transaction, with a one-page cache so
	// changed pages spill into the database file before commit.
	d, err := sql.Open("sqlite", fileURI(path, "_pragma=cache_size(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	d.SetMaxOpenConns(1)
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE requests SET summary = ? ", strings.Repeat("改", 500)); err != nil {
		t.Fatal(err)
	}
	crashed := filepath.Join(dir, "crashed", "nianbao.db")
	os.MkdirAll(filepath.Dir(crashed), 0o700)
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil {
			t.Fatalf("no %s while the transaction is open: %v", suffix, err)
		}
		if err := os.WriteFile(crashed+suffix, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tx.Rollback()
	if fi, _ := os.Stat(crashed + "-journal"); fi == nil || fi.Size() == 0 {
		t.Fatalf("the captured state has no hot journal")
	}

	old := walProbe
	walProbe = forceRollbackJournal
	defer func() { walProbe = old }()
	s, err := Open(ctx, crashed, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("open after a crash with a hot journal: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	var changed int
	s.db.QueryRowContext(ctx, "SELECT count(*) FROM requests WHERE summary LIKE '改%'").Scan(&changed)
	n, _ := s.CountRequests(ctx, RequestQuery{OrganID: 1})
	if changed != 0 || n != 500 {
		t.Fatalf("after rollback: %d requests, %d with the uncommitted change", n, changed)
	}
	if fi, err := os.Stat(crashed + "-journal"); err == nil && fi.Size() > 0 {
		t.Fatalf("hot journal still there after open")
	}
}

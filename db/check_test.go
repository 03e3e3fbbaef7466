package db

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// damagedWithBackup builds a database of n requests with one good backup,
// then overwrites a page in the middle of the file: it still opens and its
// schema reads, only quick_check finds the damage.
func damagedWithBackup(t *testing.T, n int) (path, backup string) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, n)
	s, err := Open(ctx, path, Options{NoBackup: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	backup, err = s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	damages["flipped page in the middle"](t, path)
	return path, backup
}

// TestDeferCheckDamagedRefusesWrites: a damaged file opened with
// DeferCheck opens at once; the background check fails with the ErrCorrupt
// message naming the good backup, and every write returns that error
// without a byte of the file changing.
func TestDeferCheckDamagedRefusesWrites(t *testing.T) {
	ctx := context.Background()
	path, good := damagedWithBackup(t, 2000)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("Open with DeferCheck must return before the check: %v", err)
	}
	defer s.Close()

	o := model.Organ{Name: "伊敏河镇人民政府", Level: model.LevelTownship, DueMonth: 1, DueDay: 31}
	err = s.SaveOrgan(ctx, &o)
	var e *Error
	if !errorsAs(err, &e) || e.Kind != ErrCorrupt || e.Backup != good || !strings.Contains(e.Msg, good) || !strings.Contains(e.Msg, "损坏") {
		t.Fatalf("first write on a damaged file: %v, want ErrCorrupt naming %s", err, good)
	}
	select {
	case <-s.CheckDone():
	default:
		t.Fatal("a write returned before the check finished")
	}
	if KindOf(s.CheckErr()) != ErrCorrupt {
		t.Fatalf("CheckErr = %v, want ErrCorrupt", s.CheckErr())
	}
	b := model.Block{Section: 1, Text: "本年度"}
	if err := s.SaveBlock(ctx, 1, &b); KindOf(err) != ErrCorrupt {
		t.Fatalf("SaveBlock on a damaged file: %v, want ErrCorrupt", err)
	}
	if b.ID != 0 {
		t.Fatalf("SaveBlock set an id on a refused write")
	}
	// A statement that does not wait for the check (run outside tx) is
	// refused by the connection itself.
	if _, err := s.db.ExecContext(ctx, "DELETE FROM requests"); err == nil {
		t.Fatal("a direct write went through on a file that failed its check")
	}
	s.Close()
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("the damaged file changed although every write was refused")
	}
	if fi, err := os.Stat(path + "-wal"); err == nil && fi.Size() > 0 {
		t.Fatalf("a refused write left %d bytes in the -wal", fi.Size())
	}
	// The same file without DeferCheck is refused at Open, as before.
	if _, err := Open(ctx, path, Options{NoBackup: true}); KindOf(err) != ErrCorrupt {
		t.Fatalf("Open without DeferCheck: %v, want ErrCorrupt", err)
	}
}

// TestDeferCheckReadOnly: a read-only store opened with DeferCheck returns
// at once and checks beside its reader: CheckErr names the good backup of a
// damaged file (the file unchanged), and is nil on a sound one.
func TestDeferCheckReadOnly(t *testing.T) {
	ctx := context.Background()
	path, good := damagedWithBackup(t, 2000)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Open(ctx, path, Options{ReadOnly: true, DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("read-only Open with DeferCheck must return before the check: %v", err)
	}
	<-s.CheckDone()
	var e *Error
	if err := s.CheckErr(); !errorsAs(err, &e) || e.Kind != ErrCorrupt || e.Backup != good {
		t.Fatalf("CheckErr = %v, want ErrCorrupt naming %s", err, good)
	}
	s.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the read-only check changed the damaged file")
	}
	// Without DeferCheck the read-only open refuses it, as before.
	if _, err := Open(ctx, path, Options{ReadOnly: true}); KindOf(err) != ErrCorrupt {
		t.Fatalf("read-only Open without DeferCheck: %v, want ErrCorrupt", err)
	}

	sound := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, sound, 200)
	s, err = Open(ctx, sound, Options{ReadOnly: true, DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	<-s.CheckDone()
	if err := s.CheckErr(); err != nil {
		t.Fatalf("CheckErr on a sound file: %v", err)
	}
}

// TestDeferCheckAfter: CheckAfter holds the check back; a write in the
// meantime waits for it and then goes through.
func TestDeferCheckAfter(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 200)
	t0 := time.Now()
	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true, CheckAfter: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	select {
	case <-s.CheckDone():
		t.Fatal("the check ended before CheckAfter")
	default:
	}
	o := mustOrgan(t, s, "伊敏河镇人民政府")
	if o.ID == 0 || time.Since(t0) < 300*time.Millisecond {
		t.Fatalf("the write went through %v after Open, before the held-back check", time.Since(t0))
	}
	if err := s.CheckErr(); err != nil {
		t.Fatalf("CheckErr on a sound file: %v", err)
	}
}

// TestDeferCheckHealthy: on a sound file the check passes behind Open,
// writes go through and the day's backup is taken after the check.
func TestDeferCheckHealthy(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 500)
	s, err := Open(ctx, path, Options{DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o := mustOrgan(t, s, "伊敏河镇人民政府")
	if o.ID == 0 {
		t.Fatal("organ not saved")
	}
	<-s.CheckDone()
	if err := s.CheckErr(); err != nil {
		t.Fatalf("CheckErr on a sound file: %v", err)
	}
	if _, err := s.db.ExecContext(ctx, "UPDATE organs SET phone = '0470-7654321' WHERE id = ?", o.ID); err != nil {
		t.Fatalf("a direct write after the check passed: %v", err)
	}
	list, err := ListBackups(path, s.opt)
	if err != nil || len(list) != 1 {
		t.Fatalf("the day's backup after the deferred check: %v %v", list, err)
	}
	if err := CheckBackup(ctx, list[0].Path); err != nil {
		t.Fatalf("backup: %v", err)
	}
	got, err := s.OrganByName(ctx, "伊敏河镇人民政府")
	if err != nil || got.ID != o.ID {
		t.Fatalf("saved organ: %+v %v", got, err)
	}
}

// TestDeferCheckRollbackJournalChecksAtOpen: where WAL cannot work the
// check cannot run beside the writer, so Open runs it and refuses a damaged
// file before returning.
func TestDeferCheckRollbackJournalChecksAtOpen(t *testing.T) {
	path, good := damagedWithBackup(t, 2000)
	old := walProbe
	walProbe = forceRollbackJournal
	defer func() { walProbe = old }()
	s, err := Open(context.Background(), path, Options{NoBackup: true, DeferCheck: true})
	if err == nil {
		s.Close()
		t.Fatal("a damaged file in rollback-journal mode opened")
	}
	var e *Error
	if !errorsAs(err, &e) || e.Kind != ErrCorrupt || e.Backup != good {
		t.Fatalf("Open: %v, want ErrCorrupt naming %s", err, good)
	}
}

// TestDeferCheckCloseWhileChecking: closing the store while the check runs
// waits for it and releases the file for the next open.
func TestDeferCheckCloseWhileChecking(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 2000)
	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.CheckDone():
	default:
		t.Fatal("Close returned with the check still running")
	}
	s2, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatalf("reopen after Close during the check: %v", err)
	}
	s2.Close()
}

// TestLoadOrganYearSeesEverySave: the year is read through its own
// read-only connection; a load right after a save sees it, and a load runs
// while the writer connection answers a page query.
func TestLoadOrganYearSeesEverySave(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 300)
	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	o, err := s.OrganByName(ctx, "大雁镇人民政府")
	if err != nil {
		t.Fatal(err)
	}
	oy, err := s.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil || len(oy.Requests) != 300 {
		t.Fatalf("load: %v, %d requests", err, len(oy.Requests))
	}
	q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 12, 30), Applicant: model.NaturalPerson, Summary: "申请公开年末补充材料"}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	oy, err = s.LoadOrganYear(ctx, o.ID, 2021, false)
	if err != nil || len(oy.Requests) != 301 || oy.Requests[300].Summary != "申请公开年末补充材料" {
		t.Fatalf("load after a save: %v, %d requests", err, len(oy.Requests))
	}
	// Hold a read transaction on the reader: the writer still answers.
	tx, err := s.reader().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM requests").Scan(&n); err != nil {
		t.Fatal(err)
	}
	page, err := s.RequestPage(ctx, RequestQuery{OrganID: o.ID, Year: 2021, Limit: 50})
	tx.Rollback()
	if err != nil || len(page) != 50 {
		t.Fatalf("page query beside a load: %v, %d rows", err, len(page))
	}
}

// TestDeferredCheckLeavesTheReaderFree: the start-up check (quick_check,
// then every row's checksum) reads on connections of its own, so the
// long-read connection the year's load and the start screen's counts use
// is never taken by it; a changed record is still found.
func TestDeferredCheckLeavesTheReaderFree(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	o := mustOrgan(t, s, "大雁镇人民政府")
	q := newRequest(o.ID, model.NewDate(2021, 3, 5), model.NaturalPerson, "申请公开征地补偿标准")
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err := Open(ctx, path, Options{NoBackup: true, DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	<-s.CheckDone()
	if s.CheckErr() != nil || len(s.Warnings()) != 0 {
		t.Fatalf("a sound file: %v %v", s.CheckErr(), s.Warnings())
	}
	if s.rdb != nil {
		t.Fatal("the start-up check opened the long-read connection")
	}
	s.Close()

	// A summary changed behind the store's back: the check on its own
	// connection still finds it.
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	raw.SetMaxOpenConns(1)
	for _, stmt := range []string{
		"CREATE TEMP TABLE kept AS SELECT * FROM row_sums",
		"UPDATE requests SET summary = '申请公开征地补偿标准（改）'",
		"DELETE FROM row_sums",
		"INSERT INTO row_sums SELECT * FROM kept", // the saved checksums, as bit rot leaves them
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	raw.Close()
	s, err = Open(ctx, path, Options{NoBackup: true, DeferCheck: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	<-s.CheckDone()
	if len(s.RowProblems()) != 1 || s.rdb != nil {
		t.Fatalf("the changed record was not found (%+v) or the reader was opened (%v)", s.RowProblems(), s.rdb != nil)
	}
}

// TestReadOnlyCheckFindsDamageInEveryBtree: the read-only commands' check
// (checkTables: quick_check table by table, on two connections) finds a
// damaged page in every table and index of the file, the search index's
// own tables among them, as the whole-file quick_check does.
func TestReadOnlyCheckFindsDamageInEveryBtree(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 600)
	raw, err := sql.Open("sqlite", fileURI(path, "mode=ro"))
	if err != nil {
		t.Fatal(err)
	}
	// The last page of each b-tree (a leaf, or the root of a small one).
	rows, err := raw.Query("SELECT name, max(pageno) FROM dbstat WHERE pageno > 1 GROUP BY name ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]int64{}
	for rows.Next() {
		var name string
		var page int64
		if err := rows.Scan(&name, &page); err != nil {
			t.Fatal(err)
		}
		pages[name] = page
	}
	rows.Close()
	raw.Close()
	for _, want := range []string{"requests", "request_personal", "row_sums", "requests_fts_data", "requests_fts_docsize"} {
		if _, ok := pages[want]; !ok {
			t.Fatalf("no page of %s in %v", want, pages)
		}
	}
	sound, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if st, err := checkTables(ctx, path); err != nil || !st.ok {
		t.Fatalf("a sound file: %+v %v", st, err)
	}
	damaged := 0
	for name, page := range pages {
		b := append([]byte(nil), sound...)
		for i := (page - 1) * 4096; i < page*4096; i++ {
			b[i] ^= 0x5A
		}
		p := filepath.Join(t.TempDir(), "damaged.db")
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		whole, werr := inspectFile(ctx, p, true)
		tables, terr := checkTables(ctx, p)
		if werr == nil && whole.ok {
			continue // a page the whole-file check does not see either
		}
		damaged++
		if terr == nil && tables.ok {
			t.Errorf("page %d of %s damaged: the whole-file check says %q %v, the read-only check finds nothing", page, name, whole.problem, werr)
		}
	}
	if damaged < len(pages)-2 {
		t.Fatalf("the whole-file check found only %d of %d damaged b-trees", damaged, len(pages))
	}
	t.Logf("%d b-trees, a damaged page found in %d by both checks", len(pages), damaged)
}

package db

import (
	"bytes"
	"context"
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

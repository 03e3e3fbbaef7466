//go:build !windows

package db

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Item 4 of issue 15: the lock is on the file (device and inode), not on a
// name. A database renamed while a copy of the program has it open has a
// new name and so a new lock file: a second writer came in by the new name
// and wrote beside the first, whose -wal still carries the old name.
func TestRenamedWhileOpenKeepsSecondWriterOut(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustOrgan(t, s, "大雁镇人民政府")
	renamed := filepath.Join(dir, "年报2021.db")
	if err := os.Rename(path, renamed); err != nil {
		t.Fatal(err)
	}
	if s2, err := Open(ctx, renamed, Options{NoBackup: true}); KindOf(err) != ErrLocked {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("second writer by the new name of an open database: %v, want ErrLocked", err)
	}
	backup, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := Restore(ctx, renamed, backup); KindOf(err) != ErrLocked {
		t.Fatalf("restore onto the new name of an open database: %v, want ErrLocked", err)
	}
}

// The identity lock alone, without the hard-link refusal in front of it:
// the second name of a file meets the lock the first name took, and the
// lock is free again once released.
func TestIdentityLockThroughHardLink(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "other.db")
	if err := os.Link(path, hard); err != nil {
		t.Skipf("SKIP: no hard links here (%v)", err)
	}
	release, ok := lockIdentity(path)
	if !ok {
		t.Fatal("first lock refused")
	}
	if _, ok := lockIdentity(hard); ok {
		t.Fatal("the same file by its second name was not locked")
	}
	release()
	release2, ok := lockIdentity(hard)
	if !ok {
		t.Fatal("lock not free after release")
	}
	release2()
}

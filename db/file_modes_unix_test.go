//go:build unix

package db

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"nianbao/model"
)

// TestEveryFileIsPrivate: even with a permissive umask (0), every file the
// store creates (database, -wal, -shm, lock, backups, the restored database
// and the one moved aside) is readable by its owner only, and the folders it
// creates are 0700: applicants' names and ID numbers live in them.
func TestEveryFileIsPrivate(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	ctx := context.Background()
	root := t.TempDir()
	path := filepath.Join(root, "新建文件夹", "nianbao.db")
	now := fixedNow
	opt := Options{Now: func() time.Time { return now }}
	s, err := Open(ctx, path, opt)
	if err != nil {
		t.Fatal(err)
	}
	o := mustOrgan(t, s, "大雁镇人民政府")
	q := model.Request{OrganID: o.ID, Received: model.NewDate(2021, 3, 1), Applicant: model.NaturalPerson,
		Personal: model.Personal{Name: "张三", IDNumber: "150702198506124319"}}
	if err := s.SaveRequest(ctx, &q); err != nil {
		t.Fatal(err)
	}
	b, err := s.Backup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	checkModes(t, filepath.Dir(path)) // while open: -wal and -shm exist
	now = now.Add(time.Hour)
	s.Close() // backup at clean exit
	if err := Restore(ctx, path, b); err != nil {
		t.Fatal(err)
	}
	checkModes(t, filepath.Dir(path))
}

func checkModes(t *testing.T, dir string) {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		want := fs.FileMode(0o600)
		if d.IsDir() {
			want = 0o700
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %v, want %v", p, fi.Mode().Perm(), want)
		}
		n++
		return nil
	})
	if n < 5 {
		t.Fatalf("only %d entries checked", n)
	}
}

package db

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// damage kinds a clerk's database meets: a copy cut short, a page of the
// middle overwritten (passes open and ordinary queries, caught by
// quick_check), and a file whose content is no database any more.
var damages = map[string]func(t *testing.T, path string){
	"truncated": func(t *testing.T, path string) {
		fi, _ := os.Stat(path)
		if err := os.Truncate(path, fi.Size()/2); err != nil {
			t.Fatal(err)
		}
	},
	"flipped page in the middle": func(t *testing.T, path string) {
		b, _ := os.ReadFile(path)
		mid := len(b) / 4096 / 2 * 4096
		for i := mid; i < mid+4096; i++ {
			b[i] ^= 0x5A
		}
		os.WriteFile(path, b, 0o600)
	},
	"not a database": func(t *testing.T, path string) {
		fi, _ := os.Stat(path)
		os.WriteFile(path, bytes.Repeat([]byte{0}, int(fi.Size())), 0o600)
	},
}

// TestDamageGuidesToNewestGoodBackup: for each damage the open refuses the
// file unaltered with a Chinese message naming the newest backup that
// passes its own check (the newest one is damaged too, so the one before
// it), and restoring that backup gives back its data with the damaged file
// kept aside.
func TestDamageGuidesToNewestGoodBackup(t *testing.T) {
	for name, damage := range damages {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "nianbao.db")
			makeDB(t, path, 2000)
			now := fixedNow
			opt := Options{NoBackup: true, Now: func() time.Time { return now }}
			s, err := Open(ctx, path, opt)
			if err != nil {
				t.Fatal(err)
			}
			good, err := s.Backup(ctx)
			if err != nil {
				t.Fatal(err)
			}
			mustOrgan(t, s, "伊敏河镇人民政府")
			now = now.Add(time.Hour)
			bad, err := s.Backup(ctx)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
			damages["flipped page in the middle"](t, bad)

			damage(t, path)
			err = assertRefusedUnchanged(t, path, ErrCorrupt)
			var e *Error
			if !errorsAs(err, &e) || e.Backup != good || !strings.Contains(e.Msg, good) || !strings.Contains(e.Msg, "损坏") ||
				!strings.Contains(e.Msg, "恢复") {
				t.Fatalf("the message does not guide to the newest good backup %s: %v", good, err)
			}
			if fileExists(path+"-wal") || fileExists(path+"-shm") {
				t.Fatalf("refusing the damaged file left -wal/-shm beside it")
			}
			if err := Restore(ctx, path, bad); KindOf(err) != ErrCorrupt {
				t.Fatalf("restore from the damaged backup: %v", err)
			}
			if err := Restore(ctx, path, e.Backup); err != nil {
				t.Fatalf("Restore: %v", err)
			}
			s, err = Open(ctx, path, opt)
			if err != nil {
				t.Fatalf("open after restore: %v", err)
			}
			defer s.Close()
			organs, _ := s.Organs(ctx)
			n, _ := s.CountRequests(ctx, RequestQuery{OrganID: organs[0].ID})
			if len(organs) != 1 || n != 2000 {
				t.Fatalf("restored %d organs and %d requests, want the backup's 1 and 2000", len(organs), n)
			}
			if aside, _ := filepath.Glob(path + ".replaced-*[0-9]"); len(aside) != 1 {
				t.Fatalf("damaged file not kept aside: %v", aside)
			}
		})
	}
}

// TestDamageWithoutBackupSaysSo: with no backup the message says there is
// none and what to do.
func TestDamageWithoutBackupSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nianbao.db")
	makeDB(t, path, 2000)
	damages["flipped page in the middle"](t, path)
	err := assertRefusedUnchanged(t, path, ErrCorrupt)
	var e *Error
	if !errorsAs(err, &e) || e.Backup != "" || !strings.Contains(e.Msg, "没有找到完好的备份") {
		t.Fatalf("message without a backup: %v", err)
	}
}

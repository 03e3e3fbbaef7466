package db

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/model"
)

// A daily backup that cannot be written (here: the backup folder's name is
// taken by a file, as a full or read-only disk would also fail it) must not
// keep the clerk from their data: the store opens and says why.
func TestFailedDailyBackupStillOpensWithWarning(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "nianbao.db")
	s, err := Open(ctx, path, Options{NoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	o := model.Organ{Name: "大雁镇人民政府"}
	if err := s.SaveOrgan(ctx, &o); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	blocker := filepath.Join(dir, "backups-blocked")
	if err := os.WriteFile(blocker, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, path, Options{BackupDir: blocker, Now: func() time.Time { return time.Date(2022, 1, 20, 9, 0, 0, 0, time.Local) }})
	if err != nil {
		t.Fatalf("open refused because the daily backup failed: %v", err)
	}
	defer s.Close()
	ws := s.Warnings()
	if len(ws) != 1 || !strings.Contains(ws[0], "自动备份没有成功") || strings.Contains(ws[0], "。。") {
		t.Fatalf("warnings = %q, want one Chinese note about the failed backup", ws)
	}
	if _, err := s.OrganByName(ctx, "大雁镇人民政府"); err != nil {
		t.Fatalf("data not usable after a failed backup: %v", err)
	}
}

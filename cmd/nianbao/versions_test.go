package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
	"nianbao/demo"
)

// TestNewerDatabaseRefusedUnaltered: a database written by a newer version
// of the program (a higher schema number) is refused by every command with
// a Chinese message, and not a byte of it (nor a -wal beside it) changes.
func TestNewerDatabaseRefusedUnaltered(t *testing.T) {
	p := demoDB(t)
	d, err := sql.Open("sqlite", p)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{"PRAGMA journal_mode=DELETE", "PRAGMA user_version = 999"} {
		if _, err := d.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	before, _ := os.ReadFile(p)
	backupsBefore, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "备份", "*"))
	for _, args := range [][]string{
		{"--db", p}, {"info", "--db", p}, {"backup", "--db", p}, {"demo", "--db", p, "--force"},
		{"check", "--organ", demo.OrganName, "--year", "2021", "--db", p},
	} {
		r := runOK(t, exitUsage, args...)
		if !strings.Contains(r.stderr, "更新版本") {
			t.Errorf("%v: want the newer-version message, got %q", args, r.stderr)
		}
	}
	after, _ := os.ReadFile(p)
	if !bytes.Equal(before, after) {
		t.Fatalf("the newer database was altered")
	}
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Stat(p + side); err == nil {
			t.Errorf("a %s file was left beside the refused database", side)
		}
	}
	if backups, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "备份", "*")); len(backups) != len(backupsBefore) {
		t.Errorf("backups written of a refused database: %v", backups)
	}
}

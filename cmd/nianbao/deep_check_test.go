package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"strings"
	"testing"

	_ "modernc.org/sqlite"

	"nianbao/db"
	"nianbao/demo"
)

// TestDeepCheckFindsChangedDigit changes one digit of an applicant's ID
// number inside the demo database (the file stays a sound SQLite file):
// `check` alone cannot see it, `check --deep` exits 2 naming the request
// and the backup that still holds the saved number.
func TestDeepCheckFindsChangedDigit(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitOK, "backup", "--db", p)
	raw, err := sql.Open("sqlite", "file:"+p+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var id string
	err = raw.QueryRowContext(context.Background(), "SELECT id_number FROM request_personal WHERE length(id_number) = 18 ORDER BY request_id LIMIT 1").Scan(&id)
	raw.Close()
	if err != nil {
		t.Fatalf("no ID number in the demo: %v", err)
	}
	b, _ := os.ReadFile(p)
	if n := bytes.Count(b, []byte(id)); n != 1 {
		t.Fatalf("ID number %s is %d times in the file", id, n)
	}
	digit := byte('1')
	if id[7] == '1' {
		digit = '2'
	}
	changed := id[:7] + string(digit) + id[8:]
	os.WriteFile(p, bytes.Replace(b, []byte(id), []byte(changed), 1), 0o600)

	plain := runBin(t, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	if plain.code == exitUsage || strings.Contains(plain.stdout+plain.stderr, "不一致") {
		t.Fatalf("plain check already sees the changed digit: %d %s", plain.code, plain.stderr)
	}
	list, err := db.ListBackups(p, db.Options{})
	if err != nil || len(list) == 0 {
		t.Fatalf("backups: %v %v (%s)", list, err, r.stdout)
	}
	for _, args := range [][]string{{"check", "--deep", "--db", p}, {"check", "--deep", "--organ", demo.OrganName, "--year", "2021", "--db", p}} {
		d := runOK(t, exitUsage, args...)
		if !strings.Contains(d.stderr, "与保存时不一致") || !strings.Contains(d.stderr, "个人信息") || !strings.Contains(d.stderr, list[0].Path) {
			t.Fatalf("%v: stderr %q does not name the record and the backup %s", args, d.stderr, list[0].Path)
		}
	}
	// The backup named holds the saved number; restoring it passes --deep.
	runOK(t, exitOK, "restore", "--from", list[0].Path, "--db", p)
	ok := runOK(t, exitOK, "check", "--deep", "--db", p)
	if !strings.Contains(ok.stdout, "核对通过") {
		t.Fatalf("after restore: %q", ok.stdout)
	}
}

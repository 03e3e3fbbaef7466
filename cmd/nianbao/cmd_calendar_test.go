package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A year after the built-in data lists the computed statutory holidays with
// the missing-year warning; a notice typed into a text file is imported at
// once and replaces them; a file with a bad line imports nothing.
func TestCalendarCommand(t *testing.T) {
	p := demoDB(t)
	r := runOK(t, exitOK, "calendar", "list", "--db", p, "--year", "2027")
	if !strings.Contains(r.stdout, "2027年的国务院节假日安排尚未录入") || !strings.Contains(r.stdout, "2027-02-06 休 春节（推算）") {
		t.Errorf("list before import:\n%s", r.stdout)
	}
	dir := t.TempDir()
	good := filepath.Join(dir, "2027.txt")
	os.WriteFile(good, []byte("# 国务院办公厅关于2027年部分节假日安排的通知\n2027-01-01 休 元旦\n2027-02-05 至 2027-02-11 休 春节\n2027-02-14 班 春节调休上班\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("2027-10-01 休 国庆节\n2027-10-08 放 国庆节\n"), 0o644)

	r = runBin(t, "calendar", "import", "--db", p, bad)
	wantExit(t, r, exitUsage)
	if !strings.Contains(r.stderr, "第 2 行「2027-10-08 放 国庆节」") {
		t.Errorf("bad file: %s", r.stderr)
	}
	r = runOK(t, exitOK, "calendar", "import", "--db", p, good)
	if !strings.Contains(r.stdout, "已导入 9 天（2027年）") {
		t.Errorf("import: %s", r.stdout)
	}
	r = runOK(t, exitOK, "calendar", "list", "--db", p, "--year", "2027")
	if strings.Contains(r.stdout, "尚未录入") || !strings.Contains(r.stdout, "2027-02-14 班 春节调休上班（录入）") || strings.Contains(r.stdout, "2027-10-01 休 国庆节（录入）") {
		t.Errorf("list after import:\n%s", r.stdout)
	}
	wantExit(t, runBin(t, "calendar", "list", "--db", p), exitUsage)
	wantExit(t, runBin(t, "calendar", "remove", "--db", p), exitUsage)
}

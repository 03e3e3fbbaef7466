//go:build !windows

package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Item 3 of issue 15 in the real workstation: the -wal deleted while it
// runs. The next paragraph save is refused on the status line naming the
// -wal, the database file alone then holds the save before the deletion
// (a kill loses nothing acknowledged), `check` run meanwhile names the
// -wal instead of a pulled stick, and saving again lands.
func TestDeletedWALInTheWorkstation(t *testing.T) {
	needTmux(t)
	p := demoDB(t)
	w := startWorkstation(t, p)
	defer w.kill()
	if !w.openSection1() || !w.typeEdit("删除日志前的修改") || !w.wait("已保存") {
		t.Fatalf("first edit:\n%s", w.screen())
	}
	if err := os.Remove(p + "-wal"); err != nil {
		t.Fatal(err)
	}
	c := runBin(t, "check", "--organ", "大雁镇人民政府", "--year", "2021", "--db", p)
	if !strings.Contains(c.stderr, filepath.Base(p)+"-wal") || strings.Contains(c.stderr, "拔出") {
		t.Fatalf("check beside the workstation: exit %d, %q", c.code, c.stderr)
	}
	if !w.typeEdit("删除日志后的修改") || !w.wait(filepath.Base(p)+"-wal") {
		t.Fatalf("the save after the deletion was not refused on screen:\n%s", w.screen())
	}
	// A kill now leaves the database file alone: it holds the first edit.
	raw, err := sql.Open("sqlite", "file:"+filepath.ToSlash(p)+"?mode=ro&immutable=1")
	if err != nil {
		t.Fatal(err)
	}
	var n int
	raw.QueryRow("SELECT count(*) FROM blocks WHERE instr(text, '删除日志前的修改') > 0").Scan(&n)
	raw.Close()
	if n != 1 {
		t.Fatalf("the database file alone holds the acknowledged edit %d times, want 1", n)
	}
	if !w.typeEdit("再保存一次") || !w.wait("已保存") {
		t.Fatalf("saving again:\n%s", w.screen())
	}
}

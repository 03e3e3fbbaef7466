package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"nianbao/demo"
)

// TestCorruptDatabaseGuidesRestore damages the demo database after a
// backup (a page in the middle overwritten): the program refuses to open
// it, says in Chinese that it is damaged and prints the exact restore
// command for the newest good backup; running that command brings the
// reports back and keeps the damaged file aside.
func TestCorruptDatabaseGuidesRestore(t *testing.T) {
	p := demoDB(t)
	runOK(t, exitOK, "backup", "--db", p)
	b := damageMiddle(t, p)
	for _, args := range [][]string{{"info", "--db", p}, {"check", "--organ", demo.OrganName, "--year", "2021", "--db", p}} {
		r := runOK(t, exitUsage, args...)
		if !strings.Contains(r.stderr, "损坏") || !strings.Contains(r.stderr, "nianbao restore --from") {
			t.Fatalf("%v: no guided restore in %q", args, r.stderr)
		}
	}
	after, _ := os.ReadFile(p)
	if string(after) != string(b) {
		t.Fatalf("the damaged database was altered by the refused opens")
	}
	r := runBin(t, "info", "--db", p)
	m := regexp.MustCompile(`nianbao restore --from "([^"]+)" --db "([^"]+)"`).FindStringSubmatch(r.stderr)
	if m == nil {
		t.Fatalf("restore command not found in %q", r.stderr)
	}
	runOK(t, exitOK, "restore", "--from", m[1], "--db", m[2])
	runOK(t, exitOK, "check", "--organ", demo.OrganName, "--year", "2021", "--db", p)
	if aside, _ := filepath.Glob(p + ".replaced-*[0-9]"); len(aside) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", aside)
	}
}

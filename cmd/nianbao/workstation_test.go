package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

// damageMiddle overwrites a page in the middle of the database at p (it
// still opens; only the integrity check finds it) and returns the bytes.
func damageMiddle(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	mid := len(b) / 4096 / 2 * 4096
	for i := mid; i < mid+4096; i++ {
		b[i] ^= 0x5A
	}
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestWorkstationDamagedWithoutTerminal: without a terminal the workstation
// waits for its deferred check and refuses a damaged file with the restore
// command, leaving it unaltered.
func TestWorkstationDamagedWithoutTerminal(t *testing.T) {
	p := demoDB(t)
	runOK(t, exitOK, "backup", "--db", p)
	b := damageMiddle(t, p)
	r := runOK(t, exitUsage, "--db", p)
	if !strings.Contains(r.stderr, "损坏") || !strings.Contains(r.stderr, "nianbao restore --from") || strings.Contains(r.stdout, "收到申请") {
		t.Fatalf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(p); string(after) != string(b) {
		t.Fatal("the damaged database was altered")
	}
}

// TestWorkstationDamagedInTmux: the real workstation on a terminal opens a
// damaged file at once, then shows the blocking notice with the restore
// command when its check fails; keys change nothing and q quits.
func TestWorkstationDamagedInTmux(t *testing.T) {
	needTmux(t)
	p := demoDB(t)
	runOK(t, exitOK, "backup", "--db", p)
	b := damageMiddle(t, p)
	term := startTmux(t, "damaged-test", 180, 40, p, "2>/dev/null")
	if screen, ok := term.waitScreen(func(s string) bool {
		return strings.Contains(s, "数据库已损坏") && strings.Contains(s, "nianbao restore --from")
	}); !ok {
		t.Fatalf("no damaged-database notice:\n%s", screen)
	}
	term.keys("n", "Enter", "Down", "Enter")
	time.Sleep(300 * time.Millisecond)
	if screen := term.screen(); !strings.Contains(screen, "数据库已损坏") {
		t.Fatalf("the notice went away after keys:\n%s", screen)
	}
	term.keys("q")
	code, ok := term.waitExit()
	if !ok {
		t.Fatalf("q did not quit:\n%s", term.screen())
	}
	if code == "0" {
		t.Error("the workstation on a damaged database exited with 0")
	}
	if after, _ := os.ReadFile(p); string(after) != string(b) {
		t.Fatal("the damaged database was altered")
	}
}

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed")
	}
	p := demoDB(t)
	runOK(t, exitOK, "backup", "--db", p)
	b := damageMiddle(t, p)
	session := fmt.Sprintf("nianbao-damaged-test-%d", os.Getpid())
	sock := filepath.Join(t.TempDir(), "tmux.sock")
	tmux := func(args ...string) (string, error) {
		out, err := exec.Command("tmux", append([]string{"-S", sock}, args...)...).CombinedOutput()
		return string(out), err
	}
	done := filepath.Join(t.TempDir(), "exit-code")
	shell := fmt.Sprintf("RUNEWIDTH_EASTASIAN=0 %q --db %q 2>/dev/null; echo $? > %q", bin, p, done)
	if out, err := tmux("new-session", "-d", "-s", session, "-x", "180", "-y", "40", shell); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	defer tmux("kill-server")
	waitFor := func(what func() bool) bool {
		for i := 0; i < 100; i++ {
			if what() {
				return true
			}
			time.Sleep(100 * time.Millisecond)
		}
		return false
	}
	var screen string
	if !waitFor(func() bool {
		screen, _ = tmux("capture-pane", "-p", "-t", session)
		return strings.Contains(screen, "数据库已损坏") && strings.Contains(screen, "nianbao restore --from")
	}) {
		t.Fatalf("no damaged-database notice:\n%s", screen)
	}
	tmux("send-keys", "-t", session, "n", "Enter", "Down", "Enter")
	time.Sleep(300 * time.Millisecond)
	screen, _ = tmux("capture-pane", "-p", "-t", session)
	if !strings.Contains(screen, "数据库已损坏") {
		t.Fatalf("the notice went away after keys:\n%s", screen)
	}
	tmux("send-keys", "-t", session, "q")
	if !waitFor(func() bool { _, err := os.Stat(done); return err == nil }) {
		screen, _ = tmux("capture-pane", "-p", "-t", session)
		t.Fatalf("q did not quit:\n%s", screen)
	}
	if code, _ := os.ReadFile(done); strings.TrimSpace(string(code)) == "0" {
		t.Error("the workstation on a damaged database exited with 0")
	}
	if after, _ := os.ReadFile(p); string(after) != string(b) {
		t.Fatal("the damaged database was altered")
	}
}

//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSecondBinaryRefusedAndKilledCopyDoesNotBlock: while one nianbao
// writes (a large demo), a second nianbao is refused with a Chinese message;
// after the first is killed with SIGKILL its lock file stays behind, yet the
// next start opens the database (quick_check passes) and writes.
func TestSecondBinaryRefusedAndKilledCopyDoesNotBlock(t *testing.T) {
	p := filepath.Join(t.TempDir(), "年报.db")
	home := t.TempDir()
	first := exec.Command(bin, "demo", "--db", p, "--requests", "50000")
	first.Env = append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"))
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	// Wait until the first copy is writing (its -wal grows); probing with
	// an open of our own would race it for the lock.
	deadline := time.Now().Add(20 * time.Second)
	for {
		if fi, err := os.Stat(p + "-wal"); err == nil && fi.Size() > 256<<10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the first copy never started writing")
		}
		time.Sleep(5 * time.Millisecond)
	}
	r := runOK(t, exitUsage, "backup", "--db", p)
	if !strings.Contains(r.stderr, "另一个年报程序") {
		t.Fatalf("second copy: %q", r.stderr)
	}
	time.Sleep(300 * time.Millisecond) // let it write for a while
	first.Process.Signal(syscall.SIGKILL)
	err := first.Wait()
	if ws, ok := first.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Skipf("the demo finished before the kill (%v); nothing to prove", err)
	}
	if _, err := os.Stat(p + ".lock"); err != nil {
		t.Fatalf("the killed copy left no lock file: %v", err)
	}
	r = runOK(t, exitOK, "backup", "--db", p)
	if !strings.Contains(r.stdout, "已备份到") {
		t.Fatalf("backup after the kill: %q", r.stdout)
	}
	runOK(t, exitOK, "demo", "--db", p)
	runOK(t, exitOK, "info", "--db", p)
}

//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Item 16: closing the terminal window (SIGHUP) or a SIGTERM ends the
// workstation like a quit: the edit is kept, the close-time backup is
// written and the lock is released.
func TestHangupAndTermEndLikeAQuit(t *testing.T) {
	needTmux(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			p := demoDB(t)
			backups := func() int {
				m, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "备份", "*.db"))
				return len(m)
			}
			before := backups()
			w := startWorkstation(t, p)
			if !w.openSection1() || !w.typeEdit("信号前的修改") {
				t.Fatalf("could not edit section 一:\n%s", w.screen())
			}
			if !w.wait("已保存") {
				t.Fatalf("edit not saved:\n%s", w.screen())
			}
			syscall.Kill(w.pid, sig)
			gone := false
			for i := 0; i < 500 && !gone; i++ {
				gone = syscall.Kill(w.pid, 0) != nil
				time.Sleep(20 * time.Millisecond)
			}
			if !gone {
				w.kill()
				t.Fatalf("the workstation did not end on %v", sig)
			}
			if after := backups(); after != before+1 {
				t.Fatalf("%v: %d backups before, %d after: no close-time backup", sig, before, after)
			}
			r := runOK(t, exitOK, "info", "--db", p) // the lock is free again
			if strings.Contains(r.stderr, "另一个年报程序") {
				t.Fatalf("lock still held: %s", r.stderr)
			}
		})
	}
}

func TestQuitSignalsPerSystem(t *testing.T) {
	has := func(goos string, s os.Signal) bool {
		for _, x := range quitSignalsFor(goos) {
			if x == s {
				return true
			}
		}
		return false
	}
	// Go delivers the console close, logoff and shutdown events to a
	// program that asks for SIGTERM on Windows.
	if !has("windows", syscall.SIGTERM) || !has("windows", os.Interrupt) {
		t.Fatal("Windows: the console close event (SIGTERM) is not handled")
	}
	if !has("linux", syscall.SIGHUP) || !has("linux", syscall.SIGTERM) || !has("darwin", syscall.SIGHUP) {
		t.Fatal("Unix: SIGHUP or SIGTERM not handled")
	}
}

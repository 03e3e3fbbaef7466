//go:build !windows

package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"nianbao/db"
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
			w.endBy(sig)
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

// Item 16: text typed into the field being edited, not yet saved when the
// terminal closes (SIGHUP) or SIGTERM arrives, is saved as leaving the
// field would save it, before the close-time backup.
func TestSignalSavesTheFieldBeingTyped(t *testing.T) {
	needTmux(t)
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			p := demoDB(t)
			w := startWorkstation(t, p)
			defer w.tmux("kill-server")
			if !w.openSection1() {
				t.Fatalf("could not open section 一:\n%s", w.screen())
			}
			w.keys("Enter")
			if !w.wait("esc 结束编辑") {
				t.Fatalf("the paragraph did not open:\n%s", w.screen())
			}
			typed := "关闭终端时还没保存的一句话"
			w.text(typed)
			if !w.wait("未保存") {
				t.Fatalf("typing not registered:\n%s", w.screen())
			}
			w.endBy(sig)
			var st crashStats
			checkAfterKill(t, p, filepath.Dir(p), t.TempDir(), []string{typed}, "", &st, 1, sig.String())
			list, err := db.ListBackups(p, db.Options{})
			if err != nil || len(list) == 0 {
				t.Fatalf("no backup after %v: %v", sig, err)
			}
			raw, err := sql.Open("sqlite", "file:"+list[0].Path+"?mode=ro")
			if err != nil {
				t.Fatal(err)
			}
			defer raw.Close()
			var n int
			raw.QueryRow("SELECT count(*) FROM blocks WHERE instr(text, ?) > 0", typed).Scan(&n)
			if n != 1 {
				t.Fatalf("the close-time backup %s holds the typed text %d times, want 1", list[0].Path, n)
			}
		})
	}
}

// endBy sends sig to the workstation and waits up to 10 s for it to end.
func (w *wsTerm) endBy(sig syscall.Signal) {
	w.t.Helper()
	syscall.Kill(w.pid, sig)
	for i := 0; i < 500; i++ {
		if syscall.Kill(w.pid, 0) != nil {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	w.kill()
	w.t.Fatalf("the workstation did not end on %v", sig)
}

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

// needTmux skips a test that drives the real workstation when tmux is not
// installed.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("SKIP: tmux not installed (apt-get install tmux)")
	}
}

// tmuxTerm is the built workstation running on a detached tmux terminal of
// its own (own socket), stopped when the test ends.
type tmuxTerm struct {
	t       *testing.T
	sock    string
	session string
	done    string // the shell writes the program's exit code here
}

// startTmux runs `nianbao --db dbPath` with redirect appended (e.g.
// "2>/dev/null") on a w×h terminal.
func startTmux(t *testing.T, name string, w, h int, dbPath, redirect string) *tmuxTerm {
	t.Helper()
	m := &tmuxTerm{t: t, sock: filepath.Join(t.TempDir(), "tmux.sock"),
		session: fmt.Sprintf("nianbao-%s-%d", name, os.Getpid()), done: filepath.Join(t.TempDir(), "exit-code")}
	shell := fmt.Sprintf("RUNEWIDTH_EASTASIAN=0 %q --db %q %s; echo $? > %q", bin, dbPath, redirect, m.done)
	if out, err := m.tmux("new-session", "-d", "-s", m.session, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), shell); err != nil {
		t.Fatalf("tmux: %v %s", err, out)
	}
	t.Cleanup(func() { m.tmux("kill-server") })
	return m
}

func (m *tmuxTerm) tmux(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", m.sock}, args...)...).CombinedOutput()
	return string(out), err
}

// screen is the terminal's text now.
func (m *tmuxTerm) screen() string {
	s, _ := m.tmux("capture-pane", "-p", "-t", m.session)
	return s
}

// keys sends tmux key names ("q", "Enter", "Down").
func (m *tmuxTerm) keys(keys ...string) {
	m.tmux(append([]string{"send-keys", "-t", m.session}, keys...)...)
}

// waitFor polls what for up to ten seconds.
func waitFor(what func() bool) bool {
	for i := 0; i < 100; i++ {
		if what() {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// waitScreen waits until the screen satisfies ok and returns it (the last
// screen seen when it never did).
func (m *tmuxTerm) waitScreen(ok func(screen string) bool) (string, bool) {
	var s string
	found := waitFor(func() bool { s = m.screen(); return ok(s) })
	return s, found
}

// waitExit waits for the program to end and returns its exit code.
func (m *tmuxTerm) waitExit() (string, bool) {
	if !waitFor(func() bool { _, err := os.Stat(m.done); return err == nil }) {
		return "", false
	}
	b, _ := os.ReadFile(m.done)
	return strings.TrimSpace(string(b)), true
}

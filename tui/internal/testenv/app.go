package testenv

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
)

// OpenStore opens (or creates) the database at path with its clock at now
// and no backups, and closes it when the test ends.
func OpenStore(t testing.TB, path string, now time.Time) *desk.Store {
	t.Helper()
	st, err := desk.Open(context.Background(), path, desk.Options{NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Program drives a whole program (the workstation's root model)
// synchronously: every command runs at once, depth first, and its messages
// are fed back, as the event loop would deliver them. Frame returns what
// the program shows now.
type Program struct {
	T     testing.TB
	Model tea.Model
	Frame func() string
	// Hold, when set, keeps back the messages it is true for, as if their
	// commands were still running: they wait in Held until Release.
	Hold func(tea.Msg) bool
	Held []tea.Msg
}

// Release delivers the held messages in the order they came.
func (p *Program) Release() {
	p.T.Helper()
	held := p.Held
	p.Held = nil
	for _, msg := range held {
		p.Send(msg)
	}
}

// Send passes a message and runs what it leads to.
func (p *Program) Send(msg tea.Msg) {
	p.T.Helper()
	var cmd tea.Cmd
	p.Model, cmd = p.Model.Update(msg)
	p.Run(cmd)
}

// Run runs a command and feeds its messages back; a quit ends the run.
func (p *Program) Run(cmd tea.Cmd) {
	p.T.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if _, ok := msg.(tea.QuitMsg); ok {
		return
	}
	if cmds, ok := Cmds(msg); ok {
		for _, c := range cmds {
			p.Run(c)
		}
		return
	}
	if p.Hold != nil && p.Hold(msg) {
		p.Held = append(p.Held, msg)
		return
	}
	p.Send(msg)
}

// Keys sends keys by name (see Key).
func (p *Program) Keys(names ...string) {
	p.T.Helper()
	for _, n := range names {
		p.Send(Key(n))
	}
}

// Type sends text as an input method delivers it: one key with the text.
func (p *Program) Type(s string) {
	p.T.Helper()
	p.Send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s})
}

// MustSee fails the test unless the frame shows every text.
func (p *Program) MustSee(want ...string) {
	p.T.Helper()
	s := p.Frame()
	for _, w := range want {
		if !strings.Contains(s, w) {
			p.T.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

// MustNotSee fails the test if the frame shows any of the texts.
func (p *Program) MustNotSee(not ...string) {
	p.T.Helper()
	s := p.Frame()
	for _, n := range not {
		if strings.Contains(s, n) {
			p.T.Fatalf("screen shows %q:\n%s", n, s)
		}
	}
}

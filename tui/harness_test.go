package tui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/narrative"
)

// harness drives the App through testenv.Program: every command runs at
// once and its messages are fed back, as the program would.
type harness struct {
	t   *testing.T
	app *App
	st  *desk.Store
	dir string
	p   *testenv.Program
}

var fixedNow = time.Date(2022, 1, 10, 9, 30, 0, 0, time.UTC)

// openStore opens the database at path with the tests' fixed clock; it is
// closed when the test ends.
func openStore(t *testing.T, path string) *desk.Store { return testenv.OpenStore(t, path, fixedNow) }

// newHarness opens an empty store on a w×h terminal.
func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	dir := t.TempDir()
	return appHarness(t, openStore(t, filepath.Join(dir, "nianbao.db")), dir, w, h)
}

// appHarness starts the workstation over st on a w×h terminal, with the
// tests' date and clock.
func appHarness(t *testing.T, st *desk.Store, dir string, w, h int) *harness {
	t.Helper()
	narrative.AutosaveDelay = time.Millisecond
	a := New(context.Background(), st, Options{Today: model.NewDate(2022, 1, 10), Now: func() time.Time { return fixedNow }, NoAltScreen: true})
	hs := &harness{t: t, app: a, st: st, dir: dir}
	hs.p = &testenv.Program{T: t, Model: a, Frame: hs.screen}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(a.Init())
	return hs
}

func (h *harness) send(msg tea.Msg) { h.t.Helper(); h.p.Send(msg) }

func (h *harness) run(cmd tea.Cmd) { h.t.Helper(); h.p.Run(cmd) }

// key sends keys by name ("enter", "tab", "ctrl+s", "a").
func (h *harness) key(names ...string) { h.t.Helper(); h.p.Keys(names...) }

// keyMsg builds a key press from its name ("enter", "ctrl+s", "a").
func keyMsg(n string) tea.KeyPressMsg { return testenv.Key(n) }

// typeText types text as an input method would deliver it.
func (h *harness) typeText(s string) { h.t.Helper(); h.p.Type(s) }

// screen is the frame the app shows now.
func (h *harness) screen() string {
	h.app.View()
	return h.app.LastFrame()
}

func (h *harness) mustSee(want ...string) { h.t.Helper(); h.p.MustSee(want...) }

func (h *harness) mustNotSee(not ...string) { h.t.Helper(); h.p.MustNotSee(not...) }

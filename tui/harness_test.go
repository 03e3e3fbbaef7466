package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/db"
	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/narrative"
)

// harness drives the App's Update synchronously: every command runs at
// once and its messages are fed back, as the program would.
type harness struct {
	t   *testing.T
	app *App
	st  *db.Store
	dir string
}

var fixedNow = time.Date(2022, 1, 10, 9, 30, 0, 0, time.UTC)

func openStore(t *testing.T, path string) *db.Store {
	t.Helper()
	st, err := db.Open(context.Background(), path, db.Options{NoBackup: true, Now: func() time.Time { return fixedNow }})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	return st
}

func newHarness(t *testing.T, w, h int) *harness {
	t.Helper()
	narrative.AutosaveDelay = time.Millisecond
	dir := t.TempDir()
	st := openStore(t, filepath.Join(dir, "nianbao.db"))
	t.Cleanup(func() { st.Close() })
	a := New(context.Background(), &desk.Store{Store: st}, Options{Today: model.NewDate(2022, 1, 10), Now: func() time.Time { return fixedNow }, NoAltScreen: true})
	hs := &harness{t: t, app: a, st: st, dir: dir}
	hs.send(tea.WindowSizeMsg{Width: w, Height: h})
	hs.run(a.Init())
	return hs
}

func (h *harness) send(msg tea.Msg) {
	h.t.Helper()
	_, cmd := h.app.Update(msg)
	h.run(cmd)
}

func (h *harness) run(cmd tea.Cmd) {
	h.t.Helper()
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
	if cmds, ok := testenv.Cmds(msg); ok {
		for _, c := range cmds {
			h.run(c)
		}
		return
	}
	h.send(msg)
}

// key sends one key by its name ("enter", "tab", "ctrl+s", "a").
func (h *harness) key(names ...string) {
	h.t.Helper()
	for _, n := range names {
		h.send(keyMsg(n))
	}
}

// keyMsg builds a key press from its name ("enter", "ctrl+s", "a").
func keyMsg(n string) tea.KeyPressMsg { return testenv.Key(n) }

// typeText types text as an input method would deliver it.
func (h *harness) typeText(s string) {
	h.t.Helper()
	h.send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s})
}

func (h *harness) screen() string {
	v := h.app.View()
	_ = v
	return h.app.LastFrame()
}

func (h *harness) mustSee(want ...string) {
	h.t.Helper()
	s := h.screen()
	for _, w := range want {
		if !strings.Contains(s, w) {
			h.t.Fatalf("screen lacks %q:\n%s", w, s)
		}
	}
}

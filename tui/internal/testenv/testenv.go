// Package testenv builds a real store and an open organ-year for screen
// tests, and runs a screen's commands synchronously as the program would.
package testenv

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"nianbao/demo"
	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
)

// Now is the fixed clock of screen tests.
var Now = time.Date(2022, 1, 10, 9, 30, 0, 0, time.UTC)

// Env is a store in t.TempDir() with one organ and one report open.
type Env struct {
	T     *testing.T
	C     *common.Common
	Store *desk.Store
	Path  string
}

// New creates the store, an organ (a township) and its report for year,
// and opens it in a Common, as the app does after OpenMsg.
func New(t *testing.T, year int) *Env {
	t.Helper()
	c := Open(t, Now, &model.OrganYear{
		Organ:  model.Organ{Name: "大雁镇人民政府", Level: model.LevelTownship, Office: "大雁镇党政综合办公室", Phone: "0470-1234567"},
		Report: model.NewReport(0, year),
	})
	c.Width, c.Height = 80, 24
	e := &Env{T: t, C: c, Store: c.Store.(*desk.Store), Path: c.Store.Path()}
	e.Recheck()
	return e
}

// Demo stores the demo organ's year (its request log with personal data)
// and opens it on an 80×24 screen.
func Demo(t *testing.T, year int) *Env {
	t.Helper()
	var oy *model.OrganYear
	for _, y := range demo.Build() {
		if y.Report.Year == year {
			oy = y
		}
	}
	if oy == nil {
		t.Fatalf("the demo has no year %d", year)
	}
	c := Open(t, Now, oy)
	c.Width, c.Height = 80, 24
	e := &Env{T: t, C: c, Store: c.Store.(*desk.Store), Path: c.Store.Path()}
	e.Recheck()
	return e
}

// Reload loads the organ-year from the store into Common and rechecks it.
func (e *Env) Reload() {
	e.T.Helper()
	Reload(e.T, e.C)
	e.Recheck()
}

// Recheck makes a new snapshot of the organ-year in Common (after a test
// changed it directly), computing its findings again.
func (e *Env) Recheck() {
	if e.C.OrganYear() != nil {
		e.C.SetYear(desk.Snapshot(e.C.OrganYear(), e.C.Calendar, e.C.Today))
	}
}

// Screen drives one screen.
type Screen struct {
	Env *Env
	S   common.Screen
	// Out collects the messages meant for the app (GoTo, Push, Back, …).
	Out []tea.Msg
}

// Drive wraps a screen.
func (e *Env) Drive(s common.Screen) *Screen {
	d := &Screen{Env: e, S: s}
	d.Run(s.Init())
	return d
}

// Send passes a message and runs the resulting commands.
func (d *Screen) Send(msg tea.Msg) {
	d.Env.T.Helper()
	var cmd tea.Cmd
	d.S, cmd = d.S.Update(msg)
	d.Run(cmd)
}

// Run runs a command and feeds its messages back; saves recheck the
// findings first, as the app does.
func (d *Screen) Run(cmd tea.Cmd) {
	d.Env.T.Helper()
	if cmd == nil {
		return
	}
	msg := cmd()
	if msg == nil {
		return
	}
	if cmds, ok := Cmds(msg); ok {
		for _, c := range cmds {
			d.Run(c)
		}
		return
	}
	switch m := msg.(type) {
	case common.SaveFailedMsg:
		d.Env.T.Fatalf("save failed: %v", m.Err)
	case common.DialogMsg, common.CloseDialogMsg:
		var next tea.Cmd
		d.S, next, _ = DialogStep(d.Env.C, d.S, m)
		d.Run(next)
		return
	case common.GoToMsg, common.PushMsg, common.BackMsg, common.OpenMsg, common.ReloadMsg, common.StatusMsg:
		d.Out = append(d.Out, msg)
		return
	}
	d.Send(msg)
}

// Keys sends keys by name: "enter", "ctrl+s", "alt+up", "a".
func (d *Screen) Keys(names ...string) {
	d.Env.T.Helper()
	for _, n := range names {
		var cmd tea.Cmd
		d.S, cmd = Deliver(d.Env.C, d.S, Key(n))
		d.Run(cmd)
	}
}

// Type sends text as an input method delivers it: one key with the text.
func (d *Screen) Type(s string) {
	d.Env.T.Helper()
	d.Send(tea.KeyPressMsg{Code: []rune(s)[0], Text: s})
}

// View draws the screen.
func (d *Screen) View(w, h int) string { return d.S.View(w, h) }

// Key builds a key press from its name.
func Key(n string) tea.KeyPressMsg {
	special := map[string]rune{
		"enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"home": tea.KeyHome, "end": tea.KeyEnd, "space": tea.KeySpace, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	}
	var k tea.KeyPressMsg
	parts := strings.Split(n, "+")
	base := parts[len(parts)-1]
	for _, p := range parts[:len(parts)-1] {
		switch p {
		case "ctrl":
			k.Mod |= tea.ModCtrl
		case "alt":
			k.Mod |= tea.ModAlt
		case "shift":
			k.Mod |= tea.ModShift
		}
	}
	if r, ok := special[base]; ok {
		k.Code = r
		return k
	}
	k.Code = []rune(base)[0]
	if k.Mod == 0 {
		k.Text = base
	}
	return k
}

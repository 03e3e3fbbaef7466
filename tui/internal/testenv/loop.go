package testenv

import (
	"context"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/dialog"
	"nianbao/tui/styles"
)

// Cmds unpacks a batch or a sequence message (their types are not
// exported by bubbletea) into its commands.
func Cmds(msg tea.Msg) ([]tea.Cmd, bool) {
	if msg == nil {
		return nil, false
	}
	v := reflect.ValueOf(msg)
	if v.Kind() != reflect.Slice || v.Type().Elem() != reflect.TypeOf(tea.Cmd(nil)) {
		return nil, false
	}
	out := make([]tea.Cmd, v.Len())
	for i := range out {
		out[i] = v.Index(i).Interface().(tea.Cmd)
	}
	return out, true
}

// Reload loads c's organ-year from its store into c, as the app does
// after a ReloadMsg.
func Reload(t testing.TB, c *common.Common) {
	t.Helper()
	y, err := c.Store.OpenYear(c.Ctx, c.Organ.ID, c.Year, c.Calendar, c.Today)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	c.SetYear(y)
}

// Run executes cmd and every command it leads to, in the order the
// program's event loop would deliver them (first in, first out), and
// feeds each message back to s. It plays the app's part where a screen
// test needs it: a ReloadMsg reloads the organ-year into c and hands it to
// s as an OrganYearMsg; a failed save fails the test. The messages meant
// for the app (ReloadMsg, SavedMsg, PushMsg, BackMsg, GoToMsg, StatusMsg)
// are returned in the order they came.
func Run(t testing.TB, c *common.Common, s common.Screen, cmd tea.Cmd) (common.Screen, []tea.Msg) {
	t.Helper()
	var out []tea.Msg
	queue := []tea.Cmd{cmd}
	for len(queue) > 0 {
		cmd := queue[0]
		queue = queue[1:]
		if cmd == nil {
			continue
		}
		msg := cmd()
		if cmds, ok := Cmds(msg); ok {
			queue = append(queue, cmds...)
			continue
		}
		var next tea.Cmd
		switch m := msg.(type) {
		case nil:
			continue
		case common.DialogMsg, common.CloseDialogMsg:
			s, next, _ = DialogStep(c, s, msg)
			if _, ok := m.(common.DialogMsg); ok {
				out = append(out, msg)
			}
		case common.SaveFailedMsg:
			t.Fatalf("save failed: %v", m.Err)
		case common.ReloadMsg:
			Reload(t, c)
			out = append(out, msg)
			s, next = s.Update(common.OrganYearMsg{OY: c.OrganYear()})
		case common.SavedMsg, common.PushMsg, common.BackMsg, common.GoToMsg, common.StatusMsg:
			out = append(out, msg)
			continue
		default:
			s, next = s.Update(msg)
		}
		queue = append(queue, next)
	}
	return s, out
}

// Press sends keys by name (see Key) one after another, running what each
// leads to; it returns the messages meant for the app.
func Press(t testing.TB, c *common.Common, s common.Screen, keys ...string) (common.Screen, []tea.Msg) {
	t.Helper()
	var all []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = Deliver(c, s, Key(k))
		var out []tea.Msg
		s, out = Run(t, c, s, cmd)
		all = append(all, out...)
	}
	return s, all
}

// dialogs holds the open dialogs of each Common, as the app's stack does.
var dialogs sync.Map // *common.Common → *[]common.Screen

func stackOf(c *common.Common) *[]common.Screen {
	v, _ := dialogs.LoadOrStore(c, new([]common.Screen))
	return v.(*[]common.Screen)
}

// Dialog is the open top dialog of c (a question put by a screen), or nil.
func Dialog(c *common.Common) common.Screen {
	st := stackOf(c)
	if len(*st) == 0 {
		return nil
	}
	return (*st)[len(*st)-1]
}

// Deliver hands a key to c's top dialog when one is open, as the app
// does, and to s otherwise.
func Deliver(c *common.Common, s common.Screen, k tea.KeyPressMsg) (common.Screen, tea.Cmd) {
	if d := Dialog(c); d != nil {
		st := stackOf(c)
		var cmd tea.Cmd
		(*st)[len(*st)-1], cmd = d.Update(k)
		return s, cmd
	}
	return s.Update(k)
}

// DialogStep plays the app's part for a dialog message: DialogMsg opens
// the dialog on c's stack, CloseDialogMsg closes it and hands its reply to
// s. It reports whether msg was one of them.
func DialogStep(c *common.Common, s common.Screen, msg tea.Msg) (common.Screen, tea.Cmd, bool) {
	st := stackOf(c)
	switch m := msg.(type) {
	case common.DialogMsg:
		d, _ := m.Dialog.Update(dialog.SizeMsg{Width: 72, Height: 19})
		*st = append(*st, d)
		return s, d.Init(), true
	case common.CloseDialogMsg:
		if len(*st) > 0 {
			*st = (*st)[:len(*st)-1]
		}
		if m.Reply == nil {
			return s, nil, true
		}
		s, cmd := s.Update(m.Reply)
		return s, cmd, true
	}
	return s, nil, false
}

// DialogView draws the open top dialog of c on one long line per
// paragraph (so a test finds a phrase however the box would wrap it), or
// "" when none is open.
func DialogView(c *common.Common) string {
	if d := Dialog(c); d != nil {
		return ansi.Strip(d.View(1000, 19))
	}
	return ""
}

// Pushed returns the screens that msgs push, in order.
func Pushed(msgs []tea.Msg) []common.Screen {
	var out []common.Screen
	for _, m := range msgs {
		if p, ok := m.(common.PushMsg); ok {
			out = append(out, p.Screen)
		}
	}
	return out
}

// PressPushed is Press for tests that only follow the screens pushed.
func PressPushed(t testing.TB, c *common.Common, s common.Screen, keys ...string) (common.Screen, []common.Screen) {
	t.Helper()
	s, out := Press(t, c, s, keys...)
	return s, Pushed(out)
}

// RunPushed is Run for tests that only follow the screens pushed.
func RunPushed(t testing.TB, c *common.Common, s common.Screen, cmd tea.Cmd) (common.Screen, []common.Screen) {
	t.Helper()
	s, out := Run(t, c, s, cmd)
	return s, Pushed(out)
}

// Open creates a store in t.TempDir() whose clock stands at now, saves oy
// (an organ-year built in memory, with its logs) in it, and returns the
// Common the app would hold with that organ-year open on a 100×30 screen.
func Open(t testing.TB, now time.Time, oy *model.OrganYear) *common.Common {
	t.Helper()
	ctx := context.Background()
	st, err := desk.Open(ctx, filepath.Join(t.TempDir(), "nianbao.db"), desk.Options{NoBackup: true, Now: func() time.Time { return now }})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	if err := st.SaveOrganYear(ctx, oy, false); err != nil {
		t.Fatalf("save: %v", err)
	}
	c := &common.Common{Ctx: ctx, Store: st, Styles: styles.Default(), Width: 100, Height: 30,
		Calendar: model.DefaultCalendar(), Today: model.DateOf(now), Now: func() time.Time { return now },
		Organ: oy.Organ, Year: oy.Report.Year}
	Reload(t, c)
	return c
}

// CheckSize fails the test unless view v is exactly width×height cells
// (display width, escape sequences not counted); it returns its lines.
func CheckSize(t testing.TB, v string, width, height int) []string {
	t.Helper()
	lines := strings.Split(v, "\n")
	if len(lines) != height {
		t.Fatalf("view has %d lines, want %d", len(lines), height)
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != width {
			t.Fatalf("line %d is %d cells wide, want %d: %q", i, w, width, ansi.Strip(l))
		}
	}
	return lines
}

// Steady draws s at width×height four times and fails unless every frame
// and the cursor are the same each time (View only draws: what moves is
// moved in Update); it returns the frame's plain lines, exactly
// width×height (CheckSize), and the cursor.
func Steady(t testing.TB, s common.Screen, width, height int) ([]string, *tea.Cursor) {
	t.Helper()
	first, cur := s.View(width, height), s.Cursor()
	for range 3 {
		if s.View(width, height) != first {
			t.Fatalf("%d×%d: drawing again changed the frame", width, height)
		}
		if again := s.Cursor(); (cur == nil) != (again == nil) || cur != nil && *again != *cur {
			t.Fatalf("%d×%d: drawing moved the cursor: %+v then %+v", width, height, cur, again)
		}
	}
	return CheckSize(t, ansi.Strip(first), width, height), cur
}

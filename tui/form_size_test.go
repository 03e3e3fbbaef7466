package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/requests"
	"nianbao/tui/text"
)

// newRequestForm opens a new request's form by keys on an 80×24 terminal.
func newRequestForm(t *testing.T) (*harness, *requests.Form) {
	h := newHarness(t, 80, 24)
	createOrganAndYear(h)
	h.key("r")
	h.mustSee("依申请公开台账")
	h.key("n")
	f, ok := h.app.Top().(*requests.Form)
	if !ok {
		t.Fatalf("n opened %T", h.app.Top())
	}
	return h, f
}

// A form learns its size from the app (when pushed and on a resize), not
// from drawing: on the request form at 80×24, Tab to the last field
// scrolls the form in Update, and the terminal cursor of the frame is on
// that field's line, also after the terminal shrinks to 80×16.
func TestPushedFormIsSizedByMessage(t *testing.T) {
	h, f := newRequestForm(t)
	h.typeText("2021-03-05")
	for range 40 {
		if f.Focus() == "notes" {
			break
		}
		h.key("tab")
	}
	h.typeText("已电话告知")
	cursorLine := func(height int) string {
		t.Helper()
		v := h.app.View()
		lines := strings.Split(h.app.LastFrame(), "\n")
		if v.Cursor == nil || v.Cursor.Y >= len(lines) || len(lines) != height {
			t.Fatalf("cursor %+v in a frame of %d lines", v.Cursor, len(lines))
		}
		return lines[v.Cursor.Y]
	}
	if l := cursorLine(24); !strings.Contains(l, text.ReqFieldNotes) || !strings.Contains(l, "已电话告知") {
		t.Fatalf("the cursor is on %q, not the notes field:\n%s", l, h.app.LastFrame())
	}
	h.send(tea.WindowSizeMsg{Width: 80, Height: 16})
	if l := cursorLine(16); !strings.Contains(l, text.ReqFieldNotes) {
		t.Fatalf("after the resize the cursor is on %q:\n%s", l, h.app.LastFrame())
	}
}

// In a field of the request form ? is typed, F1 and Ctrl+O open the key
// overlay, which lists the form's keys from their bindings (Ctrl+U
// empties the field), and Ctrl+U does empty it.
func TestRequestFormKeysInAField(t *testing.T) {
	h, f := newRequestForm(t)
	for f.Focus() != "summary" {
		h.key("tab")
	}
	h.typeText("是否公开?")
	if got := f.FieldText("summary"); got != "是否公开?" {
		t.Fatalf("? was not typed: %q", got)
	}
	for _, open := range []tea.KeyPressMsg{{Code: tea.KeyF1}, keyMsg("ctrl+o")} {
		h.send(open)
		h.mustSee(text.HelpTitle, "ctrl+u", text.KeyWipe)
		h.key("esc")
		if strings.Contains(h.screen(), text.HelpTitle) {
			t.Fatalf("esc did not close the overlay:\n%s", h.screen())
		}
	}
	h.key("ctrl+u")
	if got := f.FieldText("summary"); got != "" {
		t.Fatalf("ctrl+u left %q", got)
	}
}

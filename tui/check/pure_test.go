package check

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// View only draws: with a reason longer than its input, the input's scroll
// and the cursor are settled in Update; the same frame and cursor come out
// however often it is drawn; after a narrower terminal's size message the
// cursor is still on the reason's line, inside the screen, right after the
// reason's last character.
func TestCheckViewIsPure(t *testing.T) {
	e := env(t)
	m := New(e.C).(*Model)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	for f, _ := m.Selected(); f.Rule != "I5"; f, _ = m.Selected() {
		if m.list.Cursor == m.list.Len-1 {
			t.Fatal("no I5 finding")
		}
		d.Keys("down")
	}
	d.Keys("a")
	reason := strings.Repeat("本镇受委托起草经县政府批准发布", 4) + "末"
	d.Type(reason)
	if _, cur := testenv.Steady(t, d.S, 80, 20); cur == nil {
		t.Fatal("no cursor in the reason being typed")
	}
	check := func(w, h int) {
		t.Helper()
		lines := testenv.CheckSize(t, ansi.Strip(d.View(w, h)), w, h)
		c := d.S.Cursor()
		if c == nil || c.Y >= h || c.X >= w {
			t.Fatalf("%d×%d: cursor %+v outside the screen", w, h, c)
		}
		row := lines[c.Y]
		if !strings.Contains(row, text.CheckAckPrompt) {
			t.Fatalf("%d×%d: cursor row %d is %q", w, h, c.Y, row)
		}
		if before := strings.TrimRight(ansi.Cut(row, 0, c.X), " "); !strings.HasSuffix(before, "发布末") {
			t.Fatalf("%d×%d: the cursor is not after the reason's end: %q", w, h, before)
		}
	}
	check(80, 20)
	d.Send(tea.WindowSizeMsg{Width: 50, Height: 14})
	check(50, 14)
}

package outline

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/narrative"
)

// View and Cursor only draw: a section's screen is built when the section
// is selected (once), never by drawing; the frame and the cursor stay the
// same over repeated draws, and after a resize that hides the list the
// cursor loses the list's offset.
func TestOutlineViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	built := 0
	m := New(e.C, map[string]common.Factory{
		common.SecS1: func(c *common.Common) common.Screen { built++; return narrative.New(c, 1) },
	})
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 20})
	n := len(m.children)
	for range 3 {
		m.View(120, 20)
		m.Cursor()
		m.KeyMap()
	}
	if built != 0 || len(m.children) != n {
		t.Fatalf("drawing built screens: %d built, %d children (was %d)", built, len(m.children), n)
	}
	d.Keys("1", "down", "enter")
	if built != 1 || !m.Typing() {
		t.Fatalf("selecting 一 built %d screens, typing %v", built, m.Typing())
	}
	d.Type("本年度")
	lines, cur := testenv.Steady(t, m, 120, 20)
	if cur == nil {
		t.Fatalf("%d×%d: no cursor", 120, 20)
	}
	if cur.X <= ListWidth || !strings.Contains(lines[cur.Y], "本年度") {
		t.Fatalf("cursor %+v is not in the section beside the list:\n%s", cur, strings.Join(lines, "\n"))
	}
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	small := testenv.CheckSize(t, ansi.Strip(m.View(80, 20)), 80, 20)
	if c := m.Cursor(); c == nil || c.X >= 80 || !strings.Contains(small[c.Y], "本年度") {
		t.Fatalf("after the resize the cursor %+v is not on the typed line:\n%s", c, strings.Join(small, "\n"))
	}
	if built != 1 {
		t.Fatalf("%d screens built for one section", built)
	}
}

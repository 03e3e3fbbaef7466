package narrative

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
)

// purityCheck draws s three times at w×h: the frame and the cursor must
// not change, and the cursor must sit right after want on its line.
func purityCheck(t *testing.T, s common.Screen, w, h int, want string) {
	t.Helper()
	lines, cur := testenv.Steady(t, s, w, h)
	if cur == nil {
		t.Fatalf("%d×%d: no cursor", w, h)
	}
	if cur.Y < 0 || cur.Y >= h || cur.X >= w {
		t.Fatalf("%d×%d: cursor %+v outside the screen", w, h, cur)
	}
	if before := ansi.Cut(lines[cur.Y], 0, cur.X); !strings.HasSuffix(before, want) {
		t.Fatalf("%d×%d: the cursor is not after %q: row %d %q\n%s", w, h, want, cur.Y, before, strings.Join(lines, "\n"))
	}
}

// A section's View only draws: a paragraph longer than the editor's
// window is scrolled in Update; after a smaller terminal's size message
// the cursor is still right after the last character typed.
func TestNarrativeViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	d := e.Drive(New(e.C, 1))
	d.Send(tea.WindowSizeMsg{Width: 60, Height: 12})
	d.Keys("enter") // the paragraph under （一）主动公开
	d.Type(strings.Repeat("本机关按照规定主动公开政府信息，", 20) + "完毕")
	purityCheck(t, d.S, 60, 12, "完毕")
	d.Send(tea.WindowSizeMsg{Width: 44, Height: 9})
	purityCheck(t, d.S, 44, 9, "完毕")
}

// The preamble's View only draws, the same way.
func TestPreambleViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	d := e.Drive(NewPreamble(e.C))
	d.Send(tea.WindowSizeMsg{Width: 60, Height: 14})
	d.Type(strings.Repeat("本报告由本机关编制，", 40) + "完毕")
	purityCheck(t, d.S, 60, 14, "完毕")
	d.Send(tea.WindowSizeMsg{Width: 40, Height: 8})
	purityCheck(t, d.S, 40, 8, "完毕")
}

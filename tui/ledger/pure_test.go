package ledger

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// The sheet import's path step only draws: a path longer than the line
// scrolls in Update, the frame is the same however often it is drawn, and
// the cursor ends the path on its line, also after a resize.
func TestImportPathViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	s := NewImport(e.C)
	d := e.Drive(s)
	d.Type(strings.Repeat("依申请公开台账", 12) + ".xlsx")
	for _, size := range [][2]int{{80, 21}, {40, 10}} {
		w, h := size[0], size[1]
		d.Send(tea.WindowSizeMsg{Width: w, Height: h})
		lines, cur := testenv.Steady(t, d.S, w, h)
		if cur == nil {
			t.Fatalf("%d×%d: no cursor", w, h)
		}
		if l := lines[cur.Y]; !strings.HasPrefix(l, text.LedInPath) || !strings.Contains(l, ".xlsx") || cur.X < w-2 || cur.X >= w {
			t.Fatalf("%dx%d: cursor %+v is not at the end of the path:\n%s", w, h, cur, strings.Join(lines, "\n"))
		}
	}
}

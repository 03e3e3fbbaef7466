package overview_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/demo"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/overview"
)

// View only draws: End clamps the scroll in Update so the page's last
// line is at the bottom; the same frame comes out however often it is
// drawn; a taller terminal's size message pulls the scroll back so no
// empty line shows below the page, and one Up then moves by one line.
func TestOverviewViewIsPure(t *testing.T) {
	oy := demo.Build()[1]
	c := testenv.Open(t, testenv.Now, oy)
	c.Width, c.Height = 80, 24
	s := overview.New(c)
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 10} })
	s, _ = testenv.Press(t, c, s, "end")
	lines, _ := testenv.Steady(t, s, 80, 10)
	all := overview.Lines(s.(*overview.Model).Page(), 80, c.Styles)
	if last := ansi.Strip(all[len(all)-1]); lines[9] != last+spaces(80-ansi.StringWidth(last)) {
		t.Fatalf("end: the last line %q is not the page's last %q", lines[9], last)
	}
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 20} })
	s, _ = testenv.Press(t, c, s, "up")
	lines = testenv.CheckSize(t, ansi.Strip(s.View(80, 20)), 80, 20)
	if want := ansi.Strip(all[len(all)-21]); lines[0] != want+spaces(80-ansi.StringWidth(want)) {
		t.Fatalf("after the resize and one up the first line %q, want %q", lines[0], want)
	}
}

func spaces(n int) string {
	b := make([]byte, max(0, n))
	for i := range b {
		b[i] = ' '
	}
	return string(b)
}

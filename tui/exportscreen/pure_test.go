package exportscreen

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// View only draws: a folder path longer than the line scrolls in Update,
// the same frame comes out however often it is drawn, and the cursor is on
// the folder line of that frame, also after a resize.
func TestViewIsPure(t *testing.T) {
	c := testenv.New(t, 2021).C
	var s common.Screen = New(c)
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 21} })
	s, _ = testenv.RunPushed(t, c, s, s.Init())
	e := s.(*Screen)
	for !e.Typing() {
		s, _ = testenv.PressPushed(t, c, s, "tab")
	}
	s, _ = testenv.Press(t, c, s, "ctrl+u")
	s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.PasteMsg{Content: strings.Repeat("年度报告文件夹", 12)} })
	for _, size := range [][2]int{{80, 21}, {44, 12}} {
		w, h := size[0], size[1]
		s, _ = testenv.Run(t, c, s, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} })
		lines, cur := testenv.Steady(t, s, w, h)
		if cur == nil {
			t.Fatalf("%d×%d: no cursor", w, h)
		}
		if cur.Y >= h || !strings.Contains(lines[cur.Y], text.ExpFolder) || cur.X < w-2 || cur.X >= w {
			t.Fatalf("%dx%d: cursor %+v is not at the end of the folder line:\n%s", w, h, cur, strings.Join(lines, "\n"))
		}
	}
}

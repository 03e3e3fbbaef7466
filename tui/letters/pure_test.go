package letters

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/tui/internal/testenv"
)

// View only draws: the preview's scroll is clamped in Update (page down
// past the end, then one page up moves at once), and the template editor
// is scrolled in Update so the cursor stays on the line being typed, also
// after a resize.
func TestLetterViewIsPure(t *testing.T) {
	e := testenv.Demo(t, 2021)
	s := New(e.C, request(t, e, 4)).(*Screen)
	d := e.Drive(s)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 21})
	for range 20 {
		d.Keys("pgdown")
	}
	end, _ := testenv.Steady(t, s, 80, 21)
	most := s.scroll
	if _, m := s.draw(80, 21); most != m || most == 0 {
		t.Fatalf("scroll %d after paging past the end, want %d", most, m)
	}
	d.Keys("pgup")
	if s.scroll != max(0, most-5) {
		t.Fatalf("pgup from the end: scroll %d, want %d", s.scroll, max(0, most-5))
	}
	if up, _ := testenv.Steady(t, s, 80, 21); strings.Join(up, "\n") == strings.Join(end, "\n") {
		t.Fatal("pgup from the end did not move the preview")
	}

	d.Keys("ctrl+t")
	if s.tpl == nil {
		t.Fatal("ctrl+t did not open the template")
	}
	d.Keys("ctrl+end")
	d.Type("末尾加上的一句话")
	for _, size := range [][2]int{{80, 21}, {50, 12}} {
		w, h := size[0], size[1]
		d.Send(tea.WindowSizeMsg{Width: w, Height: h})
		lines, cur := testenv.Steady(t, s, w, h)
		if cur == nil || cur.Y >= h || !strings.Contains(lines[cur.Y], "一句话") {
			t.Fatalf("%dx%d: cursor %+v is not on the typed line:\n%s", w, h, cur, strings.Join(lines, "\n"))
		}
	}
}

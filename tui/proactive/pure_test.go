package proactive

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

// frame draws s at w×h three times, fails unless the frames and the
// cursor stay the same, and returns the frame's plain lines and cursor.
func frame(t *testing.T, s common.Screen, w, h int) ([]string, *tea.Cursor) {
	t.Helper()
	first, cur := s.View(w, h), s.Cursor()
	for range 3 {
		if s.View(w, h) != first {
			t.Fatalf("%dx%d: drawing again changed the frame", w, h)
		}
		if again := s.Cursor(); (cur == nil) != (again == nil) || cur != nil && *again != *cur {
			t.Fatalf("%dx%d: drawing moved the cursor: %+v then %+v", w, h, cur, again)
		}
	}
	return testenv.CheckSize(t, ansi.Strip(first), w, h), cur
}

// View only draws: the list scrolls in Update to keep the chosen item in
// view, also after a resize, and the search input scrolls in Update so the
// cursor ends the typed text.
func TestItemsViewIsPure(t *testing.T) {
	var stored []model.DisclosureItem
	for i := range 40 {
		stored = append(stored, model.DisclosureItem{Title: fmt.Sprintf("信息%03d", i), Published: model.NewDate(2021, 3, 1+i%28),
			Category: model.DefaultItemCategories[0], Channels: []string{model.DefaultItemChannels[0]}})
	}
	e := setup(t, stored)
	s := e.run(New(e.c), func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 21} })
	s = e.run(s, s.Init())
	for range 25 {
		s = e.press(s, "down")
	}
	it, _ := s.(*Screen).rows.Current()
	for _, size := range [][2]int{{80, 21}, {80, 10}} {
		w, h := size[0], size[1]
		s = e.run(s, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: h} })
		lines, _ := frame(t, s, w, h)
		if !strings.Contains(strings.Join(lines, "\n"), "▸ ") || !strings.Contains(strings.Join(lines, "\n"), it.Title) {
			t.Fatalf("%dx%d: the chosen item %q is not in view:\n%s", w, h, it.Title, strings.Join(lines, "\n"))
		}
	}
	s = e.press(s, "/")
	s = e.run(s, func() tea.Msg { return tea.PasteMsg{Content: strings.Repeat("政务公开通知", 12)} })
	for _, w := range []int{80, 40} {
		s = e.run(s, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: 21} })
		lines, cur := frame(t, s, w, 21)
		if cur == nil || !strings.HasPrefix(lines[cur.Y], text.ItemsSearchLabel) || cur.X < w-2 || cur.X >= w {
			t.Fatalf("width %d: cursor %+v is not at the end of the search text:\n%s", w, cur, strings.Join(lines, "\n"))
		}
	}
}

// The counts scroll by keys, clamped in Update: past the end the scroll
// stops at the last page, drawing never moves it, and one key up moves at
// once.
func TestCountsScrollIsClampedInUpdate(t *testing.T) {
	e := setup(t, []model.DisclosureItem{{Title: "通知", Published: model.NewDate(2021, 3, 1),
		Category: model.DefaultItemCategories[0], Channels: []string{model.DefaultItemChannels[0]}}})
	s := e.run(New(e.c), func() tea.Msg { return tea.WindowSizeMsg{Width: 80, Height: 10} })
	s = e.run(s, s.Init())
	s = e.press(s, "v")
	l := s.(*Screen)
	if l.mode != modeCounts || !l.cnt.loaded {
		t.Fatalf("v did not open the counts (mode %v)", l.mode)
	}
	for range 60 {
		s = e.press(s, "down")
	}
	_, most := l.cnt.draw(l, 80, 10)
	if most == 0 || l.cnt.scroll != most {
		t.Fatalf("scroll %d after 60 downs, want it clamped at %d", l.cnt.scroll, most)
	}
	end, _ := frame(t, s, 80, 10)
	if l.cnt.scroll != most {
		t.Fatal("drawing moved the scroll")
	}
	s = e.press(s, "up")
	if up, _ := frame(t, s, 80, 10); l.cnt.scroll != most-1 || strings.Join(up, "\n") == strings.Join(end, "\n") {
		t.Fatalf("one up from the end: scroll %d, want %d", l.cnt.scroll, most-1)
	}
}

package proactive

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
	"nianbao/tui/text"
)

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
		lines, _ := testenv.Steady(t, s, w, h)
		if !strings.Contains(strings.Join(lines, "\n"), "▸ ") || !strings.Contains(strings.Join(lines, "\n"), it.Title) {
			t.Fatalf("%dx%d: the chosen item %q is not in view:\n%s", w, h, it.Title, strings.Join(lines, "\n"))
		}
	}
	s = e.press(s, "/")
	s = e.run(s, func() tea.Msg { return tea.PasteMsg{Content: strings.Repeat("政务公开通知", 12)} })
	for _, w := range []int{80, 40} {
		s = e.run(s, func() tea.Msg { return tea.WindowSizeMsg{Width: w, Height: 21} })
		lines, cur := testenv.Steady(t, s, w, 21)
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
	end, _ := testenv.Steady(t, s, 80, 10)
	if l.cnt.scroll != most {
		t.Fatal("drawing moved the scroll")
	}
	s = e.press(s, "up")
	if up, _ := testenv.Steady(t, s, 80, 10); l.cnt.scroll != most-1 || strings.Join(up, "\n") == strings.Join(end, "\n") {
		t.Fatalf("one up from the end: scroll %d, want %d", l.cnt.scroll, most-1)
	}
}

package calendar

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// View only draws: End scrolls the list of days in Update; the same frame
// comes out however often it is drawn; after a smaller terminal's size
// message the selected day is still on screen, marked.
func TestCalendarViewIsPure(t *testing.T) {
	e := testenv.New(t, 2026)
	e.C.Today = model.NewDate(2026, 12, 6)
	m := New(e.C)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 10})
	if len(m.days) < 9 {
		t.Fatalf("only %d days: too few to scroll", len(m.days))
	}
	d.Keys("end")
	testenv.Steady(t, d.S, 80, 10)
	selected := func(h int) string {
		for _, l := range testenv.CheckSize(t, ansi.Strip(d.View(80, h)), 80, h) {
			if strings.HasPrefix(l, "▸ ") {
				return l
			}
		}
		return ""
	}
	if l, want := selected(10), m.days[len(m.days)-1].Date.String(); !strings.Contains(l, want) {
		t.Fatalf("the selected line %q is not the last day %s", l, want)
	}
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 6})
	if l, want := selected(6), m.days[len(m.days)-1].Date.String(); !strings.Contains(l, want) {
		t.Fatalf("after the resize the selected line %q is not the last day %s", l, want)
	}
	d.Keys("home")
	if l, want := selected(6), m.days[0].Date.String(); !strings.Contains(l, want) {
		t.Fatalf("home: the selected line %q is not the first day %s", l, want)
	}
}

package start

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// View only draws: with more organs than lines, End scrolls the list in
// Update; the same frame comes out however often it is drawn, and after a
// smaller terminal's size message the selected organ is still on screen.
func TestStartViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	for i := range 30 {
		o := model.Organ{Name: fmt.Sprintf("测试第%02d号单位", i), Level: model.LevelTownship}
		if err := e.Store.SaveOrgan(context.Background(), &o); err != nil {
			t.Fatal(err)
		}
	}
	m := New(e.C)
	d := e.Drive(m)
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	d.Keys("end")
	sel := m.organs[m.ol.Cursor].Name
	lines, _ := testenv.Steady(t, d.S, 80, 20)
	if first := strings.Join(lines, "\n"); !strings.Contains(first, sel) {
		t.Fatalf("the selected organ %s is not shown:\n%s", sel, first)
	}
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 8})
	d.Keys("up")
	sel = m.organs[m.ol.Cursor].Name
	lines = testenv.CheckSize(t, ansi.Strip(d.View(80, 8)), 80, 8)
	if !strings.Contains(strings.Join(lines, "\n"), sel) {
		t.Fatalf("after the resize the selected organ %s is not shown:\n%s", sel, strings.Join(lines, "\n"))
	}
	d.Keys("home")
	if v := ansi.Strip(d.View(80, 8)); !strings.Contains(v, m.organs[0].Name) {
		t.Fatalf("home does not show the first organ:\n%s", v)
	}
}

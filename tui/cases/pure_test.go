package cases

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// View only draws (the list of cases, as every entry list): End scrolls
// in Update; the same frame comes out however often it is drawn; after a
// smaller terminal's size message the selected case is still on screen.
func TestCaseListViewIsPure(t *testing.T) {
	e := testenv.New(t, 2021)
	oy := e.C.OrganYear()
	for i := range 30 {
		oy.Cases = append(oy.Cases, model.Case{ID: int64(i + 1), OrganID: oy.Organ.ID, Year: 2021, Kind: model.CaseReview,
			Filed: model.NewDate(2021, 3, 1), Summary: fmt.Sprintf("第%02d件复议", i+1)})
	}
	d := e.Drive(New(e.C))
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 20})
	d.Keys("end")
	lines, _ := testenv.Steady(t, d.S, 80, 20)
	selected := func(h int) string {
		for _, l := range testenv.CheckSize(t, ansi.Strip(d.View(80, h)), 80, h) {
			if strings.HasPrefix(l, "▸ ") {
				return l
			}
		}
		return ""
	}
	if l := selected(20); !strings.Contains(l, "第30件复议") {
		t.Fatalf("the selected line %q is not the last case:\n%s", l, strings.Join(lines, "\n"))
	}
	d.Send(tea.WindowSizeMsg{Width: 80, Height: 8})
	d.Keys("up")
	if l := selected(8); !strings.Contains(l, "第29件复议") {
		t.Fatalf("after the resize the selected line %q is not case 29", l)
	}
	d.Keys("home")
	if l := selected(8); !strings.Contains(l, "第01件复议") {
		t.Fatalf("home: the selected line %q is not the first case", l)
	}
}

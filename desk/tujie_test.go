package desk

import (
	"testing"

	"nianbao/demo"
	"nianbao/model"
)

// TestTujieOncePerSnapshot: a snapshot lays its 图解 out once; an edit of
// the report makes a snapshot whose page shows the edited cell.
func TestTujieOncePerSnapshot(t *testing.T) {
	oy := demo.Build()[1]
	y := Snapshot(oy, model.DefaultCalendar(), model.NewDate(2022, 1, 10))
	p := y.Tujie()
	if p == nil || p.Year != 2021 || p != y.Tujie() {
		t.Fatalf("page %p then %p", p, y.Tujie())
	}
	a := model.Addr(model.TableS2Item5, model.RowLicensing, "decisions")
	n := y.Edit(func(oy *model.OrganYear) { oy.Report.Values[a] = 99 })
	found := false
	for _, s := range n.Tujie().Sections {
		for _, c := range s.Charts {
			for _, g := range c.Groups {
				for _, b := range g.Bars {
					if len(b.Value.Cells) == 1 && b.Value.Cells[0] == a {
						found = b.Value.N == 99
					}
				}
			}
		}
	}
	if !found {
		t.Error("the edited snapshot's 图解 does not show the edited cell")
	}
	if y.Tujie() != p {
		t.Error("the edit changed the old snapshot's page")
	}
}

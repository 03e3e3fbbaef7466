package desk

import (
	"testing"

	"nianbao/model"
)

// TestFindingsAtIndexesBySnapshot: the findings of a cell, in order, from
// the index a snapshot builds once (of findings about cells only); a
// caller appending to an answer does not change the next one.
func TestFindingsAtIndexesBySnapshot(t *testing.T) {
	a := model.Addr(model.TableS3, model.RowNew, model.ColTotal)
	b := model.Addr(model.TableS3, model.RowCarriedIn, model.ColTotal)
	y := &Year{}
	y.setFindings(nil)
	if got := y.FindingsAt(a); len(got) != 0 {
		t.Fatalf("no findings yet, got %v", got)
	}
	y.setFindings([]model.Finding{{Rule: "Y1", Cell: a}, {Rule: "O1"}, {Rule: "Y2", Cell: b}, {Rule: "Y3", Cell: a}})
	got := y.FindingsAt(a)
	if len(got) != 2 || got[0].Rule != "Y1" || got[1].Rule != "Y3" {
		t.Fatalf("findings at %v = %v, want Y1 and Y3", a, got)
	}
	_ = append(got, model.Finding{Rule: "X"})
	if again := y.FindingsAt(a); len(again) != 2 {
		t.Fatalf("an append to a result changed the index: %v", again)
	}
	if z := y.FindingsAt(model.CellAddress{}); len(z) != 0 {
		t.Fatalf("findings without a cell are not indexed, got %v", z)
	}
	if got := y.FindingsAt(b); len(got) != 1 || got[0].Rule != "Y2" {
		t.Fatalf("findings at %v = %v, want Y2", b, got)
	}
}

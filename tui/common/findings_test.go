package common

import (
	"testing"

	"nianbao/model"
)

// TestFindingsAtFollowsCheckRuns: the findings of a cell, in order, from
// an index that a new check run (a new Findings slice) replaces.
func TestFindingsAtFollowsCheckRuns(t *testing.T) {
	a := model.Addr(model.TableS3, model.RowNew, model.ColTotal)
	b := model.Addr(model.TableS3, model.RowCarriedIn, model.ColTotal)
	c := &Common{}
	if got := c.FindingsAt(a); len(got) != 0 {
		t.Fatalf("no findings yet, got %v", got)
	}
	c.Findings = []model.Finding{{Rule: "Y1", Cell: a}, {Rule: "O1"}, {Rule: "Y2", Cell: b}, {Rule: "Y3", Cell: a}}
	got := c.FindingsAt(a)
	if len(got) != 2 || got[0].Rule != "Y1" || got[1].Rule != "Y3" {
		t.Fatalf("findings at %v = %v, want Y1 and Y3", a, got)
	}
	// A caller appending to the result must not change the next answer.
	_ = append(got, model.Finding{Rule: "X"})
	if again := c.FindingsAt(a); len(again) != 2 {
		t.Fatalf("an append to a result changed the index: %v", again)
	}
	if z := c.FindingsAt(model.CellAddress{}); len(z) != 1 || z[0].Rule != "O1" {
		t.Fatalf("findings without a cell = %v, want O1", z)
	}
	// A new check run: the cell's findings change.
	c.Findings = []model.Finding{{Rule: "Y2", Cell: b}}
	if got := c.FindingsAt(a); len(got) != 0 {
		t.Fatalf("after a new check run, findings at %v = %v, want none", a, got)
	}
	if got := c.FindingsAt(b); len(got) != 1 {
		t.Fatalf("after a new check run, findings at %v = %v, want Y2", b, got)
	}
	// The same slice value with one more finding appended is a new run too.
	c.Findings = append(c.Findings[:1:1], model.Finding{Rule: "Y1", Cell: a})
	if got := c.FindingsAt(a); len(got) != 1 {
		t.Fatalf("findings at %v = %v, want the appended Y1", a, got)
	}
}

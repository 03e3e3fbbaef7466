package model

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"testing"
)

// TestSortFindingsIsStable: the counting sort orders findings as a stable
// sort by severity, then section, does, also with sections outside 0–6.
func TestSortFindingsIsStable(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	for _, n := range []int{0, 1, 2, 7, 300, 3000} {
		fs := make([]Finding, n)
		for i := range fs {
			fs[i] = Finding{Rule: fmt.Sprint(i), Severity: Severity(rng.IntN(2)), Section: rng.IntN(9) - 1}
		}
		want := make([]Finding, n)
		copy(want, fs)
		sort.SliceStable(want, func(i, j int) bool {
			if want[i].Severity != want[j].Severity {
				return want[i].Severity < want[j].Severity
			}
			return want[i].Section < want[j].Section
		})
		got := sortFindings(fs)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d findings: got %v\nwant %v", n, got, want)
		}
		if n > 0 && &got[0] == &fs[0] {
			t.Fatalf("%d findings: the result shares the part", n)
		}
		// The same findings cut into parts (some empty) give the same
		// order, in a new slice: the parts are left as they were.
		var parts [][]Finding
		for rest := fs; len(rest) > 0 || len(parts) < 3; {
			k := min(len(rest), rng.IntN(40))
			parts = append(parts, rest[:k:k])
			rest = rest[k:]
		}
		before := append([]Finding(nil), fs...)
		got = sortFindings(parts...)
		if len(got) == 0 && n == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d findings in %d parts: got %v\nwant %v", n, len(parts), got, want)
		}
		if !reflect.DeepEqual(fs, before) {
			t.Fatalf("%d findings in %d parts: the parts were changed", n, len(parts))
		}
		if &got[0] == &fs[0] {
			t.Fatalf("%d findings in %d parts: the result shares the first part", n, len(parts))
		}
	}
}

// TestJoinedLeavesPartsAlone: a check run keeps its groups' findings for
// the next run, so acknowledging a warning in the joined list must not
// mark it in the part it came from.
func TestJoinedLeavesPartsAlone(t *testing.T) {
	a := []Finding{{Rule: "I5", Severity: Warning, Section: 2, Cell: Addr(TableS2Item1, RowRules, "in_force")}}
	b := []Finding{{Rule: "O1", Severity: Error, Section: 3}}
	r := NewReport(1, 2021)
	r.Acks = []Ack{{Rule: "I5", Target: a[0].Target(), Reason: "本单位无规章"}}
	c := &checker{r: r}
	got := c.joined([][]Finding{a, b})
	if len(got) != 2 || got[0].Rule != "O1" || got[1].Rule != "I5" || !got[1].Acked || got[1].AckReason != "本单位无规章" {
		t.Fatalf("joined = %+v", got)
	}
	if a[0].Acked || a[0].AckReason != "" {
		t.Errorf("the part's finding was acknowledged in place: %+v", a[0])
	}
}

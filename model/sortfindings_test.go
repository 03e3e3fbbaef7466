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
		if got := sortFindings(fs); !reflect.DeepEqual(got, want) {
			t.Fatalf("%d findings: got %v\nwant %v", n, got, want)
		}
	}
}

package model

import (
	"strings"
	"testing"
)

// s4Official is table 四's groups as format.md §5 and the glossary name
// them: 「行政复议」, and under 「行政诉讼」 「未经复议直接起诉」 and 「复议后起诉」.
var s4Official = map[string]string{
	GroupReview:     "行政复议",
	GroupDirectSuit: "行政诉讼（未经复议直接起诉）",
	GroupSuitReview: "行政诉讼（复议后起诉）",
}

// Every place the model names a group of table 四 shows the same official
// label: the columns' Group, the header, CaseKind.Label, Format.Place and
// the message of rule I3.
func TestS4GroupLabelsAgree(t *testing.T) {
	for _, f := range Formats() {
		tb := f.Table(TableS4)
		for _, g := range S4Groups {
			want := s4Official[g]
			if got := S4GroupLabel(g); got != want {
				t.Errorf("%s: S4GroupLabel(%s) = %q, want %q", f.ID, g, got, want)
			}
			if got := CaseKind(g).Label(); got != want {
				t.Errorf("%s: CaseKind(%s).Label() = %q, want %q", f.ID, g, got, want)
			}
			for _, r := range append(append([]CaseResult{}, CaseResults...), ResultTotal) {
				c, ok := tb.Column(S4Col(g, r))
				if !ok || c.Group != want {
					t.Errorf("%s: column %s has group %q, want %q", f.ID, S4Col(g, r), c.Group, want)
				}
				if p := f.Place(Addr(TableS4, RowS4Cases, c.ID)); p != "表四 · "+want+"·"+r.Label() {
					t.Errorf("%s: Place of %s = %q", f.ID, c.ID, p)
				}
			}
		}
		// The printed header: 行政复议 | 行政诉讼 over 未经复议直接起诉, 复议后起诉.
		var heads []string
		for _, row := range tb.Header[:2] {
			for _, h := range row {
				if h.ColSpan > 1 {
					heads = append(heads, h.Label)
				}
			}
		}
		if got := strings.Join(heads, "|"); got != "行政复议|行政诉讼|未经复议直接起诉|复议后起诉" {
			t.Errorf("%s: group headers %q", f.ID, got)
		}
		for _, other := range f.Tables {
			for _, c := range other.Columns {
				if other.ID != TableS4 && c.Group != "" {
					t.Errorf("%s: %s column %s has a group %q", f.ID, other.ID, c.ID, c.Group)
				}
			}
		}
	}
	// I3 names the group whose total is wrong by the same label.
	for _, g := range S4Groups {
		oy := baseOY()
		setv(oy, TableS4, RowS4Cases, S4Col(g, ResultTotal), 9)
		fs := ruleFindings(Check(oy, nil, checkToday), "I3")
		if len(fs) != 1 || !strings.HasPrefix(fs[0].Message, s4Official[g]+"：") {
			t.Errorf("I3 for %s: %+v, want one finding starting %q", g, fs, s4Official[g])
		}
	}
}

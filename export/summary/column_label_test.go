package summary

import (
	"testing"

	"nianbao/model"
)

// The by-organ sheet heads table 四's columns with the group's official
// label (format.md §5) before the result, the same label the form, the
// check list and the workstation show.
func TestColumnLabelNamesTheS4Group(t *testing.T) {
	official := map[string]string{
		model.GroupReview:     "行政复议",
		model.GroupDirectSuit: "行政诉讼（未经复议直接起诉）",
		model.GroupSuitReview: "行政诉讼（复议后起诉）",
	}
	for _, f := range model.Formats() {
		tb := f.Table(model.TableS4)
		for _, g := range model.S4Groups {
			for _, r := range append(append([]model.CaseResult{}, model.CaseResults...), model.ResultTotal) {
				c, _ := tb.Column(model.S4Col(g, r))
				if got, want := ColumnLabel(tb, c), official[g]+" "+r.Label(); got != want {
					t.Errorf("%s: ColumnLabel(%s) = %q, want %q", f.ID, c.ID, got, want)
				}
			}
		}
		// A column outside table 四 keeps its own label.
		s3 := f.Table(model.TableS3)
		if got := ColumnLabel(s3, s3.Columns[0]); got != s3.Columns[0].Label {
			t.Errorf("%s: ColumnLabel of 表三's first column = %q, want %q", f.ID, got, s3.Columns[0].Label)
		}
	}
}

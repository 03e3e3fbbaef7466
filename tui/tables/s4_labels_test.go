package tables

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/model"
	"nianbao/tui/internal/testenv"
)

// Section 四's grid names its rows by the groups' official labels
// (format.md §5), the labels the form, the check list and the summary
// workbook show, and the screen prints them.
func TestS4RowsNameTheGroups(t *testing.T) {
	official := []string{"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"}
	for _, f := range model.Formats() {
		ds := buildTables(f, 4)
		if len(ds) != 1 || len(ds[0].rows) != len(official) {
			t.Fatalf("%s: section 四 builds %d tables", f.ID, len(ds))
		}
		for i, r := range ds[0].rows {
			if r.label != official[i] {
				t.Errorf("%s: row %d is %q, want %q", f.ID, i, r.label, official[i])
			}
		}
	}
	e := testenv.New(t, 2021)
	d := e.Drive(New(e.C, 4))
	d.Send(tea.WindowSizeMsg{Width: 120, Height: 30})
	view := ansi.Strip(d.View(120, 30))
	for _, l := range official {
		if !strings.Contains(view, l) {
			t.Errorf("the section 四 screen lacks %q:\n%s", l, view)
		}
	}
}

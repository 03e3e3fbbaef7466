package tujie_test

import (
	"testing"

	"nianbao/export/tujie"
	"nianbao/model"
)

// The 复议诉讼 chart titles its groups with table 四's official group
// labels (format.md §5), in print order.
func TestCasesChartNamesTheGroups(t *testing.T) {
	official := []string{"行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"}
	for _, year := range []int{2019, 2021} {
		p := tujie.Build(tujie.Input{OY: demoYear(t, year), Calendar: model.DefaultCalendar()})
		var titles []string
		for _, s := range p.Sections {
			for _, c := range s.Charts {
				if c.ID == "cases" {
					for _, g := range c.Groups {
						titles = append(titles, g.Title)
					}
				}
			}
		}
		if len(titles) != len(official) {
			t.Fatalf("%d: the cases chart has groups %q", year, titles)
		}
		for i, want := range official {
			if titles[i] != want {
				t.Errorf("%d: group %d is %q, want %q", year, i, titles[i], want)
			}
		}
	}
}

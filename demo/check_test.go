package demo

import (
	"testing"

	"nianbao/model"
)

// TestDemoPassesCheck: the demo has no 错误 and at least one 提示 in each
// year, so it shows the check list without blocking the export.
func TestDemoPassesCheck(t *testing.T) {
	today := model.NewDate(2026, 11, 27)
	for _, oy := range Build() {
		fs := model.Check(oy, model.DefaultCalendar(), today)
		warnings := 0
		for _, f := range fs {
			if f.Severity == model.Error {
				t.Errorf("%d: 错误 %s %s: %s", oy.Report.Year, f.Rule, f.Place(oy.Report.Format()), f.Message)
			} else {
				warnings++
				t.Logf("%d: 提示 %s %s: %s", oy.Report.Year, f.Rule, f.Place(oy.Report.Format()), f.Message)
			}
		}
		if warnings == 0 {
			t.Errorf("%d: no 提示; the demo should show at least one", oy.Report.Year)
		}
	}
}

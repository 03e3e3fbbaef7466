package start

import (
	"fmt"

	"nianbao/model"
	"nianbao/tui/text"
)

// summaryText tells the clerk what starting from last year carried over.
func summaryText(year int, s *model.NewYearSummary, f *model.Format) string {
	t := fmt.Sprintf(text.StartCarried, year-1, s.StaleParagraphs, len(s.Carried), s.OpenMeasures, len(s.PrefilledCells))
	if s.FormatChanged && f != nil {
		t += fmt.Sprintf(text.StartFormatChanged, f.Name)
	}
	return t
}

package start

import (
	"context"
	"fmt"

	"nianbao/db"
	"nianbao/model"
	"nianbao/tui/text"
)

// createYear stores a new report year for the organ: fresh, or started from
// the previous year (profile, narrative as 待更新 drafts, unfinished
// measures, last year's figures where the format carries them).
func createYear(ctx context.Context, st *db.Store, o model.Organ, year int, fromPrev bool) (*model.NewYearSummary, error) {
	if !fromPrev {
		return nil, st.CreateReport(ctx, model.NewReport(o.ID, year))
	}
	prev, err := st.LoadOrganYear(ctx, o.ID, year-1, false)
	if err != nil {
		return nil, err
	}
	oy, sum := model.NewYearWithSummary(prev, year)
	// One transaction, as nianbao newyear does: a failure leaves no half
	// year behind (a report without its carried measures, which could not
	// be started again). Carried requests stay in the log as they are.
	save := *oy
	save.Requests = nil
	if err := st.SaveOrganYear(ctx, &save, false); err != nil {
		return nil, err
	}
	return &sum, nil
}

// summaryText tells the clerk what starting from last year carried over.
func summaryText(year int, s *model.NewYearSummary, f *model.Format) string {
	t := fmt.Sprintf(text.StartCarried, year-1, s.StaleParagraphs, len(s.Carried), s.OpenMeasures, len(s.PrefilledCells))
	if s.FormatChanged && f != nil {
		t += fmt.Sprintf(text.StartFormatChanged, f.Name)
	}
	return t
}

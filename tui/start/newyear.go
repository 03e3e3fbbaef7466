package start

import (
	"context"

	"nianbao/db"
	"nianbao/model"
)

// createYear stores a new report year for the organ: fresh, or started from
// the previous year (profile, narrative as 待更新 drafts, unfinished
// measures, last year's figures where the format carries them).
func createYear(ctx context.Context, st *db.Store, o model.Organ, year int, fromPrev bool) error {
	if !fromPrev {
		return st.CreateReport(ctx, model.NewReport(o.ID, year))
	}
	prev, err := st.LoadOrganYear(ctx, o.ID, year-1, false)
	if err != nil {
		return err
	}
	oy := model.NewYearFrom(prev, year)
	oy.Report.OrganID = o.ID
	if err := st.CreateReport(ctx, oy.Report); err != nil {
		return err
	}
	for i := range oy.Measures {
		ms := oy.Measures[i]
		if ms.ID != 0 {
			continue
		}
		ms.OrganID = o.ID
		if err := st.SaveMeasure(ctx, &ms); err != nil {
			return err
		}
	}
	return nil
}

package desk

import (
	"context"
	"fmt"

	"nianbao/model"
)

// StartedYear is a new report year: the organ-year stored and, when it
// was started from an earlier year, what that year carried over.
type StartedYear struct {
	OY *model.OrganYear
	// From is the earlier year it was started from (0 for a blank year).
	From    int
	Summary model.NewYearSummary
}

// StartYear stores a new report year for the organ, blank or (fromPrev)
// started from the newest earlier year: profile, narrative as 待更新
// drafts, unfinished measures, last year's figures where the format
// carries them. An existing year, or no earlier year to start from, is a
// Chinese error and changes nothing. The year is written in one
// transaction: a failure leaves no half year behind.
func (s *Store) StartYear(ctx context.Context, o model.Organ, year int, fromPrev bool) (*StartedYear, error) {
	years, err := s.Years(ctx, o.ID)
	if err != nil {
		return nil, err
	}
	prev := 0
	for _, y := range years {
		if y == year {
			return nil, fmt.Errorf("单位「%s」已经有%d年的年报，没有做任何改动。请在工作台中打开它继续编辑。", o.Name, year)
		}
		if y < year && y > prev {
			prev = y
		}
	}
	if !fromPrev {
		r := model.NewReport(o.ID, year)
		if err := s.CreateReport(ctx, r); err != nil {
			return nil, err
		}
		return &StartedYear{OY: &model.OrganYear{Organ: o, Report: r}}, nil
	}
	if prev == 0 {
		return nil, fmt.Errorf("单位「%s」没有%d年以前的年报可以沿用。请在工作台中直接新建%d年的年报。", o.Name, year, year)
	}
	last, err := s.LoadOrganYear(ctx, o.ID, prev, false)
	if err != nil {
		return nil, err
	}
	oy, sum := model.NewYearWithSummary(last, year)
	// Carried requests stay in the log as they are: the year's query
	// returns them as 上年结转. Only the new year's own entries are saved.
	save := *oy
	save.Requests = nil
	if err := s.SaveOrganYear(ctx, &save, false); err != nil {
		return nil, err
	}
	return &StartedYear{OY: oy, From: prev, Summary: sum}, nil
}

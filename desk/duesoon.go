package desk

import (
	"context"

	"nianbao/model"
)

// DueSoonCounts counts the organ's requests of every year that are due
// within model.DueSoonWorkdays working days of today (due) and those of
// them already past their deadline (late): the start screen's 即将到期 line.
func (s *Store) DueSoonCounts(ctx context.Context, organID int64, today model.Date, cal *model.Calendar) (due, late int, err error) {
	open, err := s.UnansweredRequests(ctx, organID)
	if err != nil {
		return 0, 0, err
	}
	due, late = model.CountDueSoon(open, today, cal)
	return due, late, nil
}

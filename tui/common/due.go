package common

import "nianbao/model"

// dueCache holds the 即将到期 counts of one organ-year value on one day: the
// status line asks every frame, and a new organ-year value comes with every
// reload.
type dueCache struct {
	oy        *model.OrganYear
	n         int
	today     model.Date
	due, late int
}

// DueSoon counts the open organ-year's unanswered requests due within
// model.DueSoonWorkdays working days or already late (model.DueSoon), and
// how many of them are late.
func (c *Common) DueSoon() (due, late int) {
	if c.OY == nil {
		return 0, 0
	}
	d := &c.due
	if d.oy != c.OY || d.n != len(c.OY.Requests) || d.today != c.Today {
		*d = dueCache{oy: c.OY, n: len(c.OY.Requests), today: c.Today}
		d.due, d.late = model.CountDueSoon(c.OY.Requests, c.Today, c.Calendar)
	}
	return d.due, d.late
}

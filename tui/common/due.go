package common

// DueSoon counts the open organ-year's unanswered requests due within
// model.DueSoonWorkdays working days or already late (model.DueSoon), and
// how many of them are late: the snapshot's counts (desk.Year.DueSoon).
func (c *Common) DueSoon() (due, late int) {
	if c.Snap == nil {
		return 0, 0
	}
	return c.Snap.DueSoon()
}

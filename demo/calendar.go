package demo

import "nianbao/model"

// cal is the built-in State Council schedule the demo dates follow
// (holidays off, 调休 weekend days on). Build only reads it.
var cal = model.DefaultCalendar()

// isWorkday reports whether d is a working day.
func isWorkday(d model.Date) bool { return cal.IsWorkday(d) }

// onOrAfter returns d when it is a working day, otherwise the next one.
func onOrAfter(d model.Date) model.Date {
	for !isWorkday(d) {
		d = d.AddDays(1)
	}
	return d
}

// addWorkdays returns the n-th working day after d (d itself not counted).
func addWorkdays(d model.Date, n int) model.Date { return cal.AddWorkdays(d, n) }

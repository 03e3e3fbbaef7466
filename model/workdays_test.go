package model

import (
	"math/rand/v2"
	"testing"
)

// addWorkdaysByDay is AddWorkdays one day at a time, as it was written
// before it counted a word of days at once.
func addWorkdaysByDay(c *Calendar, d Date, n int) Date {
	if d.IsZero() || n <= 0 {
		return d
	}
	n = min(n, maxWorkdaySpan)
	for n > 0 {
		d = d.AddDaysFast(1)
		if c.IsWorkday(d) {
			n--
		}
	}
	return d
}

// AddWorkdays gives what counting day by day gives: random dates from
// before the calendar's first year to after its last, spans within a
// word, across words, years and the calendar's edges, with days added by
// the clerk inside and outside the years it keeps.
func TestAddWorkdaysCountsAsDayByDay(t *testing.T) {
	c := DefaultCalendar()
	c.Set(NewDate(2027, 10, 8), false, "国庆节")
	c.Set(NewDate(2027, 10, 9), true, "调休上班")
	c.Set(NewDate(1989, 12, 28), false, "假")
	c.Set(NewDate(2101, 1, 3), false, "假")
	c.Set(NewDate(2101, 1, 7), true, "调休上班")
	rng := rand.New(rand.NewPCG(18, 8))
	for i := 0; i < 20000; i++ {
		y := 1988 + rng.IntN(116)
		d := NewDate(y, 1+rng.IntN(12), 1+rng.IntN(DaysInMonth(y, 1+rng.IntN(12))))
		if !d.Valid() {
			continue
		}
		n := rng.IntN(30)
		switch rng.IntN(10) {
		case 0:
			n = rng.IntN(800)
		case 1:
			n = 0
		}
		if got, want := c.AddWorkdays(d, n), addWorkdaysByDay(c, d, n); got != want {
			t.Fatalf("AddWorkdays(%v, %d) = %v, day by day %v", d, n, got, want)
		}
	}
	for _, d := range []Date{NewDate(1989, 12, 20), NewDate(2100, 12, 20), NewDate(2019, 12, 31), NewDate(2024, 2, 28)} {
		for _, n := range []int{1, 5, 20, 64, 65, 300} {
			if got, want := c.AddWorkdays(d, n), addWorkdaysByDay(c, d, n); got != want {
				t.Fatalf("AddWorkdays(%v, %d) = %v, day by day %v", d, n, got, want)
			}
		}
	}
}

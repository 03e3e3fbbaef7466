package model

// RequestOverview is the year's summary of the request log: requests
// received per month, answers per outcome group, lateness.
type RequestOverview struct {
	PerMonth     [12]int
	Groups       []OutcomeGroup
	GroupCounts  []int
	Closed       int
	AnsweredLate int
	OpenOverdue  int
}

// OverviewTally counts the year's RequestOverview (requests received per
// month, answers per outcome group in the year, lateness) entry by entry,
// so that a changed entry is taken out (Add(old, -1)) and counted again
// (Add(new, 1)) without a pass over the log.
type OverviewTally struct {
	o          RequestOverview
	group      map[string]int
	start, end Date
	today      Date
	cal        *Calendar
}

// NewOverviewTally is an empty tally of year in format f; today and cal
// judge lateness (nil cal: no lateness counted).
func NewOverviewTally(f *Format, year int, today Date, cal *Calendar) *OverviewTally {
	t := &OverviewTally{group: map[string]int{}, start: YearStart(year), end: YearEnd(year), today: today, cal: cal}
	t.o.Groups = f.OutcomeGroups()
	t.o.GroupCounts = make([]int, len(t.o.Groups))
	for i, g := range t.o.Groups {
		for _, r := range g.Rows {
			t.group[r] = i
		}
	}
	return t
}

// Add counts q d times (1 or -1).
func (t *OverviewTally) Add(q *Request, d int) {
	o := &t.o
	if q.Received >= t.start && q.Received <= t.end {
		o.PerMonth[q.Received.Month()-1] += d
	}
	if q.Closed() && q.Answered >= t.start && q.Answered <= t.end {
		if g, ok := t.group[q.Outcome]; ok {
			o.GroupCounts[g] += d
			o.Closed += d
		}
	}
	if t.cal == nil {
		return
	}
	if AnsweredLate(q, t.cal) && q.Answered >= t.start && q.Answered <= t.end {
		o.AnsweredLate += d
	} else if q.Answered.IsZero() && Overdue(q, t.today, t.cal) {
		o.OpenOverdue += d
	}
}

// Clone is a tally that counts on independently of t.
func (t *OverviewTally) Clone() *OverviewTally {
	c := *t
	c.o.GroupCounts = append([]int(nil), t.o.GroupCounts...)
	return &c
}

// Overview is the summary as counted (its GroupCounts are the caller's).
func (t *OverviewTally) Overview() RequestOverview {
	o := t.o
	o.GroupCounts = append([]int(nil), t.o.GroupCounts...)
	return o
}

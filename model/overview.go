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

// SummarizeRequests counts the year's log: requests received per month, answers
// per outcome group (answered in the year), and lateness.
func SummarizeRequests(f *Format, year int, reqs []Request, today Date, cal *Calendar) RequestOverview {
	var o RequestOverview
	o.Groups = f.OutcomeGroups()
	o.GroupCounts = make([]int, len(o.Groups))
	group := map[string]int{}
	for i, g := range o.Groups {
		for _, r := range g.Rows {
			group[r] = i
		}
	}
	start, end := YearStart(year), YearEnd(year)
	for i := range reqs {
		q := &reqs[i]
		if q.Received >= start && q.Received <= end {
			o.PerMonth[q.Received.Month()-1]++
		}
		if q.Closed() && q.Answered >= start && q.Answered <= end {
			if g, ok := group[q.Outcome]; ok {
				o.GroupCounts[g]++
				o.Closed++
			}
		}
		if cal == nil {
			continue
		}
		if AnsweredLate(q, cal) && q.Answered >= start && q.Answered <= end {
			o.AnsweredLate++
		} else if q.Answered.IsZero() && Overdue(q, today, cal) {
			o.OpenOverdue++
		}
	}
	return o
}

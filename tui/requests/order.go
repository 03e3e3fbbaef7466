package requests

import (
	"sort"

	"nianbao/model"
	"nianbao/tui/text"
)

// sortOrder is the order of the list: by serial (the keyset order SQLite
// pages in), or, arranged in memory, by received date, answer deadline or
// status.
type sortOrder int

const (
	sortSerial sortOrder = iota
	sortReceived
	sortDeadline
	sortStatus
	sortOrders // how many
)

func (o sortOrder) label() string {
	switch o {
	case sortReceived:
		return text.ReqSortReceived
	case sortDeadline:
		return text.ReqSortDeadline
	case sortStatus:
		return text.ReqSortStatus
	}
	return text.ReqSortSerial
}

// arrange turns the rows the filters selected into the list shown in
// memory: with due, the 即将到期 view (model.DueSoon: open requests due
// within 5 working days or already late, nearest deadline first); then
// sorted by the order chosen (serial keeps DueSoon's order).
func arrange(rows []model.Request, due bool, by sortOrder, year int, today model.Date, cal *model.Calendar) []model.Request {
	out := rows
	if due {
		out = []model.Request{}
		for _, d := range model.DueSoon(rows, today, cal) {
			out = append(out, d.Request)
		}
		if by == sortSerial {
			return out
		}
	}
	if out == nil {
		out = []model.Request{}
	}
	deadline := func(q *model.Request) model.Date {
		if cal == nil {
			return 0
		}
		if d := model.Deadline(q, cal); !d.IsZero() {
			return d
		}
		return 99991231 // no deadline yet: last
	}
	statusRank := map[string]int{"open": 0, "carried": 1, "answered": 2}
	less := func(a, b *model.Request) bool {
		switch by {
		case sortReceived:
			if a.Received != b.Received {
				return a.Received < b.Received
			}
		case sortDeadline:
			if da, db := deadline(a), deadline(b); da != db {
				return da < db
			}
		case sortStatus:
			ra, rb := statusRank[statusOf(a, year, today)], statusRank[statusOf(b, year, today)]
			if ra != rb {
				return ra < rb
			}
			if da, db := deadline(a), deadline(b); da != db {
				return da < db
			}
		}
		if a.Year != b.Year {
			return a.Year < b.Year
		}
		return a.Serial < b.Serial
	}
	sort.SliceStable(out, func(i, j int) bool { return less(&out[i], &out[j]) })
	return out
}

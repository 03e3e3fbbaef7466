package model

import "sort"

// The 即将到期 view of the request log: open requests whose answer deadline
// is at most DueSoonWorkdays working days away, and those already past it.
// The ledger, the start screen and the outline status line show it.

// DueSoonWorkdays is how near (in working days) a deadline counts as soon.
const DueSoonWorkdays = 5

// DueItem is one open request of the 即将到期 view.
type DueItem struct {
	Request  Request
	Deadline Date
	// Left is RemainingWorkdays at today: 0 due today, negative overdue.
	Left int
}

// Late reports whether the deadline has passed.
func (d DueItem) Late() bool { return d.Left < 0 }

// DueSoon lists the open (unanswered) requests of qs due within
// DueSoonWorkdays working days of today or already late, the nearest
// deadline first. A request waiting for its 补正 has no running clock and is
// left out, as is one without a received date.
func DueSoon(qs []Request, today Date, cal *Calendar) []DueItem {
	if cal == nil || today.IsZero() {
		return nil
	}
	var out []DueItem
	for i := range qs {
		q := &qs[i]
		if !q.Answered.IsZero() || q.AwaitingCorrection() {
			continue
		}
		dl := Deadline(q, cal)
		if dl.IsZero() {
			continue
		}
		if left := RemainingWorkdays(q, today, cal); left <= DueSoonWorkdays {
			out = append(out, DueItem{Request: *q, Deadline: dl, Left: left})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Deadline != b.Deadline {
			return a.Deadline < b.Deadline
		}
		if a.Request.Year != b.Request.Year {
			return a.Request.Year < b.Request.Year
		}
		return a.Request.Serial < b.Request.Serial
	})
	return out
}

// CountDueSoon counts DueSoon's items and how many of them are late.
func CountDueSoon(qs []Request, today Date, cal *Calendar) (due, late int) {
	for i := range qs {
		d, l := DueSoonOf(&qs[i], today, cal)
		due += d
		late += l
	}
	return due, late
}

// DueSoonOf tells whether q is one of DueSoon's items (due 1) and whether
// it is late (late 1), so that counts can follow one changed entry.
func DueSoonOf(q *Request, today Date, cal *Calendar) (due, late int) {
	if cal == nil || today.IsZero() || !q.Answered.IsZero() || q.AwaitingCorrection() {
		return 0, 0
	}
	if Deadline(q, cal).IsZero() {
		return 0, 0
	}
	left := RemainingWorkdays(q, today, cal)
	if left > DueSoonWorkdays {
		return 0, 0
	}
	if left < 0 {
		return 1, 1
	}
	return 1, 0
}

package model

// Answer deadlines of the request log (spec §7, Regulation Art. 30–34).

// Periods in working days.
const (
	AnswerWorkdays     = 20 // Art. 33: answer within 20 working days
	MaxExtWorkdays     = 20 // Art. 33: an extension of at most 20 more
	CorrectionWorkdays = 7  // Art. 30: a 补正 notice within 7 working days
	FeePayWorkdays     = 20 // 信息处理费: pay within 20 working days of the notice
)

// Deadline returns the last day to answer q: ClockStart (the day the
// corrected request arrived when there was a 补正, else the day received)
// plus 20 working days, plus the extension (at most 20 counted), plus the
// working days spent in consultation, plus the working days the clock stood
// still for a 信息处理费 (feePause). Zero when q has no received date.
//
// The extension counts only when the applicant was told of it (延期告知日期)
// no later than the original deadline (Art. 33). A 延迟答复 (Art. 35) told
// by then moves the deadline to the date set, when that is later.
func Deadline(q *Request, cal *Calendar) Date {
	orig := OriginalDeadline(q, cal)
	if orig.IsZero() {
		return 0
	}
	dl := orig
	if ext := extensionDays(q, orig); ext > 0 {
		dl = cal.AddWorkdays(orig, ext)
	}
	if q.DelayedTo > dl && !q.DelayNotice.IsZero() && q.DelayNotice <= orig {
		dl = q.DelayedTo
	}
	return dl
}

// OriginalDeadline is the deadline without any extension or 延迟答复: the
// day by which the applicant must be told of either.
func OriginalDeadline(q *Request, cal *Calendar) Date {
	start := q.ClockStart()
	if start.IsZero() {
		return 0
	}
	excl := q.ExcludedDays
	if excl < 0 {
		excl = 0
	}
	return cal.AddWorkdays(start, AnswerWorkdays+excl+feePause(q, cal))
}

func extensionDays(q *Request, orig Date) int {
	ext := q.ExtDays
	if ext <= 0 || q.ExtNotice.IsZero() || orig.IsZero() || q.ExtNotice > orig {
		return 0
	}
	return min(ext, MaxExtWorkdays)
}

// feePause counts the working days from a fee notice to the payment, which
// 《政府信息公开信息处理费管理办法》 leaves out of the answer period. Without a
// payment the pause runs to the answer (the request was closed unpaid), or,
// while the request is open, to the last day the applicant may still pay.
func feePause(q *Request, cal *Calendar) int {
	if q.FeeNotice.IsZero() {
		return 0
	}
	end := q.FeePaid
	if end.IsZero() {
		end = q.Answered
	}
	if end.IsZero() {
		end = FeePaymentDeadline(q, cal)
	}
	if end <= q.FeeNotice {
		return 0
	}
	return cal.WorkdaysBetween(q.FeeNotice, end)
}

// RemainingWorkdays counts the working days left to answer q after today,
// up to and including its deadline: 0 means it is due today; negative means
// overdue (by that many working days, at least -1 once the deadline has
// passed). For an answered request it is measured at the answer date.
func RemainingWorkdays(q *Request, today Date, cal *Calendar) int {
	dl := Deadline(q, cal)
	if dl.IsZero() {
		return 0
	}
	at := today
	if !q.Answered.IsZero() {
		at = q.Answered
	}
	if at <= dl {
		return cal.WorkdaysBetween(at, dl)
	}
	n := -cal.WorkdaysBetween(dl, at)
	if n > -1 {
		n = -1
	}
	return n
}

// AnsweredLate reports whether q was answered after its deadline.
func AnsweredLate(q *Request, cal *Calendar) bool {
	if q.Answered.IsZero() {
		return false
	}
	dl := Deadline(q, cal)
	return !dl.IsZero() && q.Answered > dl
}

// Overdue reports whether q was answered after its deadline, or is still
// open and today is past it.
func Overdue(q *Request, today Date, cal *Calendar) bool {
	dl := Deadline(q, cal)
	if dl.IsZero() {
		return false
	}
	if !q.Answered.IsZero() {
		return q.Answered > dl
	}
	return today > dl
}

// CorrectionNoticeDeadline is the last day to send a 补正 notice for q: 7
// working days after it was received.
func CorrectionNoticeDeadline(q *Request, cal *Calendar) Date {
	if q.Received.IsZero() {
		return 0
	}
	return cal.AddWorkdays(q.Received, CorrectionWorkdays)
}

// CorrectionNoticeLate reports whether q's 补正 notice went out later than 7
// working days after receipt.
func CorrectionNoticeLate(q *Request, cal *Calendar) bool {
	if q.CorrectionNotice.IsZero() || q.Received.IsZero() {
		return false
	}
	return q.CorrectionNotice > CorrectionNoticeDeadline(q, cal)
}

// FeePaymentDeadline is the last day for the applicant to pay a 信息处理费:
// 20 working days after the fee notice; zero when there is no notice.
func FeePaymentDeadline(q *Request, cal *Calendar) Date {
	if q.FeeNotice.IsZero() {
		return 0
	}
	return cal.AddWorkdays(q.FeeNotice, FeePayWorkdays)
}

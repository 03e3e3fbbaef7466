package model

import "testing"

func TestDeadline(t *testing.T) {
	cal := DefaultCalendar()
	cases := []struct {
		name string
		q    Request
		want Date
	}{
		{"plain 20 working days across 国庆 2019", Request{Received: 20190920}, 20191023},
		{"across 春节 2021", Request{Received: 20210201}, 20210304},
		{"补正 restarts the clock", Request{Received: 20190920, CorrectionNotice: 20190924, Corrected: 20210201}, 20210304},
		{"extension of 20", Request{Received: 20210201, ExtDays: 20, ExtNotice: 20210301}, 20210401},
		{"extension capped at 20", Request{Received: 20210201, ExtDays: 35, ExtNotice: 20210301}, 20210401},
		{"extension told on the original deadline", Request{Received: 20210201, ExtDays: 20, ExtNotice: 20210304}, 20210401},
		{"extension never told does not count", Request{Received: 20210201, ExtDays: 20}, 20210304},
		{"extension told after the original deadline does not count", Request{Received: 20210201, ExtDays: 20, ExtNotice: 20210305}, 20210304},
		{"延迟答复 told in time", Request{Received: 20210201, DelayNotice: 20210225, DelayedTo: 20210615}, 20210615},
		{"延迟答复 told too late", Request{Received: 20210201, DelayNotice: 20210310, DelayedTo: 20210615}, 20210304},
		{"延迟答复 without notice", Request{Received: 20210201, DelayedTo: 20210615}, 20210304},
		{"consultation days do not count", Request{Received: 20210201, ExcludedDays: 15}, 20210325},
		{"no received date", Request{}, 0},
		{"补正 awaited: no clock", Request{Received: 20210201, CorrectionNotice: 20210203}, 0},
	}
	for _, c := range cases {
		if got := Deadline(&c.q, cal); got != c.want {
			t.Errorf("%s: Deadline = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRemainingAndOverdue(t *testing.T) {
	cal := DefaultCalendar()
	q := Request{Received: 20190920} // deadline 2019-10-23 (Wednesday)
	cases := []struct {
		today     Date
		remaining int
		overdue   bool
	}{
		{20190920, 20, false},
		{20191008, 12, false},
		{20191023, 0, false},
		{20191024, -1, true},
		{20191026, -2, true}, // Saturday after Thu 24, Fri 25
		{20191028, -3, true},
	}
	for _, c := range cases {
		if got := RemainingWorkdays(&q, c.today, cal); got != c.remaining {
			t.Errorf("RemainingWorkdays at %v = %d, want %d", c.today, got, c.remaining)
		}
		if got := Overdue(&q, c.today, cal); got != c.overdue {
			t.Errorf("Overdue at %v = %v, want %v", c.today, got, c.overdue)
		}
	}
	// A deadline on Friday, looked at on Saturday: no working day has passed
	// but the request is overdue.
	fri := Request{Received: 20211015} // +20 → 2021-11-12 (Friday)
	if dl := Deadline(&fri, cal); dl != 20211112 {
		t.Fatalf("Deadline = %v, want 2021-11-12", dl)
	}
	if got := RemainingWorkdays(&fri, 20211113, cal); got != -1 {
		t.Errorf("RemainingWorkdays the Saturday after = %d, want -1", got)
	}

	onTime := Request{Received: 20190920, Answered: 20191023, Outcome: RowDisclosed}
	late := Request{Received: 20190920, Answered: 20191024, Outcome: RowDisclosed}
	if AnsweredLate(&onTime, cal) || Overdue(&onTime, 20201231, cal) {
		t.Error("an answer on the deadline day is not late")
	}
	if !AnsweredLate(&late, cal) || !Overdue(&late, 20191024, cal) {
		t.Error("an answer the day after the deadline is late")
	}
	if got := RemainingWorkdays(&late, 20201231, cal); got != -1 {
		t.Errorf("an answered request is measured at its answer date: %d, want -1", got)
	}
	open := Request{Received: 20190920}
	if AnsweredLate(&open, cal) {
		t.Error("an open request is not answered late")
	}
}

func TestCorrectionAndFeeDeadlines(t *testing.T) {
	cal := DefaultCalendar()
	q := Request{Received: 20190926} // Thu; +7: 27, 29 (Sun 调休), 30, 10-08, 09, 10, 11
	if got := CorrectionNoticeDeadline(&q, cal); got != 20191011 {
		t.Fatalf("CorrectionNoticeDeadline = %v, want 2019-10-11", got)
	}
	q.CorrectionNotice = 20191011
	if CorrectionNoticeLate(&q, cal) {
		t.Error("a notice on the 7th working day is in time")
	}
	q.CorrectionNotice = 20191012
	if !CorrectionNoticeLate(&q, cal) {
		t.Error("a notice on the 8th working day is late")
	}
	f := Request{FeeNotice: 20210201}
	if got := FeePaymentDeadline(&f, cal); got != 20210304 {
		t.Errorf("FeePaymentDeadline = %v, want 2021-03-04", got)
	}
	if got := FeePaymentDeadline(&Request{}, cal); got != 0 {
		t.Errorf("FeePaymentDeadline without a notice = %v", got)
	}
}

// The days between a fee notice and the payment do not count towards the
// answer period: an answer given 20 working days after receipt plus the
// payment wait is on time, one day later is late.
func TestFeeWaitDoesNotCountTowardsDeadline(t *testing.T) {
	cal := DefaultCalendar()
	q := Request{Received: NewDate(2021, 3, 1), Applicant: Business,
		FeeMethod: FeePerRequest, FeeNotice: NewDate(2021, 3, 8), FeePaid: NewDate(2021, 3, 15)}
	plain := cal.AddWorkdays(q.Received, AnswerWorkdays)
	wait := cal.WorkdaysBetween(q.FeeNotice, q.FeePaid)
	if wait != 5 {
		t.Fatalf("fee wait = %d working days, want 5", wait)
	}
	want := cal.AddWorkdays(plain, wait)
	if got := Deadline(&q, cal); got != want {
		t.Fatalf("Deadline with a fee wait = %v, want %v (plain deadline %v)", got, want, plain)
	}
	q.Answered = want
	if AnsweredLate(&q, cal) {
		t.Fatalf("answered on %v, within the period once the fee wait is left out, yet flagged late", want)
	}
	q.Answered = cal.AddWorkdays(want, 1)
	if !AnsweredLate(&q, cal) {
		t.Fatalf("answered on %v, a working day past the deadline, not flagged late", q.Answered)
	}
	// Not yet paid and still open: the clock waits until the last day to pay.
	open := Request{Received: NewDate(2021, 3, 1), Applicant: Business, FeeNotice: NewDate(2021, 3, 8)}
	if got, want := Deadline(&open, cal), cal.AddWorkdays(plain, cal.WorkdaysBetween(open.FeeNotice, FeePaymentDeadline(&open, cal))); got != want {
		t.Fatalf("open request awaiting payment: deadline %v, want %v", got, want)
	}
}

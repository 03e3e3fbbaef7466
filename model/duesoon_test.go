package model

import "testing"

func TestDueSoon(t *testing.T) {
	cal := DefaultCalendar()
	today := NewDate(2021, 6, 15) // a Tuesday
	mk := func(serial int, received Date) Request {
		return Request{ID: int64(serial), Year: 2021, Serial: serial, Received: received, Applicant: NaturalPerson}
	}
	far := mk(1, NewDate(2021, 6, 10))     // deadline in July: not soon
	soon := mk(2, NewDate(2021, 5, 20))    // deadline within 5 working days
	late := mk(3, NewDate(2021, 4, 1))     // long past its deadline
	answered := mk(4, NewDate(2021, 4, 1)) // late but answered: not in the view
	answered.Answered, answered.Outcome = NewDate(2021, 6, 1), RowDisclosed
	waiting := mk(5, NewDate(2021, 4, 1)) // waiting for its 补正: no clock
	waiting.CorrectionNotice = NewDate(2021, 4, 2)
	got := DueSoon([]Request{far, soon, late, answered, waiting}, today, cal)
	if len(got) != 2 || got[0].Request.Serial != 3 || got[1].Request.Serial != 2 {
		t.Fatalf("due soon = %+v", got)
	}
	if !got[0].Late() || got[1].Late() {
		t.Fatalf("late flags: %+v", got)
	}
	if l := RemainingWorkdays(&soon, today, cal); got[1].Left != l || l < 0 || l > DueSoonWorkdays {
		t.Fatalf("left %d (RemainingWorkdays %d)", got[1].Left, l)
	}
	if due, nLate := CountDueSoon([]Request{far, soon, late, answered, waiting}, today, cal); due != 2 || nLate != 1 {
		t.Fatalf("count %d/%d, want 2/1", due, nLate)
	}
	// The boundary: exactly DueSoonWorkdays left is soon, one more is not.
	for received := NewDate(2021, 5, 10); received < NewDate(2021, 6, 15); received = received.AddDays(1) {
		q := mk(9, received)
		left := RemainingWorkdays(&q, today, cal)
		in := len(DueSoon([]Request{q}, today, cal)) == 1
		if in != (left <= DueSoonWorkdays) {
			t.Fatalf("received %s, %d working days left: in view %v", received, left, in)
		}
	}
	if DueSoon([]Request{late}, 0, cal) != nil || DueSoon([]Request{late}, today, nil) != nil {
		t.Fatal("no day or no calendar: no view")
	}
}

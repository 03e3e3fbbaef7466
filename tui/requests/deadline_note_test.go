package requests

import (
	"testing"

	"nianbao/model"
	"nianbao/tui/text"
)

// A request waiting for its 补正 is never overdue (Art. 30): the log shows
// 待补正 instead of 超期N日, and counts from the corrected request once it
// arrives.
func TestDeadlineNoteCorrection(t *testing.T) {
	cal := model.DefaultCalendar()
	q := model.Request{Received: 20220103, CorrectionNotice: 20220105, Applicant: model.NaturalPerson}
	if note, late := DeadlineNote(&q, 20221230, cal); note != text.ReqAwaitingCorrection || late {
		t.Errorf("awaiting correction: %q late=%v", note, late)
	}
	q.Corrected = 20220225 // deadline 2022-03-25
	if note, late := DeadlineNote(&q, 20220329, cal); !late || note != "超期2个工作日" {
		t.Errorf("after the correction: %q late=%v", note, late)
	}
	closed := model.Request{Received: 20220103, CorrectionNotice: 20220105, Answered: 20221230, Outcome: "o6_1", Applicant: model.NaturalPerson}
	if note, late := DeadlineNote(&closed, 20221230, cal); late || note == text.ReqAnsweredLate {
		t.Errorf("closed as 逾期不补正: %q late=%v", note, late)
	}
}

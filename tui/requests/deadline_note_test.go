package requests

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
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

// A deadline counted into a year without holiday data says so in the form,
// within the 80 columns of its line; a known year says nothing.
func TestFormNamesAMissingCalendarYear(t *testing.T) {
	c := setup(t, nil)
	q := model.Request{OrganID: 1, Received: 20261215, Applicant: model.NaturalPerson}
	f := openStored(t, c, q)
	want := fmt.Sprintf(text.ReqCalendarMissing, 2027)
	line := f.DeadlineLine()
	if !strings.Contains(line, want) || !strings.Contains(line, "2027年1月13日") {
		t.Errorf("deadline line: %s", line)
	}
	if w := ansi.StringWidth(line); w > 80 {
		t.Errorf("the deadline line is %d columns wide: %s", w, line)
	}
	if !strings.Contains(f.View(80, 24), want) {
		t.Error("the form does not show the warning")
	}
	known := openStored(t, c, model.Request{OrganID: 1, Received: 20210301, Applicant: model.NaturalPerson})
	if strings.Contains(known.DeadlineLine(), "未录入") {
		t.Errorf("a known year warned: %s", known.DeadlineLine())
	}
}

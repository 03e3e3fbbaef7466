package model

import (
	"strings"
	"testing"
)

// Years without official data fall back to the statutory holidays, the
// lunar ones computed; checked against the State Council's own schedules of
// built-in years (the holiday days proper, without bridging days).
func TestStatutoryHolidays(t *testing.T) {
	want := map[int][]Date{
		// 2025: 春节 除夕 is 1-28; 清明 4-4; 端午 5-31; 中秋 10-6.
		2025: {20250101, 20250128, 20250129, 20250130, 20250131, 20250404, 20250501, 20250502, 20250531, 20251001, 20251002, 20251003, 20251006},
		// 2027: 正月初一 is 2-6; 清明 4-5; 端午 6-9; 中秋 9-15.
		2027: {20270101, 20270205, 20270206, 20270207, 20270208, 20270405, 20270501, 20270502, 20270609, 20270915, 20271001, 20271002, 20271003},
	}
	for y, days := range want {
		got := StatutoryHolidays(y)
		if len(got) != len(days) {
			t.Fatalf("%d: %d days %v, want %v", y, len(got), got, days)
		}
		for i, d := range days {
			if got[i].Date != d || got[i].Workday || !got[i].Computed {
				t.Errorf("%d day %d = %+v, want %v", y, i, got[i], d)
			}
		}
	}
	// Every computed holiday of 2025 is a day off in the official schedule.
	cal := DefaultCalendar()
	for _, cd := range StatutoryHolidays(2025) {
		if cal.IsWorkday(cd.Date) {
			t.Errorf("%v is a working day in the 2025 schedule", cd.Date)
		}
	}
}

// After the built-in years the calendar no longer counts 1 January or 春节
// as working days: a request received 2026-12-15 is due on 2027-01-13, not
// 2027-01-12 as the plain weekday rule gave.
func TestCalendarBeyondTheData(t *testing.T) {
	cal := DefaultCalendar()
	if cal.IsWorkday(20270101) {
		t.Error("2027-01-01 counted as a working day")
	}
	if cal.KnownYear(2027) {
		t.Error("2027 reported as known")
	}
	if got := Deadline(&Request{Received: 20261215}, cal); got != 20270113 {
		t.Errorf("deadline = %v, want 2027-01-13", got)
	}
	// One day entered does not make the year known: the rest of it still
	// runs on the computed holidays.
	cal.Set(20270104, false, "元旦")
	if cal.KnownYear(2027) {
		t.Error("a year with one day entered is reported as known")
	}
	// Every statutory holiday entered (as a State Council notice gives them) does.
	for _, cd := range StatutoryHolidays(2027) {
		cal.Set(cd.Date, false, cd.Name)
	}
	if !cal.KnownYear(2027) || len(cal.MissingHolidays(2027)) != 0 {
		t.Errorf("a year with every statutory holiday entered is not known: missing %v", cal.MissingHolidays(2027))
	}
	// So does the clerk's mark, for a notice that moves a computed day.
	cal2 := DefaultCalendar()
	cal2.Set(20270101, false, "元旦")
	cal2.SetComplete(2027, true)
	if !cal2.KnownYear(2027) || !cal2.MarkedComplete(2027) {
		t.Error("a year marked complete is not known")
	}
	cal2.SetComplete(2027, false)
	if cal2.KnownYear(2027) {
		t.Error("the mark taken back still makes the year known")
	}
}

// K1: a deadline counted through a year without a known schedule is a
// warning naming the year, once per year; entering one day of that year
// does not clear it (it did), marking the year complete does.
func TestMissingCalendarYear(t *testing.T) {
	oy := &OrganYear{Organ: Organ{Name: "大雁镇人民政府", Level: LevelTownship}, Report: NewReport(1, 2026)}
	oy.Report.ID = 3
	oy.Requests = []Request{
		{ID: 1, Year: 2026, Serial: 1, Received: 20261215, Applicant: NaturalPerson},
		{ID: 2, Year: 2026, Serial: 2, Received: 20261216, Applicant: NaturalPerson},
		{ID: 3, Year: 2026, Serial: 3, Received: 20260301, Applicant: NaturalPerson, Answered: 20260310, Outcome: RowDisclosed},
	}
	cal := DefaultCalendar()
	fs := ruleFindings(Check(oy, cal, 20261220), "K1")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "2027年的国务院节假日安排尚未录入") || !strings.Contains(fs[0].Message, "涉及 2 件申请") {
		t.Fatalf("K1 = %+v", fs)
	}
	// One day of 2027 entered: still a warning, naming what is missing.
	cal.Set(20270101, false, "元旦")
	fs = ruleFindings(Check(oy, cal, 20261220), "K1")
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "2027年的国务院节假日安排只录入了 1 天") || !strings.Contains(fs[0].Message, "还缺春节、清明节、劳动节、端午节、中秋节、国庆节") {
		t.Fatalf("K1 after one day of the year = %+v", fs)
	}
	// Marked complete: no warning.
	cal.SetComplete(2027, true)
	if fs := ruleFindings(Check(oy, cal, 20261220), "K1"); len(fs) != 0 {
		t.Errorf("K1 after the year was marked complete: %+v", fs)
	}
}

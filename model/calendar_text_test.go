package model

import (
	"strings"
	"testing"
)

func TestParseCalendarText(t *testing.T) {
	text := "\uFEFF# 国务院办公厅关于2027年部分节假日安排的通知\r\n" +
		"2027-01-01 休 元旦\r\n" +
		"2027年2月5日 至 2027年2月11日 休 春节\n" +
		"\n" +
		"2027.2.14 班 春节调休上班\n"
	days, bad := ParseCalendarText(text)
	if len(bad) != 0 {
		t.Fatalf("bad lines: %v", bad)
	}
	if len(days) != 9 {
		t.Fatalf("%d days: %v", len(days), days)
	}
	if d := days[1]; d.Date != 20270205 || d.Workday || d.Name != "春节" {
		t.Errorf("first day of 春节: %+v", d)
	}
	if d := days[8]; d.Date != 20270214 || !d.Workday || d.Name != "春节调休上班" {
		t.Errorf("调休: %+v", d)
	}
	// Written back, it reads the same.
	again, bad := ParseCalendarText(CalendarText(days))
	if len(bad) != 0 || len(again) != len(days) {
		t.Fatalf("round trip: %v %v", again, bad)
	}
	// Used at once: the calendar counts them.
	cal := DefaultCalendar()
	for _, d := range days {
		cal.Set(d.Date, d.Workday, d.Name)
	}
	if cal.IsWorkday(20270208) || !cal.IsWorkday(20270214) {
		t.Error("imported days not used")
	}
	// 元旦 and 春节 alone do not make the year known.
	if cal.KnownYear(2027) || strings.Join(cal.MissingHolidays(2027), "、") != "清明节、劳动节、端午节、中秋节、国庆节" {
		t.Errorf("known %v, missing %v", cal.KnownYear(2027), cal.MissingHolidays(2027))
	}
}

func TestParseCalendarTextRefusesBadLines(t *testing.T) {
	_, bad := ParseCalendarText("2027-01-01 休 元旦\n2027-13-01 休 x\n2027-02-05 放 春节\n2027-02-10 至 2027-02-01 休 春节\n2027-01-01 班 重复\n2027-03-01\n")
	want := []string{"第 2 行", "第 3 行「2027-02-05 放 春节」：「放」应为 休 或 班", "第 4 行", "结束日期早于开始日期", "第 5 行", "已经写过", "第 6 行"}
	var all []string
	for _, e := range bad {
		all = append(all, e.Error())
	}
	joined := strings.Join(all, "\n")
	for _, w := range want {
		if !strings.Contains(joined, w) {
			t.Errorf("missing %q in:\n%s", w, joined)
		}
	}
	if len(bad) != 5 {
		t.Errorf("%d bad lines, want 5:\n%s", len(bad), joined)
	}
}

package model

import (
	"fmt"
	"strings"
)

// The calendar text file: a year's holidays and 调休 working days as the
// State Council's notice gives them, one line each, so that a clerk can type
// them once (or receive the file from the county office) and import it.
//
//	# 国务院办公厅关于2027年部分节假日安排的通知
//	2027-01-01 休 元旦
//	2027-02-05 至 2027-02-11 休 春节
//	2027-02-14 班 春节调休上班
//
// A line is a date or a range (至, ~ or ..), then 休 (a day off; also 假,
// 放假) or 班 (a working day; also 上班), then an optional name. Dates may
// be written as ParseDate reads them (2027-2-5, 2027.2.5, 2027年2月5日).
// Blank lines and lines starting with # are skipped.

// CalendarLineError is a line of a calendar text that cannot be read.
type CalendarLineError struct {
	Line int
	Text string
	Why  string
}

func (e CalendarLineError) Error() string {
	return fmt.Sprintf("第 %d 行「%s」：%s", e.Line, e.Text, e.Why)
}

// maxCalendarRange bounds a range line: no holiday runs longer.
const maxCalendarRange = 31

// ParseCalendarText reads a calendar text. It returns the days (a range
// gives one day each) and the lines it could not read; a caller imports
// nothing while there are bad lines.
func ParseCalendarText(text string) ([]CalendarDay, []CalendarLineError) {
	var days []CalendarDay
	var bad []CalendarLineError
	seen := map[Date]int{}
	for i, raw := range strings.Split(strings.ReplaceAll(strings.TrimPrefix(text, "\uFEFF"), "\r\n", "\n"), "\n") {
		line := strings.TrimSpace(raw)
		if line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "＃") {
			continue
		}
		fail := func(why string) { bad = append(bad, CalendarLineError{Line: i + 1, Text: line, Why: why}) }
		f := strings.Fields(strings.NewReplacer("至", " 至 ", "~", " 至 ", "～", " 至 ", "..", " 至 ").Replace(line))
		if len(f) < 2 {
			fail("应写成「日期 休 名称」或「日期 班 名称」")
			continue
		}
		from, err := ParseDate(f[0])
		if err != nil || from.IsZero() {
			fail("日期「" + f[0] + "」看不懂")
			continue
		}
		to := from
		rest := f[1:]
		if rest[0] == "至" {
			if len(rest) < 3 {
				fail("「至」后面要写结束日期，再写 休 或 班")
				continue
			}
			if to, err = ParseDate(rest[1]); err != nil || to.IsZero() {
				fail("日期「" + rest[1] + "」看不懂")
				continue
			}
			rest = rest[2:]
			if to < from {
				fail("结束日期早于开始日期")
				continue
			}
			if to > from.AddDaysFast(maxCalendarRange-1) {
				fail(fmt.Sprintf("一行最多 %d 天", maxCalendarRange))
				continue
			}
		}
		var workday bool
		switch rest[0] {
		case "休", "假", "放假", "休息":
		case "班", "上班", "调休上班":
			workday = true
		default:
			fail("「" + rest[0] + "」应为 休 或 班")
			continue
		}
		name := strings.Join(rest[1:], " ")
		for d := from; d <= to; d = d.AddDaysFast(1) {
			if prev, ok := seen[d]; ok {
				fail(fmt.Sprintf("%s 在第 %d 行已经写过", d, prev))
				break
			}
			seen[d] = i + 1
			days = append(days, CalendarDay{Date: d, Workday: workday, Name: name, Added: true})
		}
	}
	return days, bad
}

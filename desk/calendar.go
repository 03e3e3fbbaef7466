package desk

import (
	"context"
	"fmt"
	"os"
	"strings"

	"nianbao/db"
	"nianbao/model"
)

// CalendarImport is what importing a calendar text did.
type CalendarImport struct {
	Days  []model.CalendarDay // the days saved
	Years []int               // the years they fall in
}

// ImportCalendar reads a calendar text file (format: model.ParseCalendarText)
// and saves its days in one transaction. A file with any unreadable line
// saves nothing; the error lists every bad line.
func (s *Store) ImportCalendar(ctx context.Context, path string) (CalendarImport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return CalendarImport{}, fmt.Errorf("无法读取节假日文件「%s」（%v）", path, err)
	}
	days, bad := model.ParseCalendarText(string(data))
	if len(bad) > 0 {
		lines := make([]string, len(bad))
		for i, e := range bad {
			lines[i] = "  " + e.Error()
		}
		return CalendarImport{}, fmt.Errorf("节假日文件有 %d 行看不懂，没有导入任何内容：\n%s", len(bad), strings.Join(lines, "\n"))
	}
	if len(days) == 0 {
		return CalendarImport{}, fmt.Errorf("节假日文件「%s」里没有日期", path)
	}
	rows := make([]db.CalendarDay, len(days))
	var res CalendarImport
	seen := map[int]bool{}
	for i, d := range days {
		rows[i] = db.CalendarDay{Date: d.Date, Workday: d.Workday, Name: d.Name}
		if y := d.Date.Year(); !seen[y] {
			seen[y] = true
			res.Years = append(res.Years, y)
		}
	}
	if err := s.SaveCalendarDays(ctx, rows); err != nil {
		return CalendarImport{}, err
	}
	res.Days = days
	return res, nil
}

// MissingCalendarYears lists the years from first to last whose holiday
// schedule cal does not know (neither built in nor entered).
func MissingCalendarYears(cal *model.Calendar, first, last int) []int {
	var out []int
	for y := first; y <= last; y++ {
		if !cal.KnownYear(y) {
			out = append(out, y)
		}
	}
	return out
}

// SetCalendarDay saves one day the clerk entered (a holiday or a 调休
// working day).
func (s *Store) SetCalendarDay(ctx context.Context, d model.CalendarDay) error {
	return s.SaveCalendarDay(ctx, db.CalendarDay{Date: d.Date, Workday: d.Workday, Name: d.Name})
}

// UnsetCalendarDay removes a day the clerk entered; the built-in or
// computed schedule applies to it again.
func (s *Store) UnsetCalendarDay(ctx context.Context, d model.Date) error {
	return s.DeleteCalendarDay(ctx, d)
}

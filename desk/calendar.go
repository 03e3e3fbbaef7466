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
	Days  int   // days saved
	Years []int // the years they fall in
}

// ImportCalendarFile reads a calendar text file (format: model.ParseCalendarText)
// and saves its days in one transaction. A file with any unreadable line
// saves nothing; the error lists every bad line.
func ImportCalendarFile(ctx context.Context, st *db.Store, path string) (CalendarImport, error) {
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
	if err := st.SaveCalendarDays(ctx, rows); err != nil {
		return CalendarImport{}, err
	}
	res.Days = len(days)
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

package model

import (
	"fmt"
	"time"
)

// Date is a calendar day encoded as yyyymmdd (20210305). The zero value means
// "not set". The encoding keeps dates ordered as integers, readable in the
// database and cheap to compare across 50,000 log entries.
type Date int32

// NewDate builds a Date from its parts. It does not validate; use ValidDate.
func NewDate(y, m, d int) Date { return Date(y*10000 + m*100 + d) }

// DateOf converts a time.Time to a Date in the time's own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), int(t.Month()), t.Day()) }

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == 0 }

// Year, Month and Day return the parts.
func (d Date) Year() int  { return int(d) / 10000 }
func (d Date) Month() int { return int(d) / 100 % 100 }
func (d Date) Day() int   { return int(d) % 100 }

// Time returns midnight UTC of the date.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), time.Month(d.Month()), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays moves the date by n calendar days.
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// Weekday returns the day of the week.
func (d Date) Weekday() time.Weekday { return d.Time().Weekday() }

// Valid reports whether the date names a real calendar day.
func (d Date) Valid() bool {
	if d.IsZero() {
		return false
	}
	y, m, day := d.Year(), d.Month(), d.Day()
	if y < 1900 || y > 2999 || m < 1 || m > 12 || day < 1 {
		return false
	}
	return day <= DaysInMonth(y, m)
}

// String prints ISO form (2021-03-05), or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	y, m, day := d.Year(), d.Month(), d.Day()
	if y < 0 || y > 9999 || m < 0 || m > 99 {
		return fmt.Sprintf("%04d-%02d-%02d", y, m, day)
	}
	// Built by hand: a log of 50,000 entries prints many dates.
	b := [10]byte{
		byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + m/10), byte('0' + m%10), '-', byte('0' + day/10), byte('0' + day%10),
	}
	return string(b[:])
}

// Chinese prints 2021年3月5日, the form used in report text.
func (d Date) Chinese() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day())
}

// YearStart and YearEnd bound a statistics period.
func YearStart(y int) Date { return NewDate(y, 1, 1) }
func YearEnd(y int) Date   { return NewDate(y, 12, 31) }

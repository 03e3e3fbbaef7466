package model

import (
	"testing"
	"time"
)

func TestCalendarKnownDays(t *testing.T) {
	cal := DefaultCalendar()
	cases := []struct {
		d    Date
		work bool
		why  string
	}{
		// 2019
		{20190202, true, "2019 春节 调休 Saturday"},
		{20190505, true, "2019 劳动节 调休 Sunday"},
		{20191001, false, "2019 国庆节"},
		{20191012, true, "2019 国庆 调休 Saturday"},
		{20191013, false, "plain Sunday"},
		{20190204, false, "2019 除夕 (Monday) off"},
		// 2020
		{20200119, true, "2020 春节 调休 Sunday"},
		{20200124, false, "2020 除夕 off"},
		{20200509, true, "2020 劳动节 调休 Saturday"},
		{20201008, false, "2020 国庆中秋 Thursday off"},
		{20201010, true, "2020 国庆 调休 Saturday"},
		// 2021
		{20210101, false, "2021 元旦"},
		{20210207, true, "2021 春节 调休 Sunday"},
		{20210220, true, "2021 春节 调休 Saturday"},
		{20210918, true, "2021 中秋 调休 Saturday"},
		{20211001, false, "2021 国庆节"},
		{20211009, true, "2021 国庆 调休 Saturday"},
		// 2022
		{20220129, true, "2022 春节 调休 Saturday"},
		{20220130, true, "2022 春节 调休 Sunday"},
		{20220405, false, "2022 清明节 Tuesday off"},
		{20221008, true, "2022 国庆 调休 Saturday"},
		{20221007, false, "2022 国庆节 Friday off"},
		// 2023
		{20230128, true, "2023 春节 调休 Saturday"},
		{20230423, true, "2023 劳动节 调休 Sunday"},
		{20230929, false, "2023 中秋 Friday off"},
		{20231007, true, "2023 国庆 调休 Saturday"},
		{20231008, true, "2023 国庆 调休 Sunday"},
		// 2024
		{20240204, true, "2024 春节 调休 Sunday"},
		{20240212, false, "2024 春节 Monday off"},
		{20240218, true, "2024 春节 调休 Sunday"},
		{20240929, true, "2024 国庆 调休 Sunday"},
		{20241001, false, "2024 国庆节"},
		{20241012, true, "2024 国庆 调休 Saturday"},
		// 2025
		{20250126, true, "2025 春节 调休 Sunday"},
		{20250208, true, "2025 春节 调休 Saturday"},
		{20250427, true, "2025 劳动节 调休 Sunday"},
		{20251008, false, "2025 国庆中秋 Wednesday off"},
		{20251011, true, "2025 国庆 调休 Saturday"},
		// 2026
		{20260102, false, "2026 元旦 Friday off"},
		{20260104, true, "2026 元旦 调休 Sunday"},
		{20260214, true, "2026 春节 调休 Saturday"},
		{20260223, false, "2026 春节 Monday off"},
		{20260920, true, "2026 国庆 调休 Sunday"},
		{20261010, true, "2026 国庆 调休 Saturday"},
		// plain days
		{20211103, true, "plain Wednesday"},
		{20211106, false, "plain Saturday"},
		{20300105, false, "Saturday in an unknown year"},
		{20300107, true, "Monday in an unknown year"},
		{18991231, false, "Sunday before the bitset range"},
		{22000103, true, "Friday after the bitset range"},
	}
	for _, c := range cases {
		if got := cal.IsWorkday(c.d); got != c.work {
			t.Errorf("IsWorkday(%v) = %v, want %v (%s)", c.d, got, c.work, c.why)
		}
	}
}

// The bitset must agree, day by day, with a direct reading of the built-in
// schedule and the weekday rule.
func TestCalendarMatchesSchedule(t *testing.T) {
	cal := DefaultCalendar()
	for d := NewDate(2018, 1, 1); d <= NewDate(2027, 12, 31); d = d.AddDays(1) {
		want := d.Weekday() != time.Saturday && d.Weekday() != time.Sunday
		if cd, ok := cal.builtin[d]; ok {
			want = cd.Workday
		}
		if got := cal.IsWorkday(d); got != want {
			t.Fatalf("IsWorkday(%v) = %v, want %v", d, got, want)
		}
	}
}

func TestDayNumberRoundTrip(t *testing.T) {
	for d := NewDate(1899, 12, 25); d <= NewDate(2101, 1, 5); d = d.AddDays(1) {
		n := dayNumber(d)
		if back := fromDayNumber(n); back != d {
			t.Fatalf("fromDayNumber(dayNumber(%v)) = %v", d, back)
		}
		if want := int(d.Time().Unix() / 86400); n != want {
			t.Fatalf("dayNumber(%v) = %d, want %d", d, n, want)
		}
	}
}

func TestAddWorkdays(t *testing.T) {
	cal := DefaultCalendar()
	cases := []struct {
		from Date
		n    int
		want Date
	}{
		{20211103, 0, 20211103},
		{20211103, 1, 20211104},
		{20211105, 1, 20211108},              // Friday → Monday
		{20190920, 20, 20191023},             // across 国庆 2019 with two 调休 days
		{20201231, 1, 20210104},              // across 元旦 2021 and a year boundary
		{20201231, 20, 20210129},             // 20 days across the boundary
		{20210201, 20, 20210304},             // across 春节 2021
		{20190930, 1, 20191008},              // last day before 国庆
		{20260930, 7, 20261015},              // 国庆 2026: 10-8, 9, 10 (Sat), 12, 13, 14, 15
		{20300104, 1, 20300107},              // unknown year: weekday rule
		{20991230, 1, NewDate(2099, 12, 31)}, // 2099-12-31 is a Thursday
		{20991231, 1, NewDate(2100, 1, 4)},   // 2100-01-01, a Friday, is 元旦 (statutory fallback)
	}
	for _, c := range cases {
		if got := cal.AddWorkdays(c.from, c.n); got != c.want {
			t.Errorf("AddWorkdays(%v, %d) = %v, want %v", c.from, c.n, got, c.want)
		}
		if c.n > 0 {
			if got := cal.WorkdaysBetween(c.from, c.want); got != c.n {
				t.Errorf("WorkdaysBetween(%v, %v) = %d, want %d", c.from, c.want, got, c.n)
			}
			if got := cal.WorkdaysBetween(c.want, c.from); got != -c.n {
				t.Errorf("WorkdaysBetween(%v, %v) = %d, want %d", c.want, c.from, got, -c.n)
			}
		}
	}
	if got := cal.WorkdaysBetween(20191001, 20191007); got != 0 {
		t.Errorf("WorkdaysBetween over 国庆 = %d, want 0", got)
	}
}

func TestCalendarSet(t *testing.T) {
	cal := DefaultCalendar()
	if cal.KnownYear(2027) {
		t.Fatal("2027 should not be known before the clerk adds it")
	}
	for y := BuiltinFirstYear; y <= BuiltinLastYear; y++ {
		if !cal.KnownYear(y) {
			t.Errorf("KnownYear(%d) = false, want built in", y)
		}
	}
	// The clerk adds the 2027 New Year: Friday 1 January off.
	cal.Set(20270101, false, "元旦")
	if cal.IsWorkday(20270101) {
		t.Fatal("added holiday not applied")
	}
	if cal.KnownYear(2027) {
		t.Fatal("one added day makes 2027 known")
	}
	if got := cal.AddWorkdays(20261231, 1); got != 20270104 {
		t.Errorf("AddWorkdays over the added holiday = %v, want 2027-01-04", got)
	}
	// A clerk override of a built-in day wins, and Unset restores it.
	cal.Set(20191012, false, "本地调整")
	if cal.IsWorkday(20191012) {
		t.Error("override of a built-in 调休 day not applied")
	}
	cal.Unset(20191012)
	if !cal.IsWorkday(20191012) {
		t.Error("Unset did not restore the built-in 调休 day")
	}
	// A year beyond the bitset range still takes added days.
	cal.Set(21500105, false, "测试")
	if cal.IsWorkday(21500105) {
		t.Error("added day beyond the bitset range ignored")
	}
	// Each DefaultCalendar is independent.
	if !DefaultCalendar().IsWorkday(20191012) || DefaultCalendar().KnownYear(2027) {
		t.Error("Set leaked into another calendar")
	}
	cal.Set(20260101, true, "值班")
	days := cal.Days(2026)
	if len(days) == 0 || days[0].Date != 20260101 || !days[0].Workday || !days[0].Added {
		t.Fatalf("Days(2026) first = %+v, want the added 2026-01-01 work day", days[0])
	}
	for i := 1; i < len(days); i++ {
		if days[i-1].Date >= days[i].Date {
			t.Fatal("Days not in date order or has duplicates")
		}
	}
	var sawTiaoxiu bool
	for _, d := range days {
		if d.Date == 20260104 {
			sawTiaoxiu = d.Workday && !d.Added && d.Name != ""
		}
	}
	if !sawTiaoxiu {
		t.Error("Days(2026) lacks the built-in 调休 day 2026-01-04")
	}
	if added := cal.AddedDays(); len(added) != 3 {
		t.Errorf("AddedDays = %d days, want 3", len(added))
	}
}

func BenchmarkAddWorkdays(b *testing.B) {
	cal := DefaultCalendar()
	for i := 0; i < b.N; i++ {
		cal.AddWorkdays(NewDate(2021, 1+i%12, 1+i%28), 40)
	}
}

func TestAddWorkdaysAbsurdCountStaysInRange(t *testing.T) {
	cal := DefaultCalendar()
	start := NewDate(2021, 3, 1)
	got := cal.AddWorkdays(start, 2_000_000_000)
	if !got.Valid() || got <= start {
		t.Fatalf("AddWorkdays with an absurd count gave %v, want a valid later date", got)
	}
	q := Request{Received: start, Applicant: NaturalPerson, ExtDays: 2_000_000_000, ExcludedDays: 2_000_000_000}
	if d := Deadline(&q, cal); !d.Valid() {
		t.Fatalf("Deadline with absurd day counts gave %v", d)
	}
}

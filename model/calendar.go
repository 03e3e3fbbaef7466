package model

import (
	"math/bits"
	"sort"
	"strconv"
	"sync"

	"github.com/6tail/lunar-go/HolidayUtil"
	"github.com/6tail/lunar-go/calendar"
)

// The working-day calendar (spec §7): Monday to Friday are working days,
// except official holidays; some Saturdays and Sundays are working days
// (调休). The State Council publishes the schedule every year; the years up
// to 2026 are built in, and the clerk may add days for later years.

// CalendarDay is one day that differs from the plain Monday–Friday rule, or
// that the clerk set explicitly.
type CalendarDay struct {
	Date    Date
	Workday bool
	Name    string // 国庆节, 春节 调休上班 …
	// Added marks a day the clerk added or changed (kept in the database);
	// built-in days have it false.
	Added bool
	// Computed marks a statutory holiday of a year without official data,
	// worked out from the 《全国年节及纪念日放假办法》 dates (the lunar ones
	// computed); such a year has no 调休 days.
	Computed bool
}

// Built-in schedule years and the range of years the calendar keeps a
// bitset for (outside it, the plain weekday rule and added days apply).
const (
	BuiltinFirstYear = 2019
	BuiltinLastYear  = 2026
	calFirstYear     = 1990
	calLastYear      = 2100
)

// yearBits holds one bit per day of a year, set for a working day.
type yearBits [6]uint64

func (b *yearBits) get(i int) bool { return b[i>>6]&(1<<(uint(i)&63)) != 0 }
func (b *yearBits) set(i int, v bool) {
	if v {
		b[i>>6] |= 1 << (uint(i) & 63)
	} else {
		b[i>>6] &^= 1 << (uint(i) & 63)
	}
}

// Calendar answers working-day questions. It is not safe for concurrent
// mutation; Set it up, then share it read-only.
type Calendar struct {
	builtin map[Date]CalendarDay // shared, never mutated
	added   map[Date]CalendarDay
	// bits[y-calFirstYear] marks the working days of year y; starts holds the
	// day number of each year's 1 January, plus one past the last year.
	bits   []yearBits
	starts []int32
	// complete marks the years the clerk said are entered in full.
	complete map[int]bool
}

var (
	baseOnce     sync.Once
	baseBuiltin  map[Date]CalendarDay
	baseBits     []yearBits
	baseStarts   []int32
	builtinYears = map[int]bool{}
)

func loadBase() {
	baseBuiltin = map[Date]CalendarDay{}
	// 2018 is loaded too: its last days (the 2019 New Year break) matter to
	// requests received in late 2018 and answered in 2019.
	for y := BuiltinFirstYear - 1; y <= BuiltinLastYear; y++ {
		l := HolidayUtil.GetHolidaysByYear(y)
		for e := l.Front(); e != nil; e = e.Next() {
			h := e.Value.(*HolidayUtil.Holiday)
			d := parseISODay(h.GetDay())
			if !d.Valid() || d.Year() != y {
				continue
			}
			name := h.GetName()
			if h.IsWork() {
				name += " 调休上班"
			}
			baseBuiltin[d] = CalendarDay{Date: d, Workday: h.IsWork(), Name: name}
		}
		if y >= BuiltinFirstYear {
			builtinYears[y] = true
		}
	}
	n := calLastYear - calFirstYear + 1
	baseBits = make([]yearBits, n)
	baseStarts = make([]int32, n+1)
	baseStarts[n] = int32(dayNumber(NewDate(calLastYear+1, 1, 1)))
	for i := 0; i < n; i++ {
		y := calFirstYear + i
		start := dayNumber(NewDate(y, 1, 1))
		baseStarts[i] = int32(start)
		days := 365
		if DaysInMonth(y, 2) == 29 {
			days = 366
		}
		for k := 0; k < days; k++ {
			baseBits[i].set(k, weekdayRule(start+k))
		}
	}
	for y := BuiltinLastYear + 1; y <= calLastYear; y++ {
		for _, cd := range StatutoryHolidays(y) {
			baseBuiltin[cd.Date] = cd
		}
	}
	for d, cd := range baseBuiltin {
		i := d.Year() - calFirstYear
		baseBits[i].set(dayNumber(d)-int(baseStarts[i]), cd.Workday)
	}
}

// StatutoryHolidays are the days off of year y under the 《全国年节及纪念日
// 放假办法》 as revised in 2024: 元旦 1 January; 春节 除夕 to 正月初三; 清明
// on its solar term; 劳动节 1–2 May; 端午 五月初五; 中秋 八月十五; 国庆 1–3
// October. The lunar dates are computed. This is the fallback for a year
// whose State Council schedule is not known: it has no 调休 and no bridging
// days, so deadlines in such a year may be a day or two off; Check warns.
func StatutoryHolidays(y int) []CalendarDay {
	var out []CalendarDay
	add := func(d Date, name string) {
		if d.Valid() && d.Year() == y {
			out = append(out, CalendarDay{Date: d, Name: name, Computed: true})
		}
	}
	lunar := lunarDaysOf(y)
	add(NewDate(y, 1, 1), "元旦")
	// 春节: 除夕 is the day before 正月初一 of lunar year y.
	if ny := lunar.newYear; ny.Valid() {
		for k := -1; k <= 2; k++ {
			add(ny.AddDaysFast(k), "春节")
		}
	}
	if lunar.qingming.Valid() {
		add(lunar.qingming, "清明节")
	}
	add(NewDate(y, 5, 1), "劳动节")
	add(NewDate(y, 5, 2), "劳动节")
	add(lunar.duanwu, "端午节")
	add(lunar.zhongqiu, "中秋节")
	for d := 1; d <= 3; d++ {
		add(NewDate(y, 10, d), "国庆节")
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// lunarDays are the solar dates of year y's holidays that follow the
// lunar calendar or a solar term: 正月初一, 清明, 端午 (五月初五) and 中秋
// (八月十五); a zero Date where there is none.
type lunarDays struct{ newYear, qingming, duanwu, zhongqiu Date }

// lunarDaysOf looks year y up in lunarTable (the years after the built-in
// schedule up to calLastYear, which the calendar fills at start-up), or
// computes it.
func lunarDaysOf(y int) lunarDays {
	if i := y - lunarTableFirst; i >= 0 && i < len(lunarTable) {
		e := lunarTable[i]
		at := func(mmdd uint16) Date { return NewDate(y, int(mmdd/100), int(mmdd%100)) }
		return lunarDays{at(e[0]), at(e[1]), at(e[2]), at(e[3])}
	}
	return computeLunarDays(y)
}

// computeLunarDays works year y's lunarDays out with lunar-go: about 1.5 ms
// a year on an office PC, which is why the years the calendar fills at
// start-up come from lunarTable instead.
func computeLunarDays(y int) lunarDays {
	solar := func(s *calendar.Solar) Date { return NewDate(s.GetYear(), s.GetMonth(), s.GetDay()) }
	var l lunarDays
	l.newYear = solar(calendar.NewLunarFromYmd(y, 1, 1).GetSolar())
	if qm, ok := calendar.NewSolarFromYmd(y, 4, 4).GetLunar().GetJieQiTable()["清明"]; ok {
		l.qingming = solar(qm)
	}
	l.duanwu = solar(calendar.NewLunarFromYmd(y, 5, 5).GetSolar())
	l.zhongqiu = solar(calendar.NewLunarFromYmd(y, 8, 15).GetSolar())
	return l
}

// parseISODay reads "2019-10-12".
func parseISODay(s string) Date {
	if len(s) != 10 {
		return 0
	}
	y, e1 := strconv.Atoi(s[:4])
	m, e2 := strconv.Atoi(s[5:7])
	d, e3 := strconv.Atoi(s[8:])
	if e1 != nil || e2 != nil || e3 != nil {
		return 0
	}
	return NewDate(y, m, d)
}

// DefaultCalendar returns a calendar with the built-in schedule for
// 2019–2026 and no added days. Each call returns an independent copy.
func DefaultCalendar() *Calendar {
	baseOnce.Do(loadBase)
	c := &Calendar{
		builtin: baseBuiltin,
		added:   map[Date]CalendarDay{},
		bits:    make([]yearBits, len(baseBits)),
		starts:  baseStarts,
	}
	copy(c.bits, baseBits)
	return c
}

// Set records a clerk-added day: d is a working day or not, named name (e.g.
// 春节, 调休上班). It overrides the built-in schedule and the weekday rule.
// Invalid dates are ignored.
func (c *Calendar) Set(d Date, workday bool, name string) {
	if !d.Valid() {
		return
	}
	if c.added == nil {
		c.added = map[Date]CalendarDay{}
	}
	c.added[d] = CalendarDay{Date: d, Workday: workday, Name: name, Added: true}
	if i := d.Year() - calFirstYear; i >= 0 && i < len(c.bits) {
		c.bits[i].set(dayNumber(d)-int(c.starts[i]), workday)
	}
}

// Unset removes a clerk-added day; the built-in schedule (or the weekday
// rule) applies to it again.
func (c *Calendar) Unset(d Date) {
	if _, ok := c.added[d]; !ok {
		return
	}
	delete(c.added, d)
	if i := d.Year() - calFirstYear; i >= 0 && i < len(c.bits) {
		w := weekdayRule(dayNumber(d))
		if b, ok := c.builtin[d]; ok {
			w = b.Workday
		}
		c.bits[i].set(dayNumber(d)-int(c.starts[i]), w)
	}
}

// IsWorkday reports whether d is a working day.
func (c *Calendar) IsWorkday(d Date) bool {
	return c.isWorkdayN(d.Year(), dayNumber(d))
}

// isWorkdayN answers for the day number n that falls in year y.
func (c *Calendar) isWorkdayN(y, n int) bool {
	hint := y - calFirstYear
	return c.workdayAt(n, &hint)
}

// workdayAt answers for day number n; *hint is the year index of a recent
// day, which makes walking day by day free of map lookups and date math.
func (c *Calendar) workdayAt(n int, hint *int) bool {
	i := *hint
	if !c.inYear(n, i) { // checked here first: a walk asks for every day
		if i = c.yearIndex(n, hint); i < 0 {
			if cd, ok := c.added[fromDayNumber(n)]; ok {
				return cd.Workday
			}
			return weekdayRule(n)
		}
	}
	return c.bits[i].get(n - int(c.starts[i]))
}

// maxWorkdaySpan bounds AddWorkdays: about 100 years of working days.
const maxWorkdaySpan = 25000

// AddWorkdays returns the n-th working day after d (n ≥ 0; 0 returns d). The
// day d itself is not counted, as the Regulation counts periods.
func (c *Calendar) AddWorkdays(d Date, n int) Date {
	if d.IsZero() || n <= 0 {
		return d
	}
	// A day count from bad data (an absurd extension or consultation
	// period) must not run for minutes or leave the encodable date range.
	if n > maxWorkdaySpan {
		n = maxWorkdaySpan
	}
	day := dayNumber(d)
	hint := d.Year() - calFirstYear
	for n > 0 {
		if i := c.yearIndex(day+1, &hint); i >= 0 {
			// A year the calendar keeps bits for: count a word of days at
			// a time (a check of 50,000 requests works out 100,000
			// deadlines).
			start, end := int(c.starts[i]), int(c.starts[i+1])
			for off := day + 1 - start; off < end-start; {
				b := uint(off & 63)
				span := min(64-int(b), end-start-off)
				word := c.bits[i][off>>6] >> b
				if span < 64 {
					word &= uint64(1)<<uint(span) - 1
				}
				if k := bits.OnesCount64(word); k < n {
					n -= k
					off += span
					continue
				}
				for ; n > 1; n-- {
					word &= word - 1
				}
				return fromDayNumber(start + off + bits.TrailingZeros64(word))
			}
			day = end - 1
			continue
		}
		day++
		if c.workdayAt(day, &hint) {
			n--
		}
	}
	return fromDayNumber(day)
}

// yearIndex is the index in bits of the year of day number n, or -1 when
// the calendar keeps no bits for it; hint is the index to try first (it
// is updated).
func (c *Calendar) yearIndex(n int, hint *int) int {
	i := *hint
	if !c.inYear(n, i) {
		i = fromDayNumber(n).Year() - calFirstYear
		*hint = i
	}
	if i < 0 || i >= len(c.bits) {
		return -1
	}
	return i
}

// inYear reports whether day number n falls in the year of index i in bits.
func (c *Calendar) inYear(n, i int) bool {
	return i >= 0 && i < len(c.bits) && n >= int(c.starts[i]) && n < int(c.starts[i+1])
}

// WorkdaysBetween counts the working days after a up to and including b; it
// is negative (counting the other way) when b is before a.
func (c *Calendar) WorkdaysBetween(a, b Date) int {
	if a.IsZero() || b.IsZero() || a == b {
		return 0
	}
	if b < a {
		return -c.WorkdaysBetween(b, a)
	}
	na, nb := dayNumber(a), dayNumber(b)
	hint := a.Year() - calFirstYear
	count := 0
	for n := na + 1; n <= nb; n++ {
		if c.workdayAt(n, &hint) {
			count++
		}
	}
	return count
}

// KnownYear reports whether the schedule of year y is known: built in,
// marked complete by the clerk, or entered with every statutory holiday (a
// State Council notice always gives them all). One day entered is not
// enough: the rest of the year would still run on the computed fallback.
func (c *Calendar) KnownYear(y int) bool {
	if builtinYears[y] || c.complete[y] {
		return true
	}
	return len(c.MissingHolidays(y)) == 0
}

// MissingHolidays names the statutory holidays of year y (元旦, 春节, …) that
// have no day entered by the clerk as a day off, in calendar order.
func (c *Calendar) MissingHolidays(y int) []string {
	var out []string
	seen := map[string]bool{}
	for _, cd := range StatutoryHolidays(y) {
		if a, ok := c.added[cd.Date]; ok && !a.Workday {
			continue
		}
		if !seen[cd.Name] {
			seen[cd.Name] = true
			out = append(out, cd.Name)
		}
	}
	return out
}

// EnteredDays counts the days of year y the clerk entered.
func (c *Calendar) EnteredDays(y int) int {
	n := 0
	for d := range c.added {
		if d.Year() == y {
			n++
		}
	}
	return n
}

// SetComplete records the clerk's word that year y's schedule is entered in
// full (done), or takes it back.
func (c *Calendar) SetComplete(y int, done bool) {
	if c.complete == nil {
		c.complete = map[int]bool{}
	}
	if done {
		c.complete[y] = true
	} else {
		delete(c.complete, y)
	}
}

// MarkedComplete reports whether the clerk marked year y complete.
func (c *Calendar) MarkedComplete(y int) bool { return c.complete[y] }

// Days lists the days of year y that differ from the weekday rule or that the
// clerk set, built-in and added together (an added day replaces the built-in
// one), in date order.
func (c *Calendar) Days(y int) []CalendarDay {
	var out []CalendarDay
	for d, cd := range c.builtin {
		if d.Year() != y {
			continue
		}
		if _, ok := c.added[d]; ok {
			continue
		}
		out = append(out, cd)
	}
	for d, cd := range c.added {
		if d.Year() == y {
			out = append(out, cd)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// AddedDays lists every clerk-added day in date order (what the database
// keeps).
func (c *Calendar) AddedDays() []CalendarDay {
	out := make([]CalendarDay, 0, len(c.added))
	for _, cd := range c.added {
		out = append(out, cd)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// AddDaysFast moves the date by n calendar days without going through
// time.Time.
func (d Date) AddDaysFast(n int) Date {
	if d.IsZero() {
		return d
	}
	return fromDayNumber(dayNumber(d) + n)
}

// weekdayRule: Monday to Friday work, Saturday and Sunday rest. n is a day
// number (days since 1970-01-01, a Thursday).
func weekdayRule(n int) bool {
	w := ((n+4)%7 + 7) % 7 // 0 = Sunday
	return w != 0 && w != 6
}

// dayNumber converts a Date to days since 1970-01-01 (proleptic Gregorian).
func dayNumber(d Date) int {
	y, m, day := d.Year(), d.Month(), d.Day()
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// fromDayNumber is the inverse of dayNumber.
func fromDayNumber(n int) Date {
	z := n + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return NewDate(y, m, d)
}

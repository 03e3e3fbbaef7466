package model

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Consistency rules (spec §8). Check runs every rule on one organ-year and
// returns the findings, errors first, then by report section.

// Check runs every consistency rule on oy. cal gives working days for the
// deadline rules (nil means DefaultCalendar); today is the date the L6
// overdue rule measures against (zero skips it).
func Check(oy *OrganYear, cal *Calendar, today Date) []Finding {
	return NewCheckRun(oy, cal, today).Findings()
}

type checker struct {
	oy    *OrganYear
	r     *Report
	f     *Format
	cal   *Calendar
	today Date
	v     Values
	out   []Finding
}

func (c *checker) add(f Finding) { c.out = append(c.out, f) }

// joined is the findings of the parts, in order, sorted (sortFindings) into
// a new slice with the acknowledgements applied; it changes none of the
// parts. A check run keeps its groups' findings from one run to the next
// and joins them here without copying them into one list first: at 50,000
// requests that list was thousands of findings, a third of what a saved
// field allocated.
func (c *checker) joined(parts [][]Finding) []Finding {
	out := sortFindings(parts...)
	if len(c.r.Acks) == 0 {
		return out
	}
	acks := make(map[string]Ack, len(c.r.Acks))
	for _, a := range c.r.Acks {
		acks[a.Rule+"\x00"+a.Target] = a
	}
	for i := range out {
		f := &out[i]
		if f.Severity != Warning {
			continue
		}
		if a, ok := acks[f.Rule+"\x00"+f.Target()]; ok {
			f.Acked = true
			f.AckReason = a.Reason
		}
	}
	return out
}

// sortFindings orders the findings of the parts, taken in order, errors
// first, then by section, keeping the order of equal ones, in a new slice.
// The key has a handful of values, so it is a counting sort: a year of
// 50,000 requests has thousands of findings, which a stable comparison
// sort moved about n·log²n times on every check of a saved field.
func sortFindings(parts ...[]Finding) []Finding {
	type key struct{ sev, sec int }
	var keys []key // the distinct keys, sorted
	at := func(k key) int {
		i := sort.Search(len(keys), func(i int) bool {
			return keys[i].sev > k.sev || keys[i].sev == k.sev && keys[i].sec >= k.sec
		})
		if i == len(keys) || keys[i] != k {
			keys = append(keys, key{})
			copy(keys[i+1:], keys[i:])
			keys[i] = k
		}
		return i
	}
	n := 0
	for _, fs := range parts {
		n += len(fs)
		for i := range fs {
			at(key{int(fs[i].Severity), fs[i].Section})
		}
	}
	start := make([]int, len(keys)+1)
	for _, fs := range parts {
		for i := range fs {
			start[at(key{int(fs[i].Severity), fs[i].Section})+1]++
		}
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	out := make([]Finding, n)
	for _, fs := range parts {
		for i := range fs {
			b := at(key{int(fs[i].Severity), fs[i].Section})
			out[start[b]] = fs[i]
			start[b]++
		}
	}
	return out
}

// s3ColName names a table 三 column for messages: 自然人列, 总计列.
func s3ColName(col string) string {
	if col == ColTotal {
		return "总计列"
	}
	return ApplicantType(col).Label() + "列"
}

var s3Cols = func() []string {
	cs := make([]string, 0, 7)
	for _, a := range ApplicantTypes {
		cs = append(cs, string(a))
	}
	return append(cs, ColTotal)
}()

func i64(n int64) string { return strconv.FormatInt(n, 10) }

// sumExpr prints "1+2+0=3".
func sumExpr(parts []int64) string {
	var b strings.Builder
	var s int64
	for i, p := range parts {
		if i > 0 {
			b.WriteByte('+')
		}
		b.WriteString(i64(p))
		s += p
	}
	if len(parts) > 1 {
		b.WriteString("=" + i64(s))
	}
	return b.String()
}

func sum(parts []int64) int64 {
	var s int64
	for _, p := range parts {
		s += p
	}
	return s
}

// ---- F1, F2: the right format ----

// citesNotice reports whether text cites the notice basis (国办公开办函〔2019〕60号)
// in any of the forms clerks type it: other brackets, full-width digits, or
// just 〔2019〕60号.
func citesNotice(text, basis string) bool {
	if text == "" {
		return false
	}
	// 国办公开办函〔2019〕60号 → year 2019, number 60.
	open := strings.Index(basis, "〔")
	close := strings.Index(basis, "〕")
	if open < 0 || close < 0 {
		return strings.Contains(text, basis)
	}
	year := basis[open+len("〔") : close]
	num := strings.TrimSuffix(basis[close+len("〕"):], "号")
	t := NormalizeDigits(text)
	// Only a 办函 number counts: a local document may share year and number
	// (鄂政办发〔2019〕60号).
	for _, br := range [][2]string{{"〔", "〕"}, {"[", "]"}, {"【", "】"}, {"(", ")"}, {"", ""}} {
		key := br[0] + year + br[1] + num + "号"
		for rest := t; ; {
			i := strings.Index(rest, key)
			if i < 0 {
				break
			}
			if strings.HasSuffix(strings.TrimRight(rest[:i], " "), "办函") {
				return true
			}
			rest = rest[i+len(key):]
		}
	}
	return false
}

// citesTitle reports whether text cites a format by its title (年度报告格式
// （试行）), with either kind of bracket and any spaces inside.
func citesTitle(text, title string) bool {
	if title == "" || text == "" {
		return false
	}
	norm := strings.NewReplacer("(", "（", ")", "）", " ", "", "\u3000", "")
	return strings.Contains(norm.Replace(text), norm.Replace(title))
}

// nationalOffice issues the format notices (国务院办公厅政府信息与政务公开办公室).
const nationalOffice = "政府信息与政务公开办公室"

// citesNoticeTitle reports whether text names the national office's notice
// titled notice (Format.Notice), book-title marks and spaces aside:
// 「国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》」.
func citesNoticeTitle(text, notice string) bool {
	if notice == "" || !strings.Contains(text, nationalOffice) {
		return false
	}
	strip := strings.NewReplacer("《", "", "》", "", "〈", "", "〉", "", "<", "", ">", "", "“", "", "”", "", "\"", "", " ", "", "\u3000", "")
	return strings.Contains(strip.Replace(text), nationalOffice+notice)
}

func (c *checker) formatRules() {
	want := FormatForYear(c.r.Year)
	if want == nil {
		c.add(Finding{Rule: "F1", Severity: Error, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID},
			Message: fmt.Sprintf("%d年早于国家统一格式的施行年度，请核对报告年度", c.r.Year)})
		return
	}
	if c.f.ID != want.ID {
		c.add(Finding{Rule: "F1", Severity: Error, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID},
			Message: fmt.Sprintf("%d年的报告应使用%s格式（%s），现在用的是%s格式，请改用正确的格式", c.r.Year, want.Name, want.Basis, c.f.Name)})
	}
	for _, other := range Formats() {
		if other.ID == want.ID {
			continue
		}
		// cited names what text cites of the other format: its notice, or
		// else its title; "" when neither.
		cited := func(text string) string {
			if citesNotice(text, other.Basis) {
				return other.Basis
			}
			if citesTitle(text, other.Title) {
				return "《" + other.Title + "》"
			}
			if citesNoticeTitle(text, other.Notice) {
				return "《国务院办公厅" + nationalOffice + other.Notice + "》即" + other.Basis
			}
			return ""
		}
		msg := func(where, what string) string {
			return fmt.Sprintf("%s引用了%s（%s格式的依据），%d年的报告应依据%s", where, what, other.Name, c.r.Year, want.Basis)
		}
		what := cited(c.r.Preamble.Text)
		if what == "" {
			what = cited(c.r.Preamble.Basis)
		}
		if what != "" {
			c.add(Finding{Rule: "F2", Severity: Error, Section: 0, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID}, Message: msg("报告开头一段", what)})
		}
		for _, b := range c.r.Blocks {
			if what := cited(b.Text); what != "" {
				c.add(Finding{Rule: "F2", Severity: Error, Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID},
					Message: msg(sectionName(b.Section), what)})
			}
		}
	}
}

func sectionName(s int) string {
	if s >= 1 && s <= 6 {
		return "「" + SectionTitles[s] + "」"
	}
	return "报告开头一段"
}

// ---- O1, I1, I2: table 三 ----

func (c *checker) tableS3() {
	t := c.f.Table(TableS3)
	if t == nil {
		return
	}
	get := func(row, col string) int64 { return c.v[Addr(TableS3, row, col)] }
	// A sum with a 未填 part is not compared: rule U1 names the blank.
	has := func(col string, rows ...string) bool {
		for _, row := range rows {
			if !c.v.Has(Addr(TableS3, row, col)) {
				return false
			}
		}
		return true
	}
	parts := TotalRowParts(t, RowOutcomeSum)
	for _, col := range s3Cols {
		a, b := get(RowNew, col), get(RowCarriedIn, col)
		o, k := get(RowOutcomeSum, col), get(RowCarriedOut, col)
		if a+b != o+k && has(col, RowNew, RowCarriedIn, RowOutcomeSum, RowCarriedOut) {
			c.add(Finding{Rule: "O1", Severity: Error, Section: 3, Cell: Addr(TableS3, RowOutcomeSum, col),
				Message: fmt.Sprintf("%s：第一项加第二项（%d+%d=%d）不等于第三项加第四项（%d+%d=%d）", s3ColName(col), a, b, a+b, o, k, o+k)})
		}
		var s int64
		for _, id := range parts {
			s += get(id, col)
		}
		if s != o && has(col, append([]string{RowOutcomeSum}, parts...)...) {
			c.add(Finding{Rule: "I2", Severity: Error, Section: 3, Cell: Addr(TableS3, RowOutcomeSum, col),
				Message: fmt.Sprintf("%s：（七）总计为 %d，不等于（一）至（六）各项之和 %d", s3ColName(col), o, s)})
		}
	}
	for _, row := range t.Rows {
		vals := make([]int64, 0, 6)
		known := c.v.Has(Addr(TableS3, row.ID, ColTotal))
		for _, a := range ApplicantTypes {
			vals = append(vals, get(row.ID, string(a)))
			known = known && c.v.Has(Addr(TableS3, row.ID, string(a)))
		}
		if tot := get(row.ID, ColTotal); tot != sum(vals) && known {
			c.add(Finding{Rule: "I1", Severity: Error, Section: 3, Cell: Addr(TableS3, row.ID, ColTotal),
				Message: fmt.Sprintf("表三 %s：总计为 %d，不等于六类申请人之和（%s）", row.FullLabel(), tot, sumExpr(vals))})
		}
	}
}

// ---- I3: table 四 ----

func (c *checker) tableS4() {
	for _, g := range S4Groups {
		vals := make([]int64, 0, 4)
		cell := Addr(TableS4, RowS4Cases, S4Col(g, ResultTotal))
		known := c.v.Has(cell)
		for _, r := range CaseResults {
			a := Addr(TableS4, RowS4Cases, S4Col(g, r))
			vals = append(vals, c.v[a])
			known = known && c.v.Has(a)
		}
		if tot := c.v[cell]; tot != sum(vals) && known {
			c.add(Finding{Rule: "I3", Severity: Error, Section: 4, Cell: cell,
				Message: fmt.Sprintf("%s：总计为 %d，不等于结果维持、结果纠正、其他结果、尚未审结之和（%s）", S4GroupLabel(g), tot, sumExpr(vals))})
		}
	}
}

// ---- I4: no negative counts or amounts ----

func (c *checker) nonNegative() {
	for _, t := range c.f.Tables {
		for _, row := range t.Rows {
			for _, col := range t.Columns {
				if col.Kind == KindDelta {
					continue
				}
				a := Addr(t.ID, row.ID, col.ID)
				x := c.v[a]
				if x >= 0 {
					continue
				}
				what := "件数"
				shown := i64(x)
				if col.Kind == KindMoney {
					what = "金额"
					shown = FormatCell(col, x)
				}
				c.add(Finding{Rule: "I4", Severity: Error, Section: t.Section, Cell: a,
					Message: fmt.Sprintf("%s 填了负数 %s，%s不能小于 0", c.f.Place(a), shown, what)})
			}
		}
	}
}

// ---- I5, N4: section 二 plausibility ----

func (c *checker) section2() {
	lvl := c.oy.Organ.Level
	if t := c.f.Table(TableS2Item1); t != nil && lvl != "" && !lvl.MayMakeRules() {
		row, _ := t.Row(RowRules)
		for _, col := range t.Columns {
			a := Addr(TableS2Item1, RowRules, col.ID)
			if x := c.v[a]; x != 0 {
				c.add(Finding{Rule: "I5", Severity: Warning, Section: 2, Cell: a,
					Message: fmt.Sprintf("%s没有制定规章的权限，%s「%s」一行应为 0，现在「%s」为 %d", lvl.Label(), TableName(t), row.Label, col.Label, x)})
				break
			}
		}
	}
	if c.f.ID == "2021" && lvl == LevelTownship {
		a := Addr(TableS2Item8, RowAdminFees, "amount")
		if x := c.v[a]; x >= 10000*fenPer("万元") {
			c.add(Finding{Rule: "N4", Severity: Warning, Section: 2, Cell: a,
				Message: fmt.Sprintf("行政事业性收费本年收费金额为 %s 万元，对乡镇来说过大，可能把「元」当成「万元」填了（该栏单位是万元）", FormatMoney(x, "万元"))})
		}
	}
}

// ---- Y1, Y2, Y3: last year ----

func (c *checker) yearOverYear() {
	p := c.oy.Prev
	if p == nil || p.Values == nil || p.Year != c.r.Year-1 {
		return
	}
	for _, col := range s3Cols {
		now := c.v[Addr(TableS3, RowCarriedIn, col)]
		was := p.Values[Addr(TableS3, RowCarriedOut, col)]
		if now != was && c.v.Has(Addr(TableS3, RowCarriedIn, col)) && p.Values.Has(Addr(TableS3, RowCarriedOut, col)) {
			c.add(Finding{Rule: "Y1", Severity: Warning, Section: 3, Cell: Addr(TableS3, RowCarriedIn, col),
				Message: fmt.Sprintf("%s：本年「上年结转」为 %d，%d年报告「结转下年度继续办理」为 %d，两者应相等", s3ColName(col), now, p.Year, was)})
		}
	}
	if c.f.ID == "2021" && p.FormatID == "2021" {
		t := c.f.Table(TableS2Item1)
		for _, row := range t.Rows {
			get := func(v Values, col string) int64 { return v[Addr(TableS2Item1, row.ID, col)] }
			prev, issued, repealed := get(p.Values, "in_force"), get(c.v, "issued"), get(c.v, "repealed")
			now := get(c.v, "in_force")
			known := p.Values.Has(Addr(TableS2Item1, row.ID, "in_force"))
			for _, col := range []string{"issued", "repealed", "in_force"} {
				known = known && c.v.Has(Addr(TableS2Item1, row.ID, col))
			}
			if want := prev + issued - repealed; now != want && known {
				c.add(Finding{Rule: "Y2", Severity: Warning, Section: 2, Cell: Addr(TableS2Item1, row.ID, "in_force"),
					Message: fmt.Sprintf("%s：现行有效件数为 %d，上年现行有效件数 %d 加本年制发件数 %d 减本年废止件数 %d 得 %d；"+
						"如差额来自修订（计入制发但不增加件数）或文件到期自然失效，属正常情况，请核实后确认", row.Label, now, prev, issued, repealed, want)})
			}
		}
	}
	if c.f.ID == "2019" && p.FormatID == "2019" {
		for _, tid := range []string{TableS2Item5, TableS2Item6, TableS2Item8} {
			t := c.f.Table(tid)
			for _, row := range t.Rows {
				prevPrev := p.Values[Addr(tid, row.ID, "prev")]
				prevDelta := p.Values[Addr(tid, row.ID, "delta")]
				now := c.v[Addr(tid, row.ID, "prev")]
				known := c.v.Has(Addr(tid, row.ID, "prev")) && p.Values.Has(Addr(tid, row.ID, "prev")) && p.Values.Has(Addr(tid, row.ID, "delta"))
				if want := prevPrev + prevDelta; now != want && known {
					c.add(Finding{Rule: "Y3", Severity: Warning, Section: 2, Cell: Addr(tid, row.ID, "prev"),
						Message: fmt.Sprintf("%s：上一年项目数量为 %d，而%d年报告的上一年项目数量 %d 加本年增/减 %s 应为 %d",
							row.Label, now, p.Year, prevPrev, FormatCell(Column{Kind: KindDelta}, prevDelta), want)})
				}
			}
		}
	}
}

// ---- L1–L8: the request log ----

// reqName names a log entry in messages: 2021年第12号申请.
func reqName(q *Request) string {
	if q.Serial > 0 && q.Year > 0 {
		return strconv.Itoa(q.Year) + "年第" + strconv.Itoa(q.Serial) + "号申请"
	}
	if q.Serial > 0 {
		return "第" + strconv.Itoa(q.Serial) + "号申请"
	}
	if !q.Received.IsZero() {
		return q.Received.Chinese() + "收到的申请"
	}
	return "一条未编号的申请"
}

// CheckedInYear reports whether the request rules check q with the report
// of year: received in it, or received earlier and not answered before it
// began (and entries with no received date, which L8 reports). Entries of
// other years are checked with their own year's report. CheckRun runs the
// rules entry by entry (request) and counts the years whose holiday
// schedule the deadlines need (K1, missingYears).
func CheckedInYear(q *Request, year int) bool {
	start, end := YearStart(year), YearEnd(year)
	return q.Received.IsZero() || !(q.Received > end || q.Received < start && !q.Answered.IsZero() && q.Answered < start)
}

// missingYears is K1: one finding per year whose holiday schedule is
// missing, with the number of entries whose deadline needs it.
func (c *checker) missingYears(missing map[int]int) {
	years := make([]int, 0, len(missing))
	for y, n := range missing {
		if n > 0 {
			years = append(years, y)
		}
	}
	sort.Ints(years)
	for _, y := range years {
		c.add(Finding{Rule: "K1", Severity: Warning, Section: 3, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID},
			Message: CalendarYearWarning(c.cal, y) + fmt.Sprintf("（涉及 %d 件申请）", missing[y])})
	}
}

// PartialYearText says a year's schedule is entered in part: the year, the
// days entered and the statutory holidays still missing.
const PartialYearText = "%d年的国务院节假日安排只录入了 %d 天，还缺%s；其余日子暂按法定节假日推算（不含调休）；录全后，或在节假日安排中标为全部录入，此提示即消失"

// CalendarYearWarning says what is missing of year y's schedule: all of it,
// or the holidays not yet entered.
func CalendarYearWarning(cal *Calendar, y int) string {
	if n := cal.EnteredDays(y); n > 0 {
		return fmt.Sprintf(PartialYearText, y, n, strings.Join(cal.MissingHolidays(y), "、"))
	}
	return fmt.Sprintf(MissingYearText, y)
}

// MissingYearText says a year's holiday schedule is missing; %d is the year.
const MissingYearText = "%d年的国务院节假日安排尚未录入，答复期限暂按法定节假日推算（不含调休），可能差一两天；请录入该年的放假和调休安排"

// CalendarYearsNeeded lists the years, among those q's deadline is counted
// through (from its clock start to its deadline), whose holiday schedule
// cal does not know.
func CalendarYearsNeeded(q *Request, cal *Calendar) []int {
	start := q.ClockStart()
	if start.IsZero() || !start.Valid() {
		return nil
	}
	end := Deadline(q, cal)
	if !end.Valid() || end < start {
		end = start
	}
	var out []int
	for y := start.Year(); y <= end.Year(); y++ {
		if !cal.KnownYear(y) {
			out = append(out, y)
		}
	}
	return out
}

func (c *checker) request(q *Request) {
	ref := EntryRef{Kind: EntryRequest, ID: q.ID}
	add := func(rule string, sev Severity, msg string) {
		c.add(Finding{Rule: rule, Severity: sev, Section: 3, Entry: ref, Message: reqName(q) + msg})
	}
	// L8: the two facts every entry needs.
	var missing []string
	if q.Received.IsZero() {
		missing = append(missing, "收到申请日期")
	}
	if !q.Applicant.Valid() {
		missing = append(missing, "申请人类型")
	}
	if len(missing) > 0 {
		add("L8", Error, "未填"+strings.Join(missing, "和")+"，请补上")
	}
	// L1: answered and outcome go together.
	switch {
	case !q.Answered.IsZero() && q.Outcome == "":
		add("L1", Error, "填了答复日期 "+q.Answered.String()+"，但没有选办理结果")
	case q.Answered.IsZero() && q.Outcome != "":
		add("L1", Error, "选了办理结果，但没有填答复日期")
	}
	// L2: the outcome exists in the format of the year it was answered.
	if q.Outcome != "" {
		f := c.f
		if !q.Answered.IsZero() {
			if af := FormatForYear(q.Answered.Year()); af != nil {
				f = af
			}
		}
		if !f.IsOutcome(q.Outcome) {
			label := q.Outcome
			for _, o := range Formats() {
				if o.IsOutcome(q.Outcome) {
					label = o.OutcomeLabel(q.Outcome)
				}
			}
			add("L2", Error, fmt.Sprintf("的办理结果「%s」在%s格式中没有这一项，请重新选择办理结果", label, f.Name))
		}
	}
	// L3: dates in order and real.
	var bad []string
	check := func(label string, d Date) bool {
		if !d.IsZero() && !d.Valid() {
			bad = append(bad, label+"「"+strconv.Itoa(int(d))+"」不是有效日期")
			return false
		}
		return !d.IsZero()
	}
	before := func(la string, a Date, lb string, b Date) {
		if !a.IsZero() && !b.IsZero() && a.Valid() && b.Valid() && b < a {
			bad = append(bad, fmt.Sprintf("%s %s 早于%s %s", lb, b, la, a))
		}
	}
	check("收到日期", q.Received)
	check("补正通知日期", q.CorrectionNotice)
	check("补正后收到日期", q.Corrected)
	check("延期通知日期", q.ExtNotice)
	check("答复日期", q.Answered)
	check("收费通知日期", q.FeeNotice)
	check("缴费日期", q.FeePaid)
	check("延迟答复告知日期", q.DelayNotice)
	check("延迟答复日期", q.DelayedTo)
	before("收到日期", q.Received, "答复日期", q.Answered)
	before("收到日期", q.Received, "补正通知日期", q.CorrectionNotice)
	before("补正通知日期", q.CorrectionNotice, "补正后收到日期", q.Corrected)
	before("收到日期", q.Received, "补正后收到日期", q.Corrected)
	before("补正后收到日期", q.Corrected, "答复日期", q.Answered)
	before("收到日期", q.Received, "延期通知日期", q.ExtNotice)
	before("收到日期", q.Received, "收费通知日期", q.FeeNotice)
	before("收费通知日期", q.FeeNotice, "缴费日期", q.FeePaid)
	before("收到日期", q.Received, "延迟答复告知日期", q.DelayNotice)
	before("延迟答复告知日期", q.DelayNotice, "延迟答复日期", q.DelayedTo)
	if !q.Corrected.IsZero() && q.CorrectionNotice.IsZero() {
		bad = append(bad, "有补正后收到日期，却没有补正通知日期")
	}
	if !q.FeePaid.IsZero() && q.FeeNotice.IsZero() {
		bad = append(bad, "有缴费日期，却没有收费通知日期")
	}
	if len(bad) > 0 {
		add("L3", Error, "的日期有误："+strings.Join(bad, "；"))
	}
	// L4: extensions.
	switch {
	case q.ExtDays > MaxExtWorkdays:
		add("L4", Error, fmt.Sprintf("延期 %d 个工作日，超过了最多 %d 个工作日的规定", q.ExtDays, MaxExtWorkdays))
	case q.ExtDays < 0 || q.ExcludedDays < 0:
		add("L4", Error, "的延期或征求意见天数是负数，请改正")
	case q.ExtDays > 0 && strings.TrimSpace(q.ExtApprovedBy) == "":
		add("L4", Error, fmt.Sprintf("延期 %d 个工作日，但没有填批准人（延期须经政府信息公开工作机构负责人同意）", q.ExtDays))
	}
	if len(bad) > 0 || q.Received.IsZero() {
		return // the deadline rules need sound dates
	}
	// L7: the 补正 notice within 7 working days.
	if CorrectionNoticeLate(q, c.cal) {
		add("L7", Warning, fmt.Sprintf("的补正通知于 %s 发出，晚于收到申请后 7 个工作日（%s）",
			q.CorrectionNotice, CorrectionNoticeDeadline(q, c.cal)))
	}
	c.fees(q, add)
	start := q.ClockStart()
	if start.IsZero() {
		return // a 补正 is awaited, or the request was closed without one arriving: no clock ran
	}
	orig := OriginalDeadline(q, c.cal)
	// L9: an extension counts only when the applicant was told by the
	// original deadline (Art. 33).
	switch {
	case q.ExtDays > 0 && q.ExtNotice.IsZero():
		add("L9", Error, fmt.Sprintf("延期 %d 个工作日，但没有填延期告知日期；未告知申请人的延期不算数，答复期限仍为 %s", q.ExtDays, orig))
	case q.ExtDays > 0 && q.ExtNotice > orig:
		add("L9", Error, fmt.Sprintf("的延期告知日期 %s 晚于原答复期限 %s；延期须在答复期限内告知申请人，否则不算数", q.ExtNotice, orig))
	}
	// L10: 延迟答复 (Art. 35) needs the date told and the new date, told in time.
	switch {
	case !q.DelayedTo.IsZero() && q.DelayNotice.IsZero():
		add("L10", Error, "填了延迟答复日期 "+q.DelayedTo.String()+"，但没有填告知申请人的日期")
	case q.DelayedTo.IsZero() && !q.DelayNotice.IsZero():
		add("L10", Error, "填了延迟答复告知日期 "+q.DelayNotice.String()+"，但没有填确定的答复日期")
	case !q.DelayNotice.IsZero() && q.DelayNotice > orig:
		add("L10", Error, fmt.Sprintf("的延迟答复告知日期 %s 晚于答复期限 %s；须在答复期限内告知申请人", q.DelayNotice, orig))
	}
	// L5: answered late. An answer within 20 calendar days of the clock
	// start cannot be late (20 working days span at least 20 days).
	if !q.Answered.IsZero() && q.Answered > start.AddDaysFast(AnswerWorkdays) {
		if dl := Deadline(q, c.cal); q.Answered > dl {
			add("L5", Warning, "于 "+q.Answered.String()+" 答复，超过了答复期限 "+dl.String()+
				"（晚了 "+strconv.Itoa(lateBy(c.cal, dl, q.Answered))+" 个工作日）")
		}
	}
	// L6: open and overdue as of today.
	if q.Answered.IsZero() && !c.today.IsZero() && c.today > start.AddDaysFast(AnswerWorkdays) {
		if dl := Deadline(q, c.cal); c.today > dl {
			add("L6", Warning, "至今未答复，答复期限 "+dl.String()+" 已过（逾期 "+
				strconv.Itoa(lateBy(c.cal, dl, c.today))+" 个工作日），请尽快答复或办理延期")
		}
	}
}

// fees runs the 信息处理费 rules P1–P4 on one log entry (spec §6).
func (c *checker) fees(q *Request, add func(rule string, sev Severity, msg string)) {
	if q.Outcome == RowUnpaidFee && q.FeeNotice.IsZero() {
		add("P1", Error, "的办理结果是「申请人逾期未按收费通知要求缴纳费用」，但没有收费通知日期")
	}
	if q.Fee > 0 && q.FeeNotice.IsZero() {
		add("P2", Error, "收取信息处理费 "+FormatMoney(q.Fee, "元")+" 元，但没有收费通知日期")
	}
	if q.Fee > 0 {
		switch q.FeeMethod {
		case FeePerRequest:
			if applicantKey(q.Personal) == "" {
				break // the monthly count needs the applicant's name or ID number
			}
			nth := NthInMonth(c.oy.Requests, q)
			if want := PerRequestFee(nth); want != q.Fee {
				msg := fmt.Sprintf("按件收费 %s 元，但这是该申请人当月第 %d 件申请，按标准应收 %s 元", FormatMoney(q.Fee, "元"), nth, FormatMoney(want, "元"))
				if nth <= perRequestFree {
					msg += "（每月前 10 件免费）"
				}
				add("P3", Error, msg)
			}
		case FeePerPage:
			if q.Pages > 0 {
				if want := PerPageFee(q.Pages); want != q.Fee {
					add("P3", Error, fmt.Sprintf("按量收费 %s 元，但 %d 页按标准应收 %s 元", FormatMoney(q.Fee, "元"), q.Pages, FormatMoney(want, "元")))
				}
			}
		}
	}
	// P4: the fee notice goes out within the answer period.
	if !q.FeeNotice.IsZero() {
		if start := q.ClockStart(); !start.IsZero() {
			excl := max(q.ExcludedDays, 0)
			dl := c.cal.AddWorkdays(start, AnswerWorkdays+excl+extensionDays(q, c.cal.AddWorkdays(start, AnswerWorkdays+excl)))
			if q.FeeNotice > dl {
				add("P4", Warning, fmt.Sprintf("的收费通知于 %s 发出，晚于答复期限 %s", q.FeeNotice, dl))
			}
		}
	}
}

// lateBy counts working days past a deadline, at least 1.
func lateBy(cal *Calendar, dl, at Date) int {
	n := cal.WorkdaysBetween(dl, at)
	if n < 1 {
		n = 1
	}
	return n
}

// ---- C1: cases ----

func validCaseKind(k CaseKind) bool {
	for _, x := range CaseKinds {
		if x == k {
			return true
		}
	}
	return false
}

func validCaseResult(r CaseResult) bool {
	for _, x := range CaseResults {
		if x == r {
			return true
		}
	}
	return false
}

func (c *checker) cases() {
	for _, cs := range c.oy.Cases {
		if cs.Year != 0 && cs.Year != c.r.Year {
			continue
		}
		var missing []string
		if !validCaseKind(cs.Kind) {
			missing = append(missing, "类别（行政复议或行政诉讼）")
		}
		if !validCaseResult(cs.Result) {
			missing = append(missing, "结果")
		}
		if len(missing) == 0 {
			continue
		}
		name := "一件复议诉讼案件"
		if !cs.Filed.IsZero() {
			name = cs.Filed.Chinese() + "的复议诉讼案件"
		}
		c.add(Finding{Rule: "C1", Severity: Error, Section: 4, Entry: EntryRef{Kind: EntryCase, ID: cs.ID},
			Message: name + "未填" + strings.Join(missing, "和") + "，表四无法统计，请补上"})
	}
}

// ---- D1, N7, N8, P1 (typed): the report as a whole ----

// reRegulationTwice finds the Regulation cited twice in one basis list:
// 「《条例》…和《中华人民共和国政府信息公开条例》」.
var reRegulationTwice = regexp.MustCompile(`(《中华人民共和国政府信息公开条例》|《政府信息公开条例》|《条例》)[^，。；;]{0,60}?(?:和|、|及|以及|与)(《中华人民共和国政府信息公开条例》|《政府信息公开条例》|《条例》)`)

// IsGovernment reports whether the organ is a people's government (a county
// government, or a township's 人民政府), whose section 一 reports 工作考核、
// 社会评议和责任追究结果 under 监督保障 (spec §2).
func (o Organ) IsGovernment() bool {
	return o.Level == LevelCountyGov || strings.HasSuffix(o.Name, "人民政府")
}

func (c *checker) reportRules() {
	ref := EntryRef{Kind: EntryReport, ID: c.r.ID}
	// D1: the report date after the due date.
	if due := c.oy.Organ.DueDate(c.r.Year); !c.r.Date.IsZero() && c.r.Date > due {
		c.add(Finding{Rule: "D1", Severity: Warning, Section: 0, Entry: ref,
			Message: fmt.Sprintf("报告落款日期 %s 晚于报送期限 %s", c.r.Date, due)})
	}
	// N8: the basis document typed twice.
	if m := reRegulationTwice.FindString(PreambleText(c.oy)); m != "" {
		c.add(Finding{Rule: "N8", Severity: Warning, Section: 0, Entry: ref,
			Message: "报告开头一段把条例写了两遍：「" + quote(m) + "」；编制依据中已有《中华人民共和国政府信息公开条例》，请从「编制依据」里删去重复的条例"})
	}
	// N7: a government's 一 names 工作考核、社会评议、责任追究.
	if c.oy.Organ.IsGovernment() && c.f.ID == "2021" {
		var text strings.Builder
		for _, b := range c.r.SectionBlocks(1) {
			if b.Kind != BlockHeading {
				text.WriteString(b.Text)
			}
		}
		if t := text.String(); strings.TrimSpace(t) != "" {
			var missing []string
			// 问责 is the common word for 责任追究.
			for _, w := range [][3]string{{"考核", "考核", "工作考核"}, {"评议", "评议", "社会评议"}, {"追究", "问责", "责任追究"}} {
				if !strings.Contains(t, w[0]) && !strings.Contains(t, w[1]) {
					missing = append(missing, w[2])
				}
			}
			if len(missing) > 0 {
				c.add(Finding{Rule: "N7", Severity: Warning, Section: 1, Entry: ref,
					Message: "「一、总体情况」的监督保障部分没有写" + strings.Join(missing, "、") + "结果情况；人民政府的年报应当报告工作考核、社会评议和责任追究结果"})
			}
		}
	}
	// P1 on a typed table: （六）2 without any fee notice.
	if c.r.Mode3 == Typed && c.f.IsOutcome(RowUnpaidFee) {
		a := Addr(TableS3, RowUnpaidFee, ColTotal)
		notices := c.r.Fees.Notices
		for i := range c.oy.Requests {
			if !c.oy.Requests[i].FeeNotice.IsZero() {
				notices++
			}
		}
		if n := c.v[a]; n > 0 && notices == 0 {
			if len(c.oy.Requests) > 0 {
				// The log is kept and holds no fee notice: the table is wrong.
				c.add(Finding{Rule: "P1", Severity: Error, Section: 3, Cell: a,
					Message: fmt.Sprintf("%s 为 %d，但本年没有发出收费通知", c.f.Place(a), n)})
			} else {
				// No log: the notices were simply not entered, and the
				// report's section 六 should name them.
				c.add(Finding{Rule: "P5", Severity: Warning, Section: 6, Cell: a,
					Message: fmt.Sprintf("%s 为 %d，说明本年至少发出 %d 份收费通知，但信息处理费的收费通知件数为 0；请填写收费通知件数，并在「%s」中写明", c.f.Place(a), n, n, SectionTitles[6])})
			}
		}
	}
}

// RuleInfo explains one rule to the clerk: what it checks and how to fix a
// finding.
type RuleInfo struct {
	ID       string
	Severity Severity
	Title    string // short Chinese name
	Explain  string // what it checks and what to do
}

// RuleCatalog lists every rule Check runs, in the order of spec §8.
var RuleCatalog = []RuleInfo{
	{"O1", Error, "表三勾稽关系", "表三每一列都要满足：第一项（本年新收）加第二项（上年结转）等于第三项（七）总计加第四项（结转下年度）。从台账自动统计时出现这条，多半是有申请的办理结果或日期不对，请先处理台账中的错误。"},
	{"I1", Error, "表三行合计", "表三每一行的「总计」应等于六类申请人之和。"},
	{"I2", Error, "表三办理结果合计", "表三（七）总计应等于（一）至（六）各项之和。"},
	{"I3", Error, "表四合计", "表四每组的「总计」应等于结果维持、结果纠正、其他结果、尚未审结之和。"},
	{"I4", Error, "不能为负数", "件数和金额不能是负数，只有「本年增/减」可以填负数。"},
	{"I5", Warning, "规章权限", "乡镇、街道和县级政府部门没有制定规章的权限，表二（一）「规章」一行一般应为 0。"},
	{"Y1", Warning, "上年结转", "本年「二、上年结转」应等于上年报告的「四、结转下年度继续办理」。"},
	{"Y2", Warning, "现行有效件数", "2021版格式：现行有效件数一般等于上年现行有效件数加本年制发件数减本年废止件数。修订的文件计入制发却不增加件数，到期自然失效的文件不计入废止，都会使两者不等；核实后可以确认这条提示。"},
	{"Y3", Warning, "上一年项目数量", "2019版格式：上一年项目数量应等于上年报告的上一年项目数量加上年的本年增/减。"},
	{"N1", Warning, "正文与表格不一致", "正文里写的件数、条数应与表格一致；正文说「未收到申请」「未发生复议诉讼」时，表格也应为 0。可以使用系统生成的句子。"},
	{"N2", Warning, "照抄上年段落", "这一段与上年报告完全相同，审查时常被指出照抄，请按本年度的实际情况改写。"},
	{"N3", Warning, "年份写成上一年", "段落中出现上一年的年份，像是在说本年度的事；如确实指上一年，可以确认后保留。"},
	{"N4", Warning, "收费金额单位", "2021版表二（八）以万元为单位，乡镇填 10000 以上多半是按元填写了。"},
	{"N5", Warning, "待更新的段落", "这一段是新建年度时从上年带过来的，还没有修改过。"},
	{"N6", Warning, "与上年相似度过高", "全文与上年报告过于相似，请按本年度情况改写。"},
	{"B1", Warning, "小标题下没有正文", "「一、总体情况」的小标题下面要写正文，否则导出后只有一个标题。在文字编辑中把光标移到这个小标题下按 enter 填写。"},
	{"B2", Warning, "这一部分没有文字", "每一部分都应有文字说明；二、三、四部分的表格之外也要简要说明情况。"},
	{"B3", Error, "第五部分没有内容", "「五、存在的主要问题及改进情况」必须写明存在的问题和改进措施：在文字编辑中写正文，或在整改措施中登记。"},
	{"B4", Warning, "小标题像正文", "小标题超过 20 个字或以「。」结尾，多半是把正文写进了小标题；请把正文移到小标题下面。"},
	{"F1", Error, "格式用错", "2019、2020年度使用2019版格式，2021年度起使用2021版格式。"},
	{"F2", Error, "引用了另一版格式的文号", "报告引用的格式文件应与年度一致：2021年度起为国办公开办函〔2021〕30号。"},
	{"L1", Error, "答复日期与办理结果", "答复日期和办理结果要同时填写：已答复的申请必须选办理结果。"},
	{"L2", Error, "办理结果不属于当年格式", "办理结果要从答复那一年所用格式的表三中选择。"},
	{"L3", Error, "日期先后", "各个日期要真实且先后合理：答复不早于收到，补正后收到不早于补正通知，缴费不早于收费通知。"},
	{"L4", Error, "延期", "延期最多 20 个工作日，并须经政府信息公开工作机构负责人同意，请填写批准人。"},
	{"L5", Warning, "超期答复", "答复晚于答复期限（收到之日起 20 个工作日，加批准的延期和征求意见的时间）。"},
	{"L6", Warning, "已逾期未答复", "申请还没有答复，答复期限已过，请尽快答复。"},
	{"L7", Warning, "补正通知超期", "需要补正的，应在收到申请之日起 7 个工作日内一次性告知申请人。"},
	{"L8", Error, "台账缺项", "每条申请都要有收到日期和申请人类型，否则无法统计到表三。"},
	{"L9", Error, "延期未告知", "延期须在原答复期限内告知申请人，并填写延期告知日期；未告知或告知晚了的延期不算数。"},
	{"L10", Error, "延迟答复", "《条例》第三十五条的延迟答复要填写告知申请人的日期和确定的答复日期，并在答复期限内告知。"},
	{"P1", Error, "逾期未缴费没有收费通知", "表三（六）2「逾期未按收费通知要求缴纳费用」只能来自发出过收费通知的申请。"},
	{"P5", Warning, "收费通知未报告", "手填表三而没有台账时，（六）2 大于 0 说明发出过收费通知；请在信息处理费中填写收费通知件数，并在「六、其他需要报告的事项」中写明。"},
	{"P2", Error, "收费没有收费通知", "收取信息处理费须先向申请人发出收费通知，请填写收费通知日期。"},
	{"P3", Error, "收费与标准不符", "信息处理费按《政府信息公开信息处理费管理办法》计收：按件每月前10件免费、第11—30件每件100元，以后每10件一档每件加100元；按量30页以内免费、31—100页每页10元、101—200页每页20元、201页起每页40元。"},
	{"P4", Warning, "收费通知晚于答复期限", "收费通知应在答复期限内发出。"},
	{"D1", Warning, "落款日期晚于报送期限", "县级以上人民政府部门的年报于每年1月31日前公布，县级人民政府的年报于3月31日前公布；落款日期晚于期限的，请核对。"},
	{"N7", Warning, "缺少考核、评议、追究情况", "2021版格式要求人民政府在「监督保障」中报告工作考核、社会评议和责任追究结果情况。"},
	{"N8", Warning, "编制依据重复", "报告开头已写《中华人民共和国政府信息公开条例》（以下简称《条例》），「编制依据」里不要再写一遍条例。"},
	{"N9", Warning, "分项相加不等于总数", "正文写「共N条，其中……其他……」时，所列各项（含「其他」）相加应等于总数；不等说明有一个数字写错了。"},
	{"N10", Warning, "下一步打算写成本年", "第五部分的改进打算是下一年要做的事：本报告是哪一年的，「将……」前面就应写下一年；写成本年，多半是沿用了上年的句子没有改年份。"},
	{"K1", Warning, "节假日安排未录入", "答复期限要按国务院每年公布的放假和调休安排计算。程序内置到2026年；以后的年份在录入安排之前按法定节假日推算，不含调休，期限可能差一两天。"},
	{"U1", Error, "表格未填", "手工填写的表格（表二，以及选了手工填写的表三、表四）每一格都要填：没有的填 0。未填的格子不算 0，总计要等各项都填了才算出来。在表格中把光标移到这一格输入数字即可。"},
	{"C1", Error, "复议诉讼案件缺项", "每件复议诉讼案件都要有类别和结果，否则无法统计到表四。"},
}

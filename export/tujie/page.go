// Package tujie lays out the illustrated report (图解, 「一图读懂」) of an
// organ-year once, from the same computed tables the report prints
// (model.EffectiveValues), and draws that one layout two ways: inline SVG in
// a self-contained html page (RenderHTML) and a long PNG rendered in pure Go
// with a Chinese font found on the machine (RenderPNG, FindFont).
//
// Every label comes from the format definitions in model; every printed
// number carries the cell addresses it adds up, so a test can recompute it
// from the tables.
package tujie

import (
	"strconv"
	"strings"

	"nianbao/model"
)

// Input is what the 图解 is built from.
type Input struct {
	OY *model.OrganYear
	// Calendar, when set, lets the page print the on-time answer rate
	// (按期答复率) of a report whose table 三 is computed from the log.
	Calendar *model.Calendar
	// Draft marks the page 草稿, like every other output of a draft export.
	Draft bool
}

// Page is the 图解 laid out once; RenderHTML and RenderPNG draw it.
type Page struct {
	Organ string
	Year  int
	// PrevYear is last year when its figures are in the database, else 0.
	PrevYear int
	Title    string // 「…年度报告（图解）」
	Draft    bool
	Figures  []Figure
	Sections []Section
	Measures []MeasureLine
	Footer   string
}

// Figure is one key figure of the title band.
type Figure struct {
	Label string // 收到申请
	Value Value
	// Prev is last year's figure and Change the difference printed
	// (「+12%」); both empty when last year is not in the database.
	Prev   *Value
	Change string
}

// Value is one printed number and where it comes from: Cells are the
// table cells it adds up (empty for a figure derived from the log, such
// as the on-time rate, or the count of registered disclosure items, whose
// Source says so).
type Value struct {
	N      int64
	Text   string // as printed, unit included: 「33件」「1.2万元」「96.9%」
	Cells  []model.CellAddress
	Source string // "items", "ontime" when not from the tables
	// Last marks a value of last year's tables.
	Last bool
}

// Section is one heading of the page with its charts.
type Section struct {
	Heading string
	Charts  []Chart
}

// Chart is one figure: bars in groups, and the data table printed after it.
type Chart struct {
	ID    string
	Title string
	// Legend names the two series of a year-over-year chart.
	Legend []string
	Groups []Group
	Note   string
}

// Group is a run of bars with a shared scale and an optional heading.
type Group struct {
	Title string
	// Total, when set, is printed after the title (本年新收 33件).
	Total *Value
	Bars  []Bar
	// Scale names the groups of a chart that share one scale: the bars of
	// all groups with the same Scale are drawn to the largest of them.
	Scale string
	// Brief groups print their title and total only (a result group of
	// table 四 with no case); the data table still lists every cell.
	Brief bool
}

// Bar is one labelled value; Prev is last year's value in a
// year-over-year chart.
type Bar struct {
	Label  string
	Value  Value
	Prev   *Value
	Change string
	// Sub marks a breakdown row under the bar above (其中 …).
	Sub bool
	// Signed values (本年增/减) are printed without a bar: a length cannot
	// show a sign.
	Signed bool
}

// MeasureLine is one improvement measure of section 五 with its status.
type MeasureLine struct {
	Text   string
	Status model.MeasureStatus
}

// Build lays out the 图解 of in.OY. It reads only public fields: the organ
// name, the effective table values, last year's values, the counts of the
// registered disclosure items, the answer dates of the log (for the on-time
// rate) and the measures. Applicant personal data is never read.
func Build(in Input) *Page {
	oy := in.OY
	r := oy.Report
	f := r.Format()
	p := &Page{
		Organ: oy.Organ.Name,
		Year:  r.Year,
		Title: model.Title(oy.Organ.Name, r.Year) + "（图解）",
		Draft: in.Draft,
	}
	if f == nil {
		return p
	}
	b := &builder{f: f, v: model.EffectiveValues(oy), year: r.Year}
	if oy.Prev != nil && oy.Prev.Year == r.Year-1 {
		b.prev = oy.Prev.Values
		b.prevFormat = model.FormatByID(oy.Prev.FormatID)
		if b.prevFormat == nil {
			b.prevFormat = model.FormatForYear(oy.Prev.Year)
		}
		p.PrevYear = oy.Prev.Year
	}
	items := model.CountItems(r.Year, oy.Items)
	p.Figures = b.figures(oy, items, in.Calendar)
	p.Sections = []Section{
		{Heading: "主动公开", Charts: b.proactive(items)},
		{Heading: "依申请公开", Charts: []Chart{b.applicants(), b.outcomes()}},
		{Heading: "行政复议和行政诉讼", Charts: []Chart{b.cases()}},
	}
	if b.prev != nil {
		p.Sections = append(p.Sections, Section{Heading: "与上年对比", Charts: []Chart{b.yearOverYear(p.PrevYear)}})
	}
	for _, m := range oy.Measures {
		if !m.PrintedIn(r.Year) {
			continue
		}
		text := strings.TrimSpace(m.Measure)
		if text == "" {
			text = strings.TrimSpace(m.Problem)
		}
		if text == "" {
			continue
		}
		st := m.Status
		if st == "" {
			st = model.MeasureNotStarted
		}
		p.Measures = append(p.Measures, MeasureLine{Text: strings.TrimRight(text, "。；;，, "), Status: st})
	}
	p.Footer = "本图解的数字均取自" + model.Title(oy.Organ.Name, r.Year) + "的表格（" + f.Name + "格式），与年度报告一致。"
	return p
}

type builder struct {
	f          *model.Format
	v          model.Values
	year       int
	prev       model.Values
	prevFormat *model.Format
}

// value sums cells of this year's tables and prints the sum as the column
// prints it, with unit when the column's cells are counted in 件/条.
func (b *builder) value(col model.Column, unit string, cells ...model.CellAddress) Value {
	return sumValue(b.v, col, unit, cells)
}

func sumValue(v model.Values, col model.Column, unit string, cells []model.CellAddress) Value {
	var n int64
	for _, a := range cells {
		n += v.Get(a)
	}
	return Value{N: n, Text: printValue(col, n, unit), Cells: append([]model.CellAddress(nil), cells...)}
}

// printValue prints n as the report prints a cell of col, with unit after
// a count.
func printValue(col model.Column, n int64, unit string) string {
	switch col.Kind {
	case model.KindMoney:
		u := col.Unit
		if u == "" {
			u = "元"
		}
		return model.FormatMoney(n, u) + u
	case model.KindDelta:
		return model.FormatCell(col, n)
	}
	return strconv.FormatInt(n, 10) + unit
}

// prevValue is last year's value of the same cells, when last year's
// format has them all.
func (b *builder) prevValue(col model.Column, unit string, cells []model.CellAddress) *Value {
	if b.prev == nil {
		return nil
	}
	for _, a := range cells {
		if _, _, _, ok := b.prevFormat.Cell(a); !ok {
			return nil
		}
	}
	v := sumValue(b.prev, col, unit, cells)
	v.Last = true
	return &v
}

// Change prints the change from last year: 「+12%」, 「-5%」, 「持平」, or,
// when last year was 0 (no percentage), the difference 「+3」.
func Change(cur, prev int64) string {
	switch {
	case cur == prev:
		return "持平"
	case prev == 0:
		return "+" + strconv.FormatInt(cur, 10)
	}
	pct := float64(cur-prev) * 100 / float64(prev)
	s := strconv.FormatFloat(pct, 'f', 0, 64)
	if pct > -0.5 && pct < 0.5 {
		s = strconv.FormatFloat(pct, 'f', 1, 64)
	}
	if pct > 0 {
		s = "+" + s
	}
	return s + "%"
}

func (b *builder) s3() *model.Table { return b.f.Table(model.TableS3) }

func (b *builder) s3Col(id string) model.Column {
	c, _ := b.s3().Column(id)
	return c
}

func (b *builder) s3Cell(row, col string) model.CellAddress {
	return model.Addr(model.TableS3, row, col)
}

// s4GroupCells lists the cells of the 总计 columns of the given groups.
func s4Totals(groups ...string) []model.CellAddress {
	var out []model.CellAddress
	for _, g := range groups {
		out = append(out, model.Addr(model.TableS4, model.RowS4Cases, model.S4Col(g, model.ResultTotal)))
	}
	return out
}

func (b *builder) figures(oy *model.OrganYear, items model.ItemCounts, cal *model.Calendar) []Figure {
	var out []Figure
	if items.Total > 0 {
		out = append(out, Figure{Label: "主动公开", Value: Value{N: int64(items.Total), Text: strconv.Itoa(items.Total) + "条", Source: "items"}})
	}
	total := b.s3Col(model.ColTotal)
	newCell := []model.CellAddress{b.s3Cell(model.RowNew, model.ColTotal)}
	out = append(out, b.figure("收到申请", total, "件", newCell))
	if oy.Report.Mode3 != model.Typed && cal != nil {
		if closed, late := onTime(oy, cal); closed > 0 {
			rate := float64(closed-late) * 100 / float64(closed)
			out = append(out, Figure{Label: "按期答复率", Value: Value{N: int64(closed - late), Text: FormatRate(rate), Source: "ontime"}})
		}
	}
	s4 := b.f.Table(model.TableS4)
	rvCol, _ := s4.Column(model.S4Col(model.GroupReview, model.ResultTotal))
	out = append(out, b.figure(headerLabel(s4, 0, 0, "行政复议"), rvCol, "件", s4Totals(model.GroupReview)))
	out = append(out, b.figure(headerLabel(s4, 0, 1, "行政诉讼"), rvCol, "件", s4Totals(model.GroupDirectSuit, model.GroupSuitReview)))
	return out
}

func (b *builder) figure(label string, col model.Column, unit string, cells []model.CellAddress) Figure {
	fg := Figure{Label: label, Value: b.value(col, unit, cells...)}
	if pv := b.prevValue(col, unit, cells); pv != nil {
		fg.Prev = pv
		fg.Change = Change(fg.Value.N, pv.N)
	}
	return fg
}

// FormatRate prints a rate with one decimal: 「96.9%」, 「100%」.
func FormatRate(rate float64) string {
	s := strconv.FormatFloat(rate, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + "%"
}

// onTime counts the requests answered in the year and those of them
// answered after their deadline.
func onTime(oy *model.OrganYear, cal *model.Calendar) (closed, late int) {
	start, end := model.YearStart(oy.Report.Year), model.YearEnd(oy.Report.Year)
	for i := range oy.Requests {
		q := &oy.Requests[i]
		if !q.Closed() || q.Answered < start || q.Answered > end {
			continue
		}
		closed++
		if model.AnsweredLate(q, cal) {
			late++
		}
	}
	return closed, late
}

// rowLabel is a table row's label made short for a chart: its ordinal
// (一、 （二） 3.) and any trailing explanation in brackets dropped, and,
// for table 三's first rows, the words 政府信息公开申请数量 that every such
// row shares. fallback is used when the row is missing.
func rowLabel(t *model.Table, row, fallback string) string {
	r, ok := t.Row(row)
	if !ok {
		return fallback
	}
	return ShortLabel(r.Label)
}

// headerLabel is the label of a table's header cell.
func headerLabel(t *model.Table, row, i int, fallback string) string {
	if row < len(t.Header) && i < len(t.Header[row]) {
		return t.Header[row][i].Label
	}
	return fallback
}

// ShortLabel shortens an official label for a chart (the data table after
// the chart prints it in full): 「（二）部分公开（区分处理的，…）」→「部分公开」,
// 「一、本年新收政府信息公开申请数量」→「本年新收」, 「3.要求提供公开出版物」→
// 「要求提供公开出版物」.
func ShortLabel(s string) string {
	s = strings.TrimSpace(s)
	// Ordinals: 一、 （一） 1.
	if i := strings.Index(s, "、"); i > 0 && i <= len("十一") && isChineseNumeral(s[:i]) {
		s = s[i+len("、"):]
	}
	if strings.HasPrefix(s, "（") {
		if i := strings.Index(s, "）"); i > 0 && isChineseNumeral(s[len("（"):i]) {
			s = s[i+len("）"):]
		}
	}
	if i := strings.IndexByte(s, '.'); i > 0 && i <= 2 && isDigits(s[:i]) {
		s = s[i+1:]
	}
	// A trailing explanation in brackets.
	if i := strings.Index(s, "（"); i > 0 && strings.HasSuffix(s, "）") {
		s = s[:i]
	}
	for _, suffix := range []string{"政府信息公开申请数量", "继续办理"} {
		if t := strings.TrimSuffix(s, suffix); t != "" {
			s = t
		}
	}
	return s
}

func isChineseNumeral(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("一二三四五六七八九十", r) {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// proactive charts section 二: the registered disclosure items by category
// (when any are registered), then every section 二 table of the format,
// one group per column with a bar per row.
func (b *builder) proactive(items model.ItemCounts) []Chart {
	var out []Chart
	if items.Total > 0 {
		c := Chart{ID: "items", Title: "主动公开信息（按类别）"}
		g := Group{}
		for _, nc := range items.Categories {
			if nc.N == 0 {
				continue
			}
			g.Bars = append(g.Bars, Bar{Label: nc.Name, Value: Value{N: int64(nc.N), Text: strconv.Itoa(nc.N) + "条", Source: "items"}})
		}
		c.Groups = []Group{g}
		c.Note = "共" + strconv.Itoa(items.Total) + "条，按登记的主动公开信息统计。"
		out = append(out, c)
	}
	c := Chart{ID: "s2", Title: "《条例》第二十条规定的主动公开事项"}
	for _, t := range b.f.SectionTables(2) {
		g := Group{Title: t.Caption}
		for _, col := range t.Columns {
			if col.Kind == model.KindMoney {
				g.Scale = "money"
			}
		}
		for _, r := range t.Rows {
			for _, col := range t.Columns {
				label := r.Label
				if len(t.Columns) > 1 {
					label += " · " + ShortLabel(col.Label)
				}
				g.Bars = append(g.Bars, Bar{Label: label, Value: b.value(col, s2Unit(col), model.Addr(t.ID, r.ID, col.ID)),
					Signed: col.Kind == model.KindDelta})
			}
		}
		c.Groups = append(c.Groups, g)
	}
	out = append(out, c)
	return out
}

// s2Unit is the unit printed after a section 二 count: 项 for a count of
// 项目, 件 otherwise.
func s2Unit(col model.Column) string {
	if strings.Contains(col.Label, "项目") {
		return "项"
	}
	return "件"
}

// applicants charts 一、本年新收 by applicant column, and 二、上年结转 when
// any request was carried in.
func (b *builder) applicants() Chart {
	t := b.s3()
	c := Chart{ID: "applicants", Title: "收到申请（按申请人类型）"}
	for _, row := range []string{model.RowNew, model.RowCarriedIn} {
		r, ok := t.Row(row)
		if !ok {
			continue
		}
		tot := b.value(b.s3Col(model.ColTotal), "件", b.s3Cell(row, model.ColTotal))
		if row == model.RowCarriedIn && tot.N == 0 {
			continue
		}
		g := Group{Title: ShortLabel(r.Label), Total: &tot}
		for _, col := range t.Columns {
			if col.Total {
				continue
			}
			g.Bars = append(g.Bars, Bar{Label: col.Label, Value: b.value(col, "件", b.s3Cell(row, col.ID))})
		}
		c.Groups = append(c.Groups, g)
	}
	if c.Groups[0].Total.N == 0 && len(c.Groups) == 1 {
		c.Note = "本年度未收到政府信息公开申请。"
	}
	return c
}

// outcomes charts table 三's outcome groups （一）…（六） in the 总计 column,
// each group's non-zero rows under it when it has several, then 四、结转下年度.
func (b *builder) outcomes() Chart {
	t := b.s3()
	total := b.s3Col(model.ColTotal)
	c := Chart{ID: "outcomes", Title: "办理结果"}
	g := Group{}
	for _, og := range b.f.OutcomeGroups() {
		var cells []model.CellAddress
		for _, id := range og.Rows {
			cells = append(cells, b.s3Cell(id, model.ColTotal))
		}
		g.Bars = append(g.Bars, Bar{Label: ShortLabel(og.Label), Value: b.value(total, "件", cells...)})
		if len(og.Rows) < 2 {
			continue
		}
		for _, id := range og.Rows {
			v := b.value(total, "件", b.s3Cell(id, model.ColTotal))
			if v.N == 0 {
				continue
			}
			r, _ := t.Row(id)
			g.Bars = append(g.Bars, Bar{Label: ShortLabel(r.Label), Value: v, Sub: true})
		}
	}
	g.Bars = append(g.Bars, Bar{Label: rowLabel(t, model.RowCarriedOut, "结转下年度"), Value: b.value(total, "件", b.s3Cell(model.RowCarriedOut, model.ColTotal))})
	c.Groups = []Group{g}
	sum := b.value(total, "件", b.s3Cell(model.RowOutcomeSum, model.ColTotal))
	c.Note = "本年办结" + sum.Text + "。缩进的是各项办理结果中不为0的具体情形。"
	c.Groups[0].Title = ""
	return c
}

// cases charts table 四: one group per column group (行政复议, 未经复议直接
// 起诉, 复议后起诉), a bar per result.
func (b *builder) cases() Chart {
	t := b.f.Table(model.TableS4)
	c := Chart{ID: "cases", Title: "行政复议、行政诉讼结果"}
	for _, grp := range model.S4Groups {
		totCol, _ := t.Column(model.S4Col(grp, model.ResultTotal))
		tot := b.value(totCol, "件", model.Addr(t.ID, model.RowS4Cases, totCol.ID))
		g := Group{Title: totCol.Group, Total: &tot, Brief: tot.N == 0}
		for _, col := range t.Columns {
			if col.Total || !strings.HasPrefix(col.ID, grp+"_") {
				continue
			}
			g.Bars = append(g.Bars, Bar{Label: col.Label, Value: b.value(col, "件", model.Addr(t.ID, model.RowS4Cases, col.ID))})
		}
		c.Groups = append(c.Groups, g)
	}
	return c
}

// yearOverYear sets each figure this year has and last year's format also
// has beside last year's: requests received and carried in, every outcome
// group, carried out, 复议 and 诉讼, and, when both years use the same
// format, every section 二 count.
func (b *builder) yearOverYear(prevYear int) Chart {
	c := Chart{ID: "yoy", Title: "主要数字与上年对比",
		Legend: []string{strconv.Itoa(b.year) + "年", strconv.Itoa(prevYear) + "年"}}
	t := b.s3()
	total := b.s3Col(model.ColTotal)
	pair := func(label string, col model.Column, unit string, cells ...model.CellAddress) (Bar, bool) {
		cur := b.value(col, unit, cells...)
		pv := b.prevValue(col, unit, cells)
		if pv == nil {
			return Bar{}, false
		}
		return Bar{Label: label, Value: cur, Prev: pv, Change: Change(cur.N, pv.N)}, true
	}
	req := Group{Title: "依申请公开"}
	for _, row := range []string{model.RowNew, model.RowCarriedIn} {
		if bar, ok := pair(rowLabel(t, row, row), total, "件", b.s3Cell(row, model.ColTotal)); ok {
			req.Bars = append(req.Bars, bar)
		}
	}
	for _, og := range b.f.OutcomeGroups() {
		var cells []model.CellAddress
		for _, id := range og.Rows {
			cells = append(cells, b.s3Cell(id, model.ColTotal))
		}
		// Last year's format may split a group differently (（六） has one
		// row in 2019, three in 2021): compare the group's sum by its rows
		// in last year's format.
		cur := b.value(total, "件", cells...)
		var pcells []model.CellAddress
		for _, pg := range b.prevFormat.OutcomeGroups() {
			if pg.Label == og.Label {
				for _, id := range pg.Rows {
					pcells = append(pcells, b.s3Cell(id, model.ColTotal))
				}
			}
		}
		if len(pcells) == 0 {
			continue
		}
		pv := sumValue(b.prev, total, "件", pcells)
		pv.Last = true
		req.Bars = append(req.Bars, Bar{Label: ShortLabel(og.Label), Value: cur, Prev: &pv, Change: Change(cur.N, pv.N)})
	}
	if bar, ok := pair(rowLabel(t, model.RowCarriedOut, "结转下年度"), total, "件", b.s3Cell(model.RowCarriedOut, model.ColTotal)); ok {
		req.Bars = append(req.Bars, bar)
	}
	c.Groups = append(c.Groups, req)

	s4 := b.f.Table(model.TableS4)
	rvCol, _ := s4.Column(model.S4Col(model.GroupReview, model.ResultTotal))
	cs := Group{Title: "行政复议和行政诉讼"}
	if bar, ok := pair(headerLabel(s4, 0, 0, "行政复议"), rvCol, "件", s4Totals(model.GroupReview)...); ok {
		cs.Bars = append(cs.Bars, bar)
	}
	if bar, ok := pair(headerLabel(s4, 0, 1, "行政诉讼"), rvCol, "件", s4Totals(model.GroupDirectSuit, model.GroupSuitReview)...); ok {
		cs.Bars = append(cs.Bars, bar)
	}
	c.Groups = append(c.Groups, cs)

	if b.prevFormat.ID == b.f.ID {
		pro := Group{Title: "主动公开（第二十条）"}
		for _, st := range b.f.SectionTables(2) {
			for _, col := range st.Columns {
				if col.Kind == model.KindDelta {
					continue
				}
				for _, r := range st.Rows {
					label := r.Label + " " + ShortLabel(col.Label)
					if bar, ok := pair(label, col, s2Unit(col), model.Addr(st.ID, r.ID, col.ID)); ok {
						pro.Bars = append(pro.Bars, bar)
					}
				}
			}
		}
		c.Groups = append(c.Groups, pro)
	} else {
		c.Note = "上年采用" + b.prevFormat.Name + "格式，表二的项目与本年不同，未作对比。"
	}
	return c
}

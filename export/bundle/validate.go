package bundle

import (
	"fmt"

	"nianbao/model"
)

// Text from another computer is cleaned as typed text is before it is
// stored: no control or escape sequences, no invisible or bidi characters.
var (
	text = model.CleanText
	line = model.CleanLine
)

func lines(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, line(s))
	}
	return out
}

// validator collects every problem of a payload, in Chinese.
type validator struct {
	problems []string
	// version is the bundle format version being read.
	version int
}

func (v *validator) addf(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

// date parses an ISO date ("2021-03-05") or "" (not set).
func (v *validator) date(where, s string) model.Date {
	if s == "" {
		return 0
	}
	num := func(part string) int {
		n := 0
		for _, c := range []byte(part) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	ok := len(s) == 10 && s[4] == '-' && s[7] == '-'
	var dt model.Date
	if ok {
		y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
		ok = y >= 0 && m >= 0 && d >= 0
		dt = model.NewDate(y, m, d)
	}
	if !ok || !dt.Valid() {
		v.addf("%s：日期「%s」无效，应为 年-月-日（如 2021-03-05）的真实日期", where, s)
		return 0
	}
	return dt
}

func (v *validator) nonNeg(where string, x int64) { v.within(where, x, 0, maxValue) }

// Bounds that keep every later computation (deadlines, sums) well inside
// its range, whatever a bundle holds.
const (
	maxDays  = 1000     // working days of an extension or a consultation
	maxPages = 10000000 // pages of one answer
	maxValue = 1e12     // any count or amount (fen)
)

func (v *validator) within(where string, x, lo, hi int64) {
	switch {
	case x < lo && lo == 0:
		v.addf("%s：数值 %d 不能为负数", where, x)
	case x < lo || x > hi:
		v.addf("%s：数值 %d 超出合理范围（%d 至 %d）", where, x, lo, hi)
	}
}

func oneOf[T ~string](x T, all ...T) bool {
	for _, a := range all {
		if a == x {
			return true
		}
	}
	return false
}

// cells converts and checks table values against a format: the address must
// be a cell of the format, counts and money non-negative, each cell once. A
// null value is 未填 and stays out of the values, as a cell left out does
// (version 1 read it as 0).
func (v *validator) cells(where string, f *model.Format, cs []jCell) model.Values {
	out := model.Values{}
	seen := map[model.CellAddress]bool{}
	for _, c := range cs {
		a := model.Addr(c.Table, c.Row, c.Col)
		_, _, col, ok := f.Cell(a)
		if !ok {
			v.addf("%s：单元格「%s」不在%s表格中", where, a, f.Name)
			continue
		}
		if seen[a] {
			v.addf("%s：单元格「%s」（%s）出现了两次", where, a, f.Place(a))
			continue
		}
		seen[a] = true
		if c.Value == nil {
			if v.version == 1 {
				out[a] = 0
			}
			continue
		}
		x := *c.Value
		if col.Kind != model.KindDelta && x < 0 {
			v.addf("%s：%s 的数值 %d 不能为负数", where, f.Place(a), x)
			continue
		}
		if x > maxValue || x < -maxValue {
			v.addf("%s：%s 的数值 %d 超出合理范围", where, f.Place(a), x)
			continue
		}
		out[a] = x
	}
	return out
}

func (v *validator) blocks(where string, bs []jBlock) []model.Block {
	out := make([]model.Block, 0, len(bs))
	for i, b := range bs {
		w := fmt.Sprintf("%s第%d段", where, i+1)
		k := model.BlockKind(b.Kind)
		if !oneOf(k, model.BlockHeading, model.BlockParagraph) {
			v.addf("%s：段落类型「%s」无效，应为 heading 或 paragraph", w, b.Kind)
		}
		if b.Section < 0 || b.Section > 6 {
			v.addf("%s：所属部分 %d 无效，应为 0（前言）到 6", w, b.Section)
		}
		if b.Level < 0 || b.Level > 9 {
			v.addf("%s：标题层级 %d 无效", w, b.Level)
		}
		out = append(out, model.Block{Section: b.Section, Pos: b.Pos, Kind: k, Level: b.Level, Text: text(b.Text), Stale: b.Stale, Origin: text(b.Origin)})
	}
	return out
}

// fromPayload converts a decoded payload into an organ-year and lists every
// problem that makes it unfit to import.
func fromPayload(p jPayload, meta Meta) (*model.OrganYear, []string) {
	v := &validator{version: meta.Version}
	o := p.Organ
	organ := model.Organ{Name: line(o.Name), Level: model.OrganLevel(o.Level), Superior: line(o.Superior), Office: line(o.Office),
		Phone: line(o.Phone), Email: line(o.Email), Portal: line(o.Portal), DueMonth: o.DueMonth, DueDay: o.DueDay,
		ReviewOrgan: line(o.ReviewOrgan), Court: line(o.Court), LetterPattern: line(o.LetterPattern),
		Address: line(o.Address), Postcode: line(o.Postcode)}
	if organ.Name == "" {
		v.addf("单位名称为空")
	}
	if organ.Name != line(meta.Organ) {
		v.addf("报送包标注的单位「%s」与内容中的单位「%s」不一致", meta.Organ, o.Name)
	}
	if o.Level != "" && !oneOf(organ.Level, model.OrganLevels...) {
		v.addf("单位层级「%s」无效", o.Level)
	}
	if o.DueMonth != 0 || o.DueDay != 0 {
		if o.DueMonth < 1 || o.DueMonth > 12 || o.DueDay < 1 || o.DueDay > model.DaysInMonth(2001, o.DueMonth) {
			v.addf("报送截止日期 %d月%d日 无效", o.DueMonth, o.DueDay)
		}
	}

	rp := p.Report
	if rp.Year != meta.Year {
		v.addf("报送包标注的年度 %d 与报告年度 %d 不一致", meta.Year, rp.Year)
	}
	f := model.FormatForYear(rp.Year)
	if f == nil {
		v.addf("报告年度 %d 没有对应的国家年报格式（2019年起才有）", rp.Year)
		return nil, v.problems
	}
	if rp.Format != f.ID || meta.FormatID != f.ID {
		v.addf("%d年度报告应使用%s表格，报送包写的是「%s」", rp.Year, f.Name, rp.Format)
		return nil, v.problems
	}
	r := &model.Report{Year: rp.Year, FormatID: f.ID, Status: model.ReportStatus(rp.Status),
		Preamble: model.Preamble{Basis: line(rp.Preamble.Basis), Where: line(rp.Preamble.Where), Text: text(rp.Preamble.Text)},
		Mode3:    model.TableMode(rp.Mode3), Mode4: model.TableMode(rp.Mode4), Art20Mode: model.TableMode(rp.Art20Mode),
		Fees: model.FeeSummary{Notices: rp.Fees.Notices, Collected: rp.Fees.Collected}}
	if !oneOf(r.Status, model.StatusDraft, model.StatusChecked, model.StatusExported) {
		v.addf("报告状态「%s」无效", rp.Status)
	}
	for _, m := range []struct {
		name string
		mode model.TableMode
		zero bool
	}{{"表三的填报方式", r.Mode3, false}, {"表四的填报方式", r.Mode4, false}, {"表二（一）的填报方式", r.Art20Mode, true}} {
		if !oneOf(m.mode, model.FromLog, model.Typed) && !(m.zero && m.mode == "") {
			v.addf("%s「%s」无效，应为 log 或 typed", m.name, m.mode)
		}
	}
	v.nonNeg("收费通知件数", int64(rp.Fees.Notices))
	v.nonNeg("信息处理费收费金额", rp.Fees.Collected)
	r.Date = v.date("报告日期", rp.Date)
	r.Blocks = v.blocks("正文", rp.Blocks)
	r.Values = v.cells("报告表格", f, rp.Values)
	for _, a := range rp.Acks {
		r.Acks = append(r.Acks, model.Ack{Rule: line(a.Rule), Target: line(a.Target), Reason: text(a.Reason)})
	}
	oy := &model.OrganYear{Organ: organ, Report: r}

	for i, q := range p.Requests {
		w := fmt.Sprintf("依申请台账第%d条（%d年第%d号）", i+1, q.Year, q.Serial)
		rq := model.Request{Year: q.Year, Serial: q.Serial, Channel: model.Channel(q.Channel),
			Applicant: model.ApplicantType(q.Applicant), ExtApprovedBy: line(q.ExtApprovedBy),
			ExtDays: q.ExtDays, ExcludedDays: q.ExcludedDays, Outcome: q.Outcome, FeeMethod: model.FeeMethod(q.FeeMethod),
			Pages: q.Pages, Fee: q.Fee}
		rq.Received = v.date(w+"收到日期", q.Received)
		rq.CorrectionNotice = v.date(w+"补正通知日期", q.CorrectionNotice)
		rq.Corrected = v.date(w+"补正后收到日期", q.Corrected)
		rq.ExtNotice = v.date(w+"延期通知日期", q.ExtNotice)
		rq.Answered = v.date(w+"答复日期", q.Answered)
		rq.FeeNotice = v.date(w+"收费通知日期", q.FeeNotice)
		rq.FeePaid = v.date(w+"缴费日期", q.FeePaid)
		rq.DelayNotice = v.date(w+"延迟答复告知日期", q.DelayNotice)
		rq.DelayedTo = v.date(w+"延迟答复日期", q.DelayedTo)
		if q.Received == "" {
			v.addf("%s：缺少收到日期", w)
		} else if !rq.Received.IsZero() && rq.Received.Year() != q.Year {
			v.addf("%s：登记年度 %d 与收到日期 %s 不符", w, q.Year, q.Received)
		}
		if !rq.Received.IsZero() && rq.Received > model.YearEnd(rp.Year) {
			v.addf("%s：收到日期 %s 晚于报告年度 %d", w, q.Received, rp.Year)
		}
		if q.Serial < 1 {
			v.addf("%s：序号应为正整数", w)
		}
		if !oneOf(rq.Channel, model.Channels...) && q.Channel != "" {
			v.addf("%s：申请方式「%s」无效", w, q.Channel)
		}
		if !rq.Applicant.Valid() {
			v.addf("%s：申请人类型「%s」无效，应为六类申请人之一", w, q.Applicant)
		}
		if !oneOf(rq.FeeMethod, model.FeeNone, model.FeePerRequest, model.FeePerPage) {
			v.addf("%s：收费方式「%s」无效", w, q.FeeMethod)
		}
		v.within(w+"延期工作日数", int64(q.ExtDays), 0, maxDays)
		v.within(w+"征求意见工作日数", int64(q.ExcludedDays), 0, maxDays)
		v.within(w+"页数", int64(q.Pages), 0, maxPages)
		v.within(w+"信息处理费", q.Fee, 0, maxValue)
		if q.Serial >= 1_000_000 {
			v.addf("%s：序号超出范围（1 至 999999）", w)
		}
		if q.Outcome != "" {
			of := f
			if !rq.Answered.IsZero() {
				if af := model.FormatForYear(rq.Answered.Year()); af != nil {
					of = af
				}
			}
			if !of.IsOutcome(q.Outcome) {
				v.addf("%s：办理结果「%s」不是%s表三中的办理结果行", w, q.Outcome, of.Name)
			}
		}
		if q.Personal != nil {
			if meta.Kind == Public {
				v.addf("%s：公开报送包不应含有申请人个人信息", w)
			}
			rq.Personal = model.Personal{Name: line(q.Personal.Name), Phone: line(q.Personal.Phone), IDNumber: line(q.Personal.IDNumber), Address: line(q.Personal.Address)}
		}
		if q.Summary != nil {
			if meta.Kind == Public {
				v.addf("%s：公开报送包不应含有申请内容摘要", w)
			}
			rq.Summary = text(*q.Summary)
		}
		if q.Notes != nil {
			if meta.Kind == Public {
				v.addf("%s：公开报送包不应含有备注", w)
			}
			rq.Notes = text(*q.Notes)
		}
		oy.Requests = append(oy.Requests, rq)
	}
	for i, c := range p.Cases {
		w := fmt.Sprintf("复议诉讼第%d件", i+1)
		mc := model.Case{Year: c.Year, Kind: model.CaseKind(c.Kind), Result: model.CaseResult(c.Result)}
		if c.Summary != nil {
			if meta.Kind == Public {
				v.addf("%s：公开报送包不应含有案件摘要", w)
			}
			mc.Summary = text(*c.Summary)
		}
		mc.Filed = v.date(w+"立案日期", c.Filed)
		if !oneOf(mc.Kind, model.CaseKinds...) {
			v.addf("%s：类型「%s」无效", w, c.Kind)
		}
		if !oneOf(mc.Result, model.CaseResults...) {
			v.addf("%s：结果「%s」无效", w, c.Result)
		}
		if c.Year != rp.Year {
			v.addf("%s：所属年度 %d 与报告年度 %d 不符", w, c.Year, rp.Year)
		}
		oy.Cases = append(oy.Cases, mc)
	}
	for i, m := range p.Measures {
		w := fmt.Sprintf("整改措施第%d条", i+1)
		mm := model.Measure{Year: m.Year, Problem: text(m.Problem), Measure: text(m.Measure), Responsible: line(m.Responsible),
			Status: model.MeasureStatus(m.Status), FirstYear: m.FirstYear}
		mm.Due = v.date(w+"完成时限", m.Due)
		if !oneOf(mm.Status, model.MeasureStatuses...) {
			v.addf("%s：状态「%s」无效", w, m.Status)
		}
		if m.Year != rp.Year {
			v.addf("%s：所属年度 %d 与报告年度 %d 不符", w, m.Year, rp.Year)
		}
		if m.FirstYear != 0 && m.FirstYear > m.Year {
			v.addf("%s：首次提出年度 %d 晚于所属年度 %d", w, m.FirstYear, m.Year)
		}
		oy.Measures = append(oy.Measures, mm)
	}
	for i, it := range p.Items {
		w := fmt.Sprintf("主动公开信息第%d条", i+1)
		mi := model.DisclosureItem{Year: it.Year, Title: line(it.Title), Category: line(it.Category), Location: line(it.Location),
			Channels: lines(it.Channels), Art20Row: it.Art20Row, Art20Action: model.Art20Action(it.Art20Action)}
		mi.Published = v.date(w+"公开日期", it.Published)
		if it.Year != rp.Year {
			v.addf("%s：所属年度 %d 与报告年度 %d 不符", w, it.Year, rp.Year)
		}
		if !oneOf(it.Art20Row, "", model.RowRules, model.RowNormativeDocs) {
			v.addf("%s：第二十条（一）行「%s」无效", w, it.Art20Row)
		}
		if !oneOf(mi.Art20Action, model.Art20None, model.Art20Issued, model.Art20Repealed) {
			v.addf("%s：第二十条（一）计数方式「%s」无效", w, it.Art20Action)
		}
		oy.Items = append(oy.Items, mi)
	}
	if pv := p.Prev; pv != nil {
		pf := model.FormatForYear(pv.Year)
		switch {
		case pv.Year != rp.Year-1:
			v.addf("上年数据的年度 %d 不是报告年度的上一年", pv.Year)
		case pf == nil:
			oy.Prev = &model.PrevYear{Year: pv.Year, Values: model.Values{}, Blocks: v.blocks("上年正文", pv.Blocks)}
			if len(pv.Values) > 0 {
				v.addf("上年数据：%d年没有国家年报表格，却带有表格数值", pv.Year)
			}
		case pv.Format != pf.ID:
			v.addf("上年数据：%d年应使用%s表格，报送包写的是「%s」", pv.Year, pf.Name, pv.Format)
		default:
			oy.Prev = &model.PrevYear{Year: pv.Year, FormatID: pf.ID, Values: v.cells("上年表格", pf, pv.Values), Blocks: v.blocks("上年正文", pv.Blocks)}
		}
	}
	return oy, v.problems
}

package importer

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"nianbao/model"
)

// The request log (依申请公开台账) an office kept in a spreadsheet comes in
// like the disclosure items: the header names suggest which column holds
// which field, the free-text applicant types and outcomes are mapped to the
// format's columns and rows by a table the clerk confirms, and every row is
// checked before anything is written.

// LedgerField is a request field a ledger column can be mapped to.
type LedgerField int

const (
	LFReceived LedgerField = iota
	LFApplicant
	LFSummary
	LFAnswered
	LFOutcome
	LFChannel
	LFName
	LFPhone
	LFIDNumber
	LFAddress
	LFCorrectionNotice
	LFCorrected
	LFExtApprovedBy
	LFExtNotice
	LFExtDays
	LFExcludedDays
	LFFeeMethod
	LFPages
	LFFee
	LFFeeNotice
	LFFeePaid
	LFNotes
	NumLedgerFields
)

// LedgerFields lists the fields in the order the mapping step shows them.
var LedgerFields = func() []LedgerField {
	fs := make([]LedgerField, NumLedgerFields)
	for i := range fs {
		fs[i] = LedgerField(i)
	}
	return fs
}()

var ledgerLabels = [NumLedgerFields]string{
	LFReceived: "收到申请日期", LFApplicant: "申请人类型", LFSummary: "申请内容", LFAnswered: "答复日期", LFOutcome: "办理结果",
	LFChannel: "申请方式", LFName: "申请人姓名或名称", LFPhone: "联系电话", LFIDNumber: "证件号码", LFAddress: "联系地址",
	LFCorrectionNotice: "补正通知日期", LFCorrected: "补正后收到日期", LFExtApprovedBy: "延期批准人", LFExtNotice: "延期通知日期",
	LFExtDays: "延期工作日数", LFExcludedDays: "征求意见工作日数", LFFeeMethod: "收费方式", LFPages: "页数", LFFee: "信息处理费（元）",
	LFFeeNotice: "收费通知日期", LFFeePaid: "缴费日期", LFNotes: "备注",
}

// Label is the field's Chinese name (the request-log workbook's header).
func (f LedgerField) Label() string { return ledgerLabels[f] }

// Required reports whether an import cannot run without the field: table
// 三 needs each request's date, applicant column, answer date and outcome,
// and a request is known by its content.
func (f LedgerField) Required() bool { return f <= LFOutcome }

// ledgerHeaderNames are the header texts each field is recognised by, the
// most specific first; the request-log workbook's own headers come first.
var ledgerHeaderNames = [NumLedgerFields][]string{
	LFReceived:         {"收到申请日期", "收到日期", "申请日期", "受理日期", "登记日期", "收件日期", "申请时间", "受理时间", "收到时间"},
	LFApplicant:        {"申请人类型", "申请人类别", "申请人性质", "申请主体类型", "申请主体", "主体类型", "类型", "类别"},
	LFSummary:          {"申请内容", "申请公开内容", "申请事项", "申请公开的信息", "所需信息", "信息内容", "内容描述", "内容", "事项"},
	LFAnswered:         {"答复日期", "答复时间", "办结日期", "办结时间", "回复日期", "答复"},
	LFOutcome:          {"办理结果", "答复结果", "处理结果", "答复情况", "办理情况", "答复意见", "处理意见", "结果"},
	LFChannel:          {"申请方式", "申请渠道", "提交方式", "收件方式", "方式", "渠道"},
	LFName:             {"申请人姓名或名称", "申请人姓名", "申请人名称", "申请人", "姓名", "名称"},
	LFPhone:            {"联系电话", "电话", "手机", "手机号", "联系方式"},
	LFIDNumber:         {"证件号码", "身份证号码", "身份证号", "统一社会信用代码", "证件号"},
	LFAddress:          {"联系地址", "通讯地址", "通信地址", "住址", "地址"},
	LFCorrectionNotice: {"补正通知日期", "补正告知日期", "补正通知"},
	LFCorrected:        {"补正后收到日期", "补正日期", "收到补正日期"},
	LFExtApprovedBy:    {"延期批准人", "延期审批人"},
	LFExtNotice:        {"延期通知日期", "延期告知日期"},
	LFExtDays:          {"延期工作日数", "延期天数", "延长工作日"},
	LFExcludedDays:     {"征求意见工作日数", "征求意见天数"},
	LFFeeMethod:        {"收费方式"},
	LFPages:            {"页数"},
	LFFee:              {"信息处理费（元）", "信息处理费", "收费金额", "费用"},
	LFFeeNotice:        {"收费通知日期"},
	LFFeePaid:          {"缴费日期"},
	LFNotes:            {"备注", "说明"},
}

// LedgerMapping gives, for each field, the column index it is read from, or -1.
type LedgerMapping [NumLedgerFields]int

// Missing lists the required fields not mapped.
func (m LedgerMapping) Missing() []LedgerField {
	var out []LedgerField
	for _, f := range LedgerFields {
		if f.Required() && m[f] < 0 {
			out = append(out, f)
		}
	}
	return out
}

// Cycle moves field f to the next free column (or none) of n; step -1 goes back.
func (m *LedgerMapping) Cycle(f LedgerField, n, step int) {
	cur := m[f]
	for range n + 1 {
		cur += step
		if cur >= n {
			cur = -1
		} else if cur < -1 {
			cur = n - 1
		}
		free := true
		for g := range NumLedgerFields {
			if g != f && m[g] == cur && cur >= 0 {
				free = false
			}
		}
		if cur == -1 || free {
			m[f] = cur
			return
		}
	}
}

// GuessLedgerMapping maps fields to columns by their header names: exact
// names first, then short headers containing a name. Each column serves one
// field. The request-log workbook's computed columns (答复期限, 是否超期)
// and its 编号 map to nothing: the import numbers requests itself.
func GuessLedgerMapping(header []string) LedgerMapping {
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = normHeader(h)
		switch norm[i] {
		case "答复期限", "是否超期", "编号", "序号":
			norm[i] = ""
		}
	}
	names := make([][]string, len(LedgerFields))
	for i, f := range LedgerFields {
		names[i] = ledgerHeaderNames[f]
	}
	var m LedgerMapping
	for i, c := range matchHeaders(norm, names) {
		m[LedgerFields[i]] = c
	}
	return m
}

// isLedgerHeader recognises a ledger's header row: a date received and
// either the content or the outcome are named.
func isLedgerHeader(rec []string) bool {
	m := GuessLedgerMapping(rec)
	return m[LFReceived] >= 0 && (m[LFSummary] >= 0 || m[LFOutcome] >= 0)
}

// ReadLedger reads a request log from r as ReadItems reads an item list
// (.xlsx or .csv in UTF-8, UTF-16 or GB18030), skipping title rows above the
// header (merged title cells read as a row with one cell) and blank lines.
func ReadLedger(r io.Reader, name string) (*Sheet, error) {
	return readTable(r, name, "依申请公开台账", isLedgerHeader)
}

// applicantWords map free text to applicant columns, the official labels
// first, then words clerks write.
var applicantWords = []struct {
	word string
	a    model.ApplicantType
}{
	{"自然人", model.NaturalPerson}, {"商业企业", model.Business}, {"科研机构", model.Research},
	{"社会公益组织", model.NonProfit}, {"法律服务机构", model.LegalService},
	{"律师事务所", model.LegalService}, {"律所", model.LegalService}, {"律师", model.LegalService}, {"法律援助", model.LegalService},
	{"公证", model.LegalService}, {"基层法律服务", model.LegalService},
	{"高校", model.Research}, {"大学", model.Research}, {"学院", model.Research}, {"研究", model.Research}, {"科研", model.Research},
	{"公益", model.NonProfit}, {"协会", model.NonProfit}, {"基金会", model.NonProfit}, {"社会组织", model.NonProfit}, {"志愿", model.NonProfit},
	{"企业", model.Business}, {"公司", model.Business}, {"个体工商户", model.Business}, {"商户", model.Business}, {"合作社", model.Business},
	{"个人", model.NaturalPerson}, {"公民", model.NaturalPerson}, {"群众", model.NaturalPerson}, {"居民", model.NaturalPerson},
	{"村民", model.NaturalPerson}, {"农民", model.NaturalPerson},
	{"其他", model.OtherOrg}, {"村委会", model.OtherOrg}, {"居委会", model.OtherOrg}, {"委员会", model.OtherOrg}, {"组织", model.OtherOrg},
}

// SuggestApplicant maps a free-text applicant type to a column; false when
// no rule applies.
func SuggestApplicant(s string) (model.ApplicantType, bool) {
	t := ValueKey(s)
	if t == "" {
		return "", false
	}
	for _, w := range applicantWords {
		if t == w.word {
			return w.a, true
		}
	}
	for _, w := range applicantWords {
		if strings.Contains(t, w.word) {
			return w.a, true
		}
	}
	return "", false
}

// outcomeWords map phrases of free-text outcomes to table 三 rows (2021
// ids), most specific first: a 不予公开 with its reason before the bare
// 予以公开 a longer sentence may also contain.
var outcomeWords = []struct {
	words []string
	row   string
}{
	{[]string{"部分公开", "区分处理"}, model.RowPartly},
	{[]string{"国家秘密", "涉密"}, "o3_1"},
	{[]string{"法律行政法规禁止", "法律、行政法规禁止", "法律法规禁止"}, "o3_2"},
	{[]string{"三安全一稳定", "国家安全", "公共安全", "经济安全", "社会稳定"}, "o3_3"},
	{[]string{"第三方", "商业秘密", "个人隐私"}, "o3_4"},
	{[]string{"内部事务", "内部管理"}, "o3_5"},
	{[]string{"过程性"}, "o3_6"},
	{[]string{"执法案卷"}, "o3_7"},
	{[]string{"行政查询", "查询事项"}, "o3_8"},
	{[]string{"仍不明确"}, "o4_3"},
	{[]string{"另行制作", "没有现成", "加工"}, "o4_2"},
	{[]string{"不掌握", "不存在", "非本机关", "不属于本机关", "未制作"}, "o4_1"},
	{[]string{"信访", "举报", "投诉"}, "o5_1"},
	{[]string{"重复申请"}, "o5_2"},
	{[]string{"出版物"}, "o5_3"},
	{[]string{"大量反复"}, "o5_4"},
	{[]string{"确认或重新出具", "重新出具", "确认"}, "o5_5"},
	{[]string{"逾期不补正", "未补正", "不补正"}, "o6_1"},
	{[]string{"未缴纳", "未缴费", "逾期未缴", "不缴费"}, "o6_2"},
	{[]string{"撤回", "其他处理"}, "o6_3"},
	{[]string{"予以公开", "已公开", "全部公开", "同意公开", "已提供", "公开"}, model.RowDisclosed},
}

// SuggestOutcome maps a free-text outcome to an outcome row of format f:
// the row's own label (（三）不予公开 4.保护第三方合法权益, 4.保护第三方合法权益,
// 保护第三方合法权益), or a phrase from outcomeWords. A bare 不予公开 names no
// reason, so it maps to nothing: the clerk picks the row.
func SuggestOutcome(s string, f *model.Format) (string, bool) {
	t := ValueKey(s)
	if t == "" {
		return "", false
	}
	tbl := f.Table(model.TableS3)
	for _, id := range f.OutcomeRows() {
		r, _ := tbl.Row(id)
		label := ValueKey(r.Label)
		plain := label
		if i := strings.IndexAny(plain, ".．"); i >= 0 && i < 4 {
			plain = plain[i+1:]
		}
		if t == ValueKey(r.FullLabel()) || t == label || t == plain || t == ValueKey(trimGroupNumber(r.Label)) {
			return id, true
		}
	}
	for _, w := range outcomeWords {
		for _, word := range w.words {
			if strings.Contains(t, word) {
				if strings.Contains(t, "不予公开") && w.row == model.RowDisclosed {
					return "", false
				}
				row := w.row
				if !f.IsOutcome(row) && strings.HasPrefix(row, "o6") && f.IsOutcome("o6") {
					row = "o6" // the 2019 format has one 其他处理 row
				}
				if !f.IsOutcome(row) {
					return "", false
				}
				return row, true
			}
		}
	}
	return "", false
}

// trimGroupNumber drops a leading （一） from a label.
func trimGroupNumber(s string) string {
	if strings.HasPrefix(s, "（") {
		if i := strings.Index(s, "）"); i > 0 {
			return s[i+len("）"):]
		}
	}
	return s
}

// ValueKey normalises a free-text cell for mapping: cleaned, full-width
// forms folded, spaces dropped.
func ValueKey(s string) string {
	s = model.NormalizeDigits(model.CleanLine(s))
	return strings.Join(strings.Fields(s), "")
}

// ValueMap is the confirmed mapping of the free-text values a ledger uses:
// each distinct applicant text to a column, each distinct outcome text to
// a row id ("" for an open request). Keys are valueKey forms.
type ValueMap struct {
	Applicant map[string]model.ApplicantType
	Outcome   map[string]string
}

// ValueChoice is one distinct free-text value with its suggestion.
type ValueChoice struct {
	Text  string // as first written in the file
	Count int    // rows using it
	// Applicant or Outcome holds the suggestion; OK is false when none.
	Applicant model.ApplicantType
	Outcome   string
	OK        bool
}

// SuggestValues lists the distinct applicant and outcome texts of the
// sheet's mapped columns with a suggestion each, in order of first use, and
// returns the map of the suggestions that exist. Empty outcomes are open
// requests and need no mapping.
func SuggestValues(s *Sheet, m LedgerMapping, f *model.Format) (applicants, outcomes []ValueChoice, vm ValueMap) {
	vm = ValueMap{Applicant: map[string]model.ApplicantType{}, Outcome: map[string]string{}}
	idxA, idxO := map[string]int{}, map[string]int{}
	for i := range s.Rows {
		if a := s.Cell(i, m[LFApplicant]); ValueKey(a) != "" {
			k := ValueKey(a)
			if j, ok := idxA[k]; ok {
				applicants[j].Count++
			} else {
				c := ValueChoice{Text: cleanCell(a), Count: 1}
				c.Applicant, c.OK = SuggestApplicant(a)
				if c.OK {
					vm.Applicant[k] = c.Applicant
				}
				idxA[k] = len(applicants)
				applicants = append(applicants, c)
			}
		}
		if o := s.Cell(i, m[LFOutcome]); ValueKey(o) != "" {
			k := ValueKey(o)
			if j, ok := idxO[k]; ok {
				outcomes[j].Count++
			} else {
				c := ValueChoice{Text: cleanCell(o), Count: 1}
				c.Outcome, c.OK = SuggestOutcome(o, f)
				if c.OK {
					vm.Outcome[k] = c.Outcome
				}
				idxO[k] = len(outcomes)
				outcomes = append(outcomes, c)
			}
		}
	}
	return applicants, outcomes, vm
}

// Unmapped lists the choices vm does not map.
func (vm ValueMap) Unmapped(applicants, outcomes []ValueChoice) (a, o []string) {
	for _, c := range applicants {
		if _, ok := vm.Applicant[ValueKey(c.Text)]; !ok {
			a = append(a, c.Text)
		}
	}
	for _, c := range outcomes {
		if _, ok := vm.Outcome[ValueKey(c.Text)]; !ok {
			o = append(o, c.Text)
		}
	}
	return a, o
}

// LedgerPreview is what an import would write, shown before it is.
type LedgerPreview struct {
	Requests []model.Request
	Bad      []BadRow
	// Dups lists rows left out as duplicates (same date received,
	// applicant and content as an earlier row or a request already kept).
	Dups []BadRow
}

// ledgerDupKey identifies a request for duplicate detection.
func ledgerDupKey(received model.Date, name string, applicant model.ApplicantType, summary string) string {
	who := ValueKey(name)
	if who == "" {
		who = string(applicant)
	}
	return strconv.Itoa(int(received)) + "\x00" + who + "\x00" + ValueKey(summary)
}

// ApplyLedger turns the sheet's rows into requests of organID for a report
// year, checking every row before anything is written: a row without a
// readable date received, received after the year, without content, with
// an applicant or outcome text vm does not map, with an outcome but no
// answer date (or an answer date before the request), or with a number or
// date that cannot be read is listed with its line and reason. Rows that
// repeat an earlier row or a request in existing are listed as duplicates.
// Requests get Serial 0: the store numbers them.
func ApplyLedger(s *Sheet, m LedgerMapping, vm ValueMap, organID int64, year int, existing []model.Request) LedgerPreview {
	var p LedgerPreview
	p.Bad = append(p.Bad, s.Bad...)
	seen := map[string]bool{}
	for i := range existing {
		q := &existing[i]
		seen[ledgerDupKey(q.Received, q.Personal.Name, q.Applicant, q.Summary)] = true
	}
	for i := range s.Rows {
		line := i + 2
		if i < len(s.Lines) {
			line = s.Lines[i]
		}
		q, reason := ledgerRow(s, i, m, vm, year)
		if reason != "" {
			p.Bad = append(p.Bad, BadRow{line, reason})
			continue
		}
		q.OrganID = organID
		k := ledgerDupKey(q.Received, q.Personal.Name, q.Applicant, q.Summary)
		if seen[k] {
			p.Dups = append(p.Dups, BadRow{line, fmt.Sprintf("与已有登记重复：%s收到的“%s”", q.Received.String(), short(q.Summary))})
			continue
		}
		seen[k] = true
		p.Requests = append(p.Requests, q)
	}
	sort.SliceStable(p.Requests, func(a, b int) bool { return p.Requests[a].Received < p.Requests[b].Received })
	return p
}

func short(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}

func ledgerRow(s *Sheet, i int, m LedgerMapping, vm ValueMap, year int) (model.Request, string) {
	cell := func(fl LedgerField) string { return cleanCell(s.Cell(i, m[fl])) }
	date := func(fl LedgerField) (model.Date, string) {
		raw := cell(fl)
		if raw == "" {
			return 0, ""
		}
		d, err := parseCellDate(raw, fl.Label())
		if err != nil {
			if !strings.Contains(err.Error(), fl.Label()) {
				return 0, fl.Label() + "：" + err.Error()
			}
			return 0, err.Error()
		}
		return d, ""
	}
	var q model.Request
	var why string
	if cell(LFReceived) == "" {
		return q, "缺少收到申请日期"
	}
	if q.Received, why = date(LFReceived); why != "" {
		return q, why
	}
	if q.Received.Year() > year {
		return q, fmt.Sprintf("收到申请日期 %s 在 %d 年之后", q.Received.String(), year)
	}
	q.Year = q.Received.Year()
	q.Summary = cell(LFSummary)
	if q.Summary == "" {
		return q, "申请内容为空"
	}
	at := cell(LFApplicant)
	a, ok := vm.Applicant[ValueKey(at)]
	if !ok {
		if at == "" {
			return q, "申请人类型为空"
		}
		return q, fmt.Sprintf("申请人类型「%s」还没有对应到表三的列", at)
	}
	q.Applicant = a
	if oc := cell(LFOutcome); oc != "" {
		row, ok := vm.Outcome[ValueKey(oc)]
		if !ok {
			return q, fmt.Sprintf("办理结果「%s」还没有对应到表三的行", oc)
		}
		q.Outcome = row
	}
	for _, d := range []struct {
		f LedgerField
		p *model.Date
	}{{LFAnswered, &q.Answered}, {LFCorrectionNotice, &q.CorrectionNotice}, {LFCorrected, &q.Corrected},
		{LFExtNotice, &q.ExtNotice}, {LFFeeNotice, &q.FeeNotice}, {LFFeePaid, &q.FeePaid}} {
		if *d.p, why = date(d.f); why != "" {
			return q, why
		}
	}
	if q.Outcome != "" && q.Answered.IsZero() {
		return q, "有办理结果但没有答复日期"
	}
	if !q.Answered.IsZero() && q.Answered < q.Received {
		return q, fmt.Sprintf("答复日期 %s 早于收到申请日期 %s", q.Answered.String(), q.Received.String())
	}
	if !q.Answered.IsZero() && q.Outcome == "" {
		return q, "有答复日期但没有办理结果"
	}
	for _, n := range []struct {
		f LedgerField
		p *int
	}{{LFExtDays, &q.ExtDays}, {LFExcludedDays, &q.ExcludedDays}, {LFPages, &q.Pages}} {
		if raw := cell(n.f); raw != "" {
			v, err := model.ParseCount(raw)
			if err != nil {
				return q, n.f.Label() + "：" + err.Error()
			}
			*n.p = int(v)
		}
	}
	if q.ExtDays > model.MaxExtWorkdays {
		return q, fmt.Sprintf("延期工作日数 %d 超过 %d", q.ExtDays, model.MaxExtWorkdays)
	}
	if raw := cell(LFFee); raw != "" {
		v, err := model.ParseMoney(strings.TrimSuffix(raw, "元"), "元")
		if err != nil {
			return q, "信息处理费：" + err.Error()
		}
		q.Fee = v
	}
	switch ch := cell(LFChannel); {
	case ch == "":
	default:
		q.Channel = model.ChannelOther
		for _, c := range model.Channels {
			if strings.Contains(ch, c.Label()) {
				q.Channel = c
			}
		}
		switch {
		case strings.Contains(ch, "网") || strings.Contains(ch, "邮件") || strings.Contains(ch, "在线"):
			q.Channel = model.ChannelOnline
		case strings.Contains(ch, "信函") || strings.Contains(ch, "邮寄") || strings.Contains(ch, "快递"):
			q.Channel = model.ChannelPost
		case strings.Contains(ch, "现场") || strings.Contains(ch, "窗口") || strings.Contains(ch, "当面"):
			q.Channel = model.ChannelInPerson
		}
	}
	switch fm := cell(LFFeeMethod); {
	case strings.Contains(fm, "件"):
		q.FeeMethod = model.FeePerRequest
	case strings.Contains(fm, "量"), strings.Contains(fm, "页"):
		q.FeeMethod = model.FeePerPage
	}
	q.ExtApprovedBy = cell(LFExtApprovedBy)
	q.Personal = model.Personal{Name: cell(LFName), Phone: cell(LFPhone), IDNumber: cell(LFIDNumber), Address: cell(LFAddress)}
	q.Notes = cell(LFNotes)
	return q, ""
}

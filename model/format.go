package model

import (
	"fmt"
	"strings"
)

// CellKind says what a table cell holds.
type CellKind int

const (
	// KindCount is a non-negative integer count.
	KindCount CellKind = iota
	// KindDelta is a signed change (本年增/减): +3, -1, 0.
	KindDelta
	// KindMoney is an amount stored in fen (分, 1/100 yuan) and printed in Column.Unit.
	KindMoney
)

// CellAddress is the stable address of one table cell: format table id, row id,
// column id. The same address keys a typed value in the database, locates a
// finding, is the jump target in the workstation and the cell a renderer fills.
type CellAddress struct {
	Table string `json:"table"`
	Row   string `json:"row"`
	Col   string `json:"col"`
}

// Addr builds a CellAddress.
func Addr(table, row, col string) CellAddress { return CellAddress{table, row, col} }

// String is the compact key form "s3.o3_1.np".
func (a CellAddress) String() string { return a.Table + "." + a.Row + "." + a.Col }

// IsZero reports whether the address is empty.
func (a CellAddress) IsZero() bool { return a.Table == "" }

// HeaderCell is one cell of a table's column header, in HTML semantics: cells
// are listed row by row, left to right, skipping positions covered by a span
// from above. The first header row starts with the corner cell over the row
// labels when the table has any.
type HeaderCell struct {
	Label   string
	RowSpan int
	ColSpan int
}

// Column is one data column.
type Column struct {
	ID    string
	Label string
	Kind  CellKind
	// Unit is printed with money ("万元"); UnitInHeader means the header
	// already names it and cells print the bare number.
	Unit         string
	UnitInHeader bool
	// Total marks a column whose value is the sum of other columns (总计).
	Total bool
	// SumOf lists the columns a Total column adds up.
	SumOf []string
	// Group is the full official label of the column group the column
	// repeats under (table 四: S4GroupLabel), "" in the other tables.
	Group string
}

// Row is one data row. Path holds the labels of the merged groups the row sits
// in, outermost first (e.g. 三、本年度办理结果 › （三）不予公开); Label is the
// row's own label, which spans the stub columns its Path leaves free.
type Row struct {
	ID    string
	Path  []string
	Label string
	// Total marks a computed sum row (（七）总计).
	Total bool
}

// FullLabel joins the group path and the row label for messages.
func (r Row) FullLabel() string {
	parts := append(append([]string{}, r.Path...), r.Label)
	// The outermost 三、本年度办理结果 adds nothing to a message about an outcome row.
	if len(parts) > 1 && parts[0] == LabelOutcomes {
		parts = parts[1:]
	}
	return strings.Join(parts, " ")
}

// Table is one official table of a format.
type Table struct {
	ID      string
	Section int    // 2, 3 or 4
	Caption string // e.g. 第二十条第（一）项; empty for 三 and 四
	// StubWidth is how many row-label columns precede the data columns.
	StubWidth int
	Header    [][]HeaderCell
	Columns   []Column
	Rows      []Row
}

// Column returns the column with the id, if any.
func (t *Table) Column(id string) (Column, bool) {
	for _, c := range t.Columns {
		if c.ID == id {
			return c, true
		}
	}
	return Column{}, false
}

// Row returns the row with the id, if any.
func (t *Table) Row(id string) (Row, bool) {
	for _, r := range t.Rows {
		if r.ID == id {
			return r, true
		}
	}
	return Row{}, false
}

// Cells lists every data cell address, row by row.
func (t *Table) Cells() []CellAddress {
	out := make([]CellAddress, 0, len(t.Rows)*len(t.Columns))
	for _, r := range t.Rows {
		for _, c := range t.Columns {
			out = append(out, CellAddress{t.ID, r.ID, c.ID})
		}
	}
	return out
}

// Format is one national layout of the report tables.
type Format struct {
	ID    string // "2019" or "2021"
	Name  string // 2019版
	Basis string // the notice that set the format
	// Title is the layout's own title as its notice printed it, where a
	// report citing the title alone can be told to mean this format: the
	// 2019 layout was issued as 《…年度报告格式（试行）》; the 2021 one
	// dropped 「（试行）」, so its title, a prefix of the other, is not used.
	Title string
	// Notice is the title of the notice that set the format, as the
	// national office issued it (after 「国务院办公厅政府信息与政务公开办公室」,
	// without its book-title marks): a report that names the notice by
	// title and not by number still cites it. Local notices (「…关于编制公布
	// 2021年政府信息公开工作年度报告有关事项的通知」) have other issuers and
	// titles.
	Notice string
	Tables []*Table

	// outcomeRows and outcomeIdx cache OutcomeRows and its index, built
	// once with the format: IsOutcome runs for every request of a log.
	outcomeRows []string
	outcomeIdx  map[string]int
	// cells lists every cell of the tables in order, cellIdx its index.
	cells   []CellAddress
	cellIdx map[CellAddress]int
}

// AllCells lists every cell of the format's tables, table by table, row by
// row: the order of a CellRow.
func (f *Format) AllCells() []CellAddress { return f.cells }

// Table returns the table with the id, or nil.
func (f *Format) Table(id string) *Table {
	for _, t := range f.Tables {
		if t.ID == id {
			return t
		}
	}
	return nil
}

// SectionTables lists the tables of one report section in print order.
func (f *Format) SectionTables(section int) []*Table {
	var out []*Table
	for _, t := range f.Tables {
		if t.Section == section {
			out = append(out, t)
		}
	}
	return out
}

// Cell resolves an address to its table, row and column.
func (f *Format) Cell(a CellAddress) (*Table, Row, Column, bool) {
	t := f.Table(a.Table)
	if t == nil {
		return nil, Row{}, Column{}, false
	}
	r, ok1 := t.Row(a.Row)
	c, ok2 := t.Column(a.Col)
	return t, r, c, ok1 && ok2
}

// Place describes a cell in Chinese for messages and the check list,
// e.g. 表三 （三）不予公开 1.属于国家秘密 · 自然人.
func (f *Format) Place(a CellAddress) string {
	t, r, c, ok := f.Cell(a)
	if !ok {
		return a.String()
	}
	col := c.Label
	if c.Group != "" {
		// 表四's columns repeat under each group (行政复议, the two kinds of
		// 行政诉讼).
		col = c.Group + "·" + c.Label
	}
	name := TableName(t)
	if r.Label == "" {
		return name + " · " + col
	}
	return name + " " + r.FullLabel() + " · " + col
}

// TableName is the short Chinese name of a table: 表二（一）项, 表三, 表四.
func TableName(t *Table) string {
	switch t.Section {
	case 3:
		return "表三"
	case 4:
		return "表四"
	}
	return "表二" + strings.TrimPrefix(t.Caption, "第二十条第")
}

// Table ids, stable across formats.
const (
	TableS2Item1 = "s2_1" // 第二十条第（一）项
	TableS2Item5 = "s2_5" // 第二十条第（五）项
	TableS2Item6 = "s2_6" // 第二十条第（六）项
	TableS2Item8 = "s2_8" // 第二十条第（八）项
	TableS2Item9 = "s2_9" // 第二十条第（九）项 (2019 only)
	TableS3      = "s3"
	TableS4      = "s4"
)

// Row ids of the section 二 tables.
const (
	RowRules          = "rules"
	RowNormativeDocs  = "normative"
	RowLicensing      = "licensing"
	RowOtherServices  = "other_services"
	RowPenalty        = "penalty"
	RowEnforcement    = "enforcement"
	RowAdminFees      = "admin_fees"
	RowProcurement    = "procurement"
	RowS4Cases        = "cases"
	LabelOutcomes     = "三、本年度办理结果"
	LabelS2StubHeader = "信息内容"
)

// Row ids of table 三.
const (
	RowNew          = "new"         // 一、本年新收
	RowCarriedIn    = "carried_in"  // 二、上年结转
	RowDisclosed    = "o1"          // （一）予以公开
	RowPartly       = "o2"          // （二）部分公开
	RowOutcomeSum   = "o7"          // （七）总计
	RowNoCorrection = "o6_1"        // 2021 （六）1. 逾期不补正
	RowUnpaidFee    = "o6_2"        // 2021 （六）2. 逾期未缴费
	RowCarriedOut   = "carried_out" // 四、结转下年度继续办理
)

// ApplicantType is one of the six applicant columns of table 三.
type ApplicantType string

const (
	NaturalPerson ApplicantType = "np"
	Business      ApplicantType = "biz"
	Research      ApplicantType = "research"
	NonProfit     ApplicantType = "nonprofit"
	LegalService  ApplicantType = "legal"
	OtherOrg      ApplicantType = "other"
	// ColTotal is the 总计 column of table 三.
	ColTotal = "total"
)

// ApplicantTypes lists the six columns in print order.
var ApplicantTypes = []ApplicantType{NaturalPerson, Business, Research, NonProfit, LegalService, OtherOrg}

// Label returns the official column label.
func (a ApplicantType) Label() string {
	switch a {
	case NaturalPerson:
		return "自然人"
	case Business:
		return "商业企业"
	case Research:
		return "科研机构"
	case NonProfit:
		return "社会公益组织"
	case LegalService:
		return "法律服务机构"
	case OtherOrg:
		return "其他"
	}
	return string(a)
}

// Valid reports whether a is one of the six.
func (a ApplicantType) Valid() bool { return a.Index() >= 0 }

// Index is a's position in ApplicantTypes, or -1 when a is not one of the six.
func (a ApplicantType) Index() int {
	switch a {
	case NaturalPerson:
		return 0
	case Business:
		return 1
	case Research:
		return 2
	case NonProfit:
		return 3
	case LegalService:
		return 4
	case OtherOrg:
		return 5
	}
	return -1
}

// Section 四 columns: three groups of five.
const (
	GroupReview     = "rv" // 行政复议
	GroupDirectSuit = "ds" // 未经复议直接起诉
	GroupSuitReview = "sr" // 复议后起诉
)

// CaseResult is one of the five columns of a section 四 group.
type CaseResult string

const (
	Upheld      CaseResult = "upheld"
	Corrected   CaseResult = "corrected"
	OtherResult CaseResult = "other"
	Pending     CaseResult = "pending"
	// ResultTotal is the 总计 column of a group.
	ResultTotal CaseResult = "total"
)

// CaseResults lists the four results a case can have, in print order.
var CaseResults = []CaseResult{Upheld, Corrected, OtherResult, Pending}

// Label returns the official label.
func (r CaseResult) Label() string {
	switch r {
	case Upheld:
		return "结果维持"
	case Corrected:
		return "结果纠正"
	case OtherResult:
		return "其他结果"
	case Pending:
		return "尚未审结"
	case ResultTotal:
		return "总计"
	}
	return string(r)
}

// S4Col is the column id of a group and result in table 四: "rv_upheld".
func S4Col(group string, r CaseResult) string { return group + "_" + string(r) }

// S4Groups lists the three groups in print order.
var S4Groups = []string{GroupReview, GroupDirectSuit, GroupSuitReview}

// s4GroupHeads holds table 四's groups as the form heads them (format.md
// §5): the top header and, under 行政诉讼, the sub-header. It is the one
// place these labels are written; the header, Column.Group, CaseKind.Label
// and every message derive from it.
var s4GroupHeads = map[string][2]string{
	GroupReview:     {"行政复议", ""},
	GroupDirectSuit: {"行政诉讼", "未经复议直接起诉"},
	GroupSuitReview: {"行政诉讼", "复议后起诉"},
}

// S4GroupLabel names a group of table 四 in full: 行政复议,
// 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）; an unknown id is
// returned as it is.
func S4GroupLabel(g string) string {
	h, ok := s4GroupHeads[g]
	switch {
	case !ok:
		return g
	case h[1] == "":
		return h[0]
	}
	return h[0] + "（" + h[1] + "）"
}

var (
	format2019 = buildFormat("2019")
	format2021 = buildFormat("2021")
)

// Formats lists every known format, oldest first.
func Formats() []*Format { return []*Format{format2019, format2021} }

// FormatByID returns a format by its id ("2019", "2021"), or nil.
func FormatByID(id string) *Format {
	for _, f := range Formats() {
		if f.ID == id {
			return f
		}
	}
	return nil
}

// FormatForYear picks the national format a report year must use: the 2019
// format for 2019 and 2020, the 2021 format from 2021 on. Years before 2019
// predate both and get nil.
func FormatForYear(year int) *Format {
	switch {
	case year >= 2021:
		return format2021
	case year >= 2019:
		return format2019
	}
	return nil
}

func buildFormat(id string) *Format {
	f := &Format{ID: id}
	if id == "2019" {
		f.Name = "2019版"
		f.Basis = "国办公开办函〔2019〕60号"
		f.Title = "政府信息公开工作年度报告格式（试行）"
		f.Notice = "关于政府信息公开工作年度报告有关事项的通知"
	} else {
		f.Name = "2021版"
		f.Basis = "国办公开办函〔2021〕30号"
		f.Notice = "关于印发中华人民共和国政府信息公开工作年度报告格式的通知"
	}
	f.Tables = append(f.Tables, section2Tables(id)...)
	f.Tables = append(f.Tables, section3Table(id), section4Table())
	f.outcomeRows = f.outcomeRowsSlow()
	f.outcomeIdx = make(map[string]int, len(f.outcomeRows))
	for i, id := range f.outcomeRows {
		f.outcomeIdx[id] = i
	}
	f.cellIdx = map[CellAddress]int{}
	for _, t := range f.Tables {
		for _, a := range t.Cells() {
			f.cellIdx[a] = len(f.cells)
			f.cells = append(f.cells, a)
		}
	}
	return f
}

func count(id, label string) Column { return Column{ID: id, Label: label, Kind: KindCount} }

func section2Tables(id string) []*Table {
	mk := func(tid, caption string, cols []Column, rows ...Row) *Table {
		return &Table{ID: tid, Section: 2, Caption: caption, StubWidth: 1, Columns: cols, Rows: rows}
	}
	row := func(id, label string) Row { return Row{ID: id, Label: label} }
	var ts []*Table
	if id == "2019" {
		prevDelta := []Column{
			count("prev", "上一年项目数量"),
			{ID: "delta", Label: "本年增/减", Kind: KindDelta},
		}
		ts = []*Table{
			mk(TableS2Item1, "第二十条第（一）项", []Column{
				count("made", "本年新制作数量"), count("published", "本年新公开数量"), count("total", "对外公开总数量"),
			}, row(RowRules, "规章"), row(RowNormativeDocs, "规范性文件")),
			mk(TableS2Item5, "第二十条第（五）项", append(append([]Column{}, prevDelta...), count("decisions", "处理决定数量")),
				row(RowLicensing, "行政许可"), row(RowOtherServices, "其他对外管理服务事项")),
			mk(TableS2Item6, "第二十条第（六）项", append(append([]Column{}, prevDelta...), count("decisions", "处理决定数量")),
				row(RowPenalty, "行政处罚"), row(RowEnforcement, "行政强制")),
			mk(TableS2Item8, "第二十条第（八）项", append([]Column{}, prevDelta...),
				row(RowAdminFees, "行政事业性收费")),
			mk(TableS2Item9, "第二十条第（九）项", []Column{
				count("projects", "采购项目数量"),
				{ID: "amount", Label: "采购总金额", Kind: KindMoney, Unit: "万元"},
			}, row(RowProcurement, "政府集中采购")),
		}
	} else {
		ts = []*Table{
			mk(TableS2Item1, "第二十条第（一）项", []Column{
				count("issued", "本年制发件数"), count("repealed", "本年废止件数"), count("in_force", "现行有效件数"),
			}, row(RowRules, "规章"), row(RowNormativeDocs, "行政规范性文件")),
			mk(TableS2Item5, "第二十条第（五）项", []Column{count("decisions", "本年处理决定数量")},
				row(RowLicensing, "行政许可")),
			mk(TableS2Item6, "第二十条第（六）项", []Column{count("decisions", "本年处理决定数量")},
				row(RowPenalty, "行政处罚"), row(RowEnforcement, "行政强制")),
			mk(TableS2Item8, "第二十条第（八）项", []Column{
				{ID: "amount", Label: "本年收费金额（单位：万元）", Kind: KindMoney, Unit: "万元", UnitInHeader: true},
			}, row(RowAdminFees, "行政事业性收费")),
		}
	}
	for _, t := range ts {
		hdr := []HeaderCell{{Label: LabelS2StubHeader, RowSpan: 1, ColSpan: 1}}
		for _, c := range t.Columns {
			hdr = append(hdr, HeaderCell{Label: c.Label, RowSpan: 1, ColSpan: 1})
		}
		t.Header = [][]HeaderCell{hdr}
	}
	return ts
}

// S3Corner is the merged corner cell of table 三, printed verbatim.
const S3Corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

// OutcomeGroup is one of the groups （一）…（六） of table 三.
type OutcomeGroup struct {
	Label string   // （三）不予公开
	Rows  []string // its row ids (one for （一）（二）)
}

func section3Table(id string) *Table {
	t := &Table{ID: TableS3, Section: 3, StubWidth: 3}
	t.Header = [][]HeaderCell{
		{{Label: S3Corner, RowSpan: 3, ColSpan: 3}, {Label: "申请人情况", RowSpan: 1, ColSpan: 7}},
		{{Label: "自然人", RowSpan: 2, ColSpan: 1}, {Label: "法人或其他组织", RowSpan: 1, ColSpan: 5}, {Label: "总计", RowSpan: 2, ColSpan: 1}},
		{{Label: "商业企业", RowSpan: 1, ColSpan: 1}, {Label: "科研机构", RowSpan: 1, ColSpan: 1}, {Label: "社会公益组织", RowSpan: 1, ColSpan: 1}, {Label: "法律服务机构", RowSpan: 1, ColSpan: 1}, {Label: "其他", RowSpan: 1, ColSpan: 1}},
	}
	var sum []string
	for _, a := range ApplicantTypes {
		t.Columns = append(t.Columns, Column{ID: string(a), Label: a.Label(), Kind: KindCount})
		sum = append(sum, string(a))
	}
	t.Columns = append(t.Columns, Column{ID: ColTotal, Label: "总计", Kind: KindCount, Total: true, SumOf: sum})

	out := []string{LabelOutcomes}
	t.Rows = append(t.Rows,
		Row{ID: RowNew, Label: "一、本年新收政府信息公开申请数量"},
		Row{ID: RowCarriedIn, Label: "二、上年结转政府信息公开申请数量"},
		Row{ID: RowDisclosed, Path: out, Label: "（一）予以公开"},
		Row{ID: RowPartly, Path: out, Label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
	)
	sub := func(prefix, group string, labels ...string) {
		p := []string{LabelOutcomes, group}
		for i, l := range labels {
			t.Rows = append(t.Rows, Row{ID: fmt.Sprintf("%s_%d", prefix, i+1), Path: p, Label: fmt.Sprintf("%d.%s", i+1, l)})
		}
	}
	sub("o3", "（三）不予公开",
		"属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益",
		"属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项")
	sub("o4", "（四）无法提供", "本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确")
	sub("o5", "（五）不予处理", "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息")
	if id == "2019" {
		t.Rows = append(t.Rows, Row{ID: "o6", Path: out, Label: "（六）其他处理"})
	} else {
		sub("o6", "（六）其他处理",
			"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
			"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
			"其他")
	}
	t.Rows = append(t.Rows,
		Row{ID: RowOutcomeSum, Path: out, Label: "（七）总计", Total: true},
		Row{ID: RowCarriedOut, Label: "四、结转下年度继续办理"},
	)
	return t
}

func section4Table() *Table {
	t := &Table{ID: TableS4, Section: 4, StubWidth: 0}
	leaf := func() []HeaderCell {
		var hs []HeaderCell
		for _, r := range append(append([]CaseResult{}, CaseResults...), ResultTotal) {
			hs = append(hs, HeaderCell{Label: r.Label(), RowSpan: 1, ColSpan: 1})
		}
		return hs
	}
	row2 := leaf()
	for i := range row2 {
		row2[i].RowSpan = 2
	}
	rv, ds, sr := s4GroupHeads[GroupReview], s4GroupHeads[GroupDirectSuit], s4GroupHeads[GroupSuitReview]
	row2 = append(row2, HeaderCell{Label: ds[1], RowSpan: 1, ColSpan: 5}, HeaderCell{Label: sr[1], RowSpan: 1, ColSpan: 5})
	t.Header = [][]HeaderCell{
		{{Label: rv[0], RowSpan: 1, ColSpan: 5}, {Label: ds[0], RowSpan: 1, ColSpan: 10}},
		row2,
		append(leaf(), leaf()...),
	}
	for _, g := range S4Groups {
		var sum []string
		for _, r := range CaseResults {
			t.Columns = append(t.Columns, Column{ID: S4Col(g, r), Label: r.Label(), Kind: KindCount, Group: S4GroupLabel(g)})
			sum = append(sum, S4Col(g, r))
		}
		t.Columns = append(t.Columns, Column{ID: S4Col(g, ResultTotal), Label: ResultTotal.Label(), Kind: KindCount, Total: true, SumOf: sum, Group: S4GroupLabel(g)})
	}
	t.Rows = []Row{{ID: RowS4Cases}}
	return t
}

// OutcomeGroups lists table 三's outcome groups （一）…（六） of a format with
// their rows, in print order.
func (f *Format) OutcomeGroups() []OutcomeGroup {
	t := f.Table(TableS3)
	var gs []OutcomeGroup
	for _, r := range t.Rows {
		if len(r.Path) == 0 || r.Total {
			continue
		}
		label := r.Label
		if len(r.Path) > 1 {
			label = r.Path[1]
		}
		if n := len(gs); n > 0 && gs[n-1].Label == label {
			gs[n-1].Rows = append(gs[n-1].Rows, r.ID)
			continue
		}
		gs = append(gs, OutcomeGroup{Label: label, Rows: []string{r.ID}})
	}
	return gs
}

// OutcomeRows lists the row ids a closed request may count in.
func (f *Format) OutcomeRows() []string {
	if f.outcomeRows != nil {
		return append([]string(nil), f.outcomeRows...)
	}
	return f.outcomeRowsSlow()
}

// OutcomeIndex returns the position of row in OutcomeRows, or -1 when row is
// not an outcome row of this format.
func (f *Format) OutcomeIndex(row string) int {
	if f.outcomeIdx != nil {
		if i, ok := f.outcomeIdx[row]; ok {
			return i
		}
		return -1
	}
	for i, id := range f.outcomeRowsSlow() {
		if id == row {
			return i
		}
	}
	return -1
}

func (f *Format) outcomeRowsSlow() []string {
	var ids []string
	for _, g := range f.OutcomeGroups() {
		ids = append(ids, g.Rows...)
	}
	return ids
}

// IsOutcome reports whether row is a valid outcome row in this format.
func (f *Format) IsOutcome(row string) bool { return f.OutcomeIndex(row) >= 0 }

// OutcomeLabel names an outcome row for lists: （三）不予公开 4.保护第三方合法权益.
func (f *Format) OutcomeLabel(row string) string {
	r, ok := f.Table(TableS3).Row(row)
	if !ok {
		return row
	}
	return r.FullLabel()
}

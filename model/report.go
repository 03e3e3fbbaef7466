package model

import "strconv"

// OrganLevel is the administrative level of an organ; it decides, for
// example, whether the organ may make 规章 (rule I5).
type OrganLevel string

const (
	LevelTownship   OrganLevel = "township"   // 乡镇/街道
	LevelCountyDept OrganLevel = "county_dep" // 县级政府部门
	LevelCountyGov  OrganLevel = "county_gov" // 县级人民政府
	LevelOther      OrganLevel = "other"      // 其他
)

// OrganLevels lists the levels in the order a form offers them.
var OrganLevels = []OrganLevel{LevelTownship, LevelCountyDept, LevelCountyGov, LevelOther}

// Label returns the Chinese name of the level.
func (l OrganLevel) Label() string {
	switch l {
	case LevelTownship:
		return "乡镇/街道"
	case LevelCountyDept:
		return "县级政府部门"
	case LevelCountyGov:
		return "县级人民政府"
	case LevelOther:
		return "其他"
	}
	return string(l)
}

// MayMakeRules reports whether organs of this level have the power to make 规章.
func (l OrganLevel) MayMakeRules() bool { return l == LevelOther }

// Organ is the body that reports (行政机关).
type Organ struct {
	ID       int64
	Name     string // full name, e.g. 大雁镇人民政府
	Level    OrganLevel
	Superior string // e.g. 鄂温克族自治旗
	Office   string // disclosure office, e.g. 大雁镇政务公开办公室
	Phone    string
	Email    string
	// Address and Postcode (通讯地址, 邮政编码) complete the contact
	// sentence of the preamble; both optional.
	Address  string
	Postcode string
	Portal   string // where the report is published
	// DueMonth and DueDay give the report's due date in the year after the
	// report year; zero means the default of the level (DefaultDue).
	DueMonth int
	DueDay   int
	// ReviewOrgan (复议机关) and Court (人民法院) are named in the remedy
	// clause of answers; empty means the default by level and superior
	// (ReviewOrganDefault, CourtDefault).
	ReviewOrgan string
	Court       string
	// LetterPattern is the 文号 pattern of letters, e.g. 大政信〔{年}〕第{号}号;
	// empty means DefaultDocNumberPattern.
	LetterPattern string
}

// DefaultDue is the month and day (in the year after the report year) a
// report of this level is due by default: 31 March for a 县级人民政府's own
// consolidated report, 31 January for every other level (Art. 49, spec §1).
func (l OrganLevel) DefaultDue() (month, day int) {
	if l == LevelCountyGov {
		return 3, 31
	}
	return 1, 31
}

// DueDate returns the due date of the report for year.
func (o Organ) DueDate(year int) Date {
	m, d := o.DueMonth, o.DueDay
	if m == 0 || d == 0 {
		m, d = o.Level.DefaultDue()
	}
	return NewDate(year+1, m, d)
}

// ReportStatus is where a report stands.
type ReportStatus string

const (
	StatusDraft    ReportStatus = "draft"    // 草稿
	StatusChecked  ReportStatus = "checked"  // 已检查
	StatusExported ReportStatus = "exported" // 已导出
)

// Label returns the Chinese name.
func (s ReportStatus) Label() string {
	switch s {
	case StatusChecked:
		return "已检查"
	case StatusExported:
		return "已导出"
	}
	return "草稿"
}

// TableMode says whether table 三 or 四 is computed from the logs or typed.
type TableMode string

const (
	FromLog TableMode = "log"   // computed from the request log / case list (default)
	Typed   TableMode = "typed" // typed directly by the clerk
)

// Preamble holds the fields of the paragraph before section 一.
type Preamble struct {
	// Basis names the local documents the report follows besides the
	// Regulation, e.g. 《鄂温克旗2019年政府信息公开工作要点》.
	Basis string
	// Where names where the electronic version can be downloaded.
	Where string
	// Text, when not empty, replaces the generated preamble entirely.
	Text string
}

// BlockKind distinguishes headings from paragraphs in a narrative.
type BlockKind string

const (
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
)

// Block is one heading or paragraph of a narrative section. A section's
// blocks in order form its tree: a heading of level 1 is （一）, level 2 is
// 1., and the paragraphs after a heading belong to it.
type Block struct {
	ID      int64
	Section int // 1..6; 0 is the preamble
	Pos     int
	Kind    BlockKind
	Level   int
	Text    string
	// Stale marks text carried over from last year and not yet edited (待更新).
	Stale bool
	// Origin is the text as carried over, kept to detect unchanged copies.
	Origin string
}

// SectionTitles are the six official section headings.
var SectionTitles = [7]string{
	"",
	"一、总体情况",
	"二、主动公开政府信息情况",
	"三、收到和处理政府信息公开申请情况",
	"四、政府信息公开行政复议、行政诉讼情况",
	"五、存在的主要问题及改进情况",
	"六、其他需要报告的事项",
}

// DefaultOverviewHeadings are the default sub-headings of section 一 (spec §2).
var DefaultOverviewHeadings = []string{"主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"}

// Values holds table cell values by address. Counts are plain integers,
// deltas signed, money in fen.
type Values map[CellAddress]int64

// Get returns the value at a (0 when absent).
func (v Values) Get(a CellAddress) int64 { return v[a] }

// FeeSummary is what section 六 reports on 信息处理费.
type FeeSummary struct {
	Notices   int   // 收费通知 issued in the year
	Collected int64 // fen collected in the year
}

// Report is one organ's report for one year.
type Report struct {
	ID       int64
	OrganID  int64
	Year     int
	FormatID string
	Status   ReportStatus
	Preamble Preamble
	Blocks   []Block
	// Values holds typed cells: section 二 always, 三 and 四 when typed.
	Values Values
	Mode3  TableMode
	Mode4  TableMode
	// Art20Mode is FromLog when 二（一）'s issued/repealed cells are computed
	// from flagged disclosure items (Art20FromItems); "" or Typed keeps them typed.
	Art20Mode TableMode
	// Fees is the typed fee summary; when the log holds fee data the
	// computed one is preferred by the callers that have the log.
	Fees FeeSummary
	// Date printed at the end of the report; zero means the export date.
	Date Date
	Acks []Ack
}

// Format returns the report's format.
func (r *Report) Format() *Format {
	if f := FormatByID(r.FormatID); f != nil {
		return f
	}
	return FormatForYear(r.Year)
}

// SectionBlocks returns the blocks of one section in order.
func (r *Report) SectionBlocks(section int) []Block {
	var out []Block
	for _, b := range r.Blocks {
		if b.Section == section {
			out = append(out, b)
		}
	}
	return out
}

// Title is the official title of the report.
func Title(organ string, year int) string {
	return organ + strconv.Itoa(year) + "年政府信息公开工作年度报告"
}

// NewReport starts an empty report for an organ and year with the default
// narrative outline.
func NewReport(organID int64, year int) *Report {
	r := &Report{OrganID: organID, Year: year, Status: StatusDraft, Mode3: FromLog, Mode4: FromLog, Values: Values{}}
	if f := FormatForYear(year); f != nil {
		r.FormatID = f.ID
	}
	pos := 0
	for _, h := range DefaultOverviewHeadings {
		r.Blocks = append(r.Blocks, Block{Section: 1, Pos: pos, Kind: BlockHeading, Level: 1, Text: h})
		pos++
		r.Blocks = append(r.Blocks, Block{Section: 1, Pos: pos, Kind: BlockParagraph})
		pos++
	}
	for s := 2; s <= 6; s++ {
		r.Blocks = append(r.Blocks, Block{Section: s, Pos: 0, Kind: BlockParagraph})
	}
	return r
}

// Ack is a warning the clerk acknowledged, with a reason.
type Ack struct {
	Rule   string
	Target string // the finding's Target()
	Reason string
}

// Channel is how a request arrived.
type Channel string

const (
	ChannelInPerson Channel = "in_person" // 当面
	ChannelPost     Channel = "post"      // 邮寄
	ChannelOnline   Channel = "online"    // 网络
	ChannelFax      Channel = "fax"       // 传真
	ChannelOther    Channel = "other"     // 其他
)

// Channels lists the channels in form order.
var Channels = []Channel{ChannelInPerson, ChannelPost, ChannelOnline, ChannelFax, ChannelOther}

// Label returns the Chinese name.
func (c Channel) Label() string {
	switch c {
	case ChannelInPerson:
		return "当面"
	case ChannelPost:
		return "邮寄"
	case ChannelOnline:
		return "网络"
	case ChannelFax:
		return "传真"
	case ChannelOther:
		return "其他"
	}
	return string(c)
}

// FeeMethod is how a 信息处理费 is computed.
type FeeMethod string

const (
	FeeNone       FeeMethod = ""
	FeePerRequest FeeMethod = "per_request" // 按件
	FeePerPage    FeeMethod = "per_page"    // 按量
)

// Label returns the Chinese name.
func (m FeeMethod) Label() string {
	switch m {
	case FeePerRequest:
		return "按件"
	case FeePerPage:
		return "按量"
	}
	return "不收费"
}

// Personal is an applicant's personal information. It is stored apart from
// the request and never reaches a public output.
type Personal struct {
	Name     string
	Phone    string
	IDNumber string
	Address  string
}

// IsZero reports whether nothing personal is recorded.
func (p Personal) IsZero() bool { return p == Personal{} }

// Request is one entry of the request log (依申请公开台账).
type Request struct {
	ID      int64
	OrganID int64
	// Year and Serial number the entry within the organ's log: Year is the
	// year received.
	Year      int
	Serial    int
	Received  Date
	Channel   Channel
	Applicant ApplicantType
	Personal  Personal
	Summary   string
	// 补正: the correction notice date and the day the corrected request arrived.
	CorrectionNotice Date
	Corrected        Date
	// 延期: who approved, the notice date, and the extra working days (≤ 20).
	ExtApprovedBy string
	ExtNotice     Date
	ExtDays       int
	// ExcludedDays are working days spent in consultation (征求意见), not counted.
	ExcludedDays int
	// 延迟答复 (Art. 35): for requests clearly beyond a reasonable number or
	// frequency, the day the applicant was told of a later answer date, and
	// that date.
	DelayNotice Date
	DelayedTo   Date
	// Outcome is a table 三 outcome row id valid in the answer year's format.
	Outcome  string
	Answered Date
	// 信息处理费.
	FeeMethod FeeMethod
	Pages     int
	Fee       int64 // fen
	FeeNotice Date
	FeePaid   Date
	Notes     string
}

// Closed reports whether the request has been answered with an outcome.
func (q *Request) Closed() bool { return !q.Answered.IsZero() && q.Outcome != "" }

// InOrganYear reports whether the log of year holds q: received in that
// year, or earlier and not closed before 1 January of it (carried over,
// format.md §7). db's yearWhere is the same condition in SQL
// (TestYearConditionIsInOrganYear).
func (q *Request) InOrganYear(year int) bool {
	return q.Year == year || q.Year < year && !(q.Closed() && q.Answered < YearStart(year))
}

// ClockStart is the day the answer clock starts: the corrected request's
// arrival when there was a 补正, otherwise the day received. While a 补正
// notice is out and the correction has not arrived, the clock does not run
// at all (Art. 30) and ClockStart is zero: such a request is never overdue,
// and one closed as 逾期不补正 was closed in time.
func (q *Request) ClockStart() Date {
	if !q.Corrected.IsZero() {
		return q.Corrected
	}
	if q.AwaitingCorrection() {
		return 0
	}
	return q.Received
}

// AwaitingCorrection reports whether a 补正 notice went out and the
// corrected request has not arrived.
func (q *Request) AwaitingCorrection() bool {
	return !q.CorrectionNotice.IsZero() && q.Corrected.IsZero()
}

// CaseKind is the kind of a section 四 case.
type CaseKind string

const (
	CaseReview     CaseKind = GroupReview     // 行政复议
	CaseDirectSuit CaseKind = GroupDirectSuit // 未经复议直接起诉
	CaseSuitReview CaseKind = GroupSuitReview // 复议后起诉
)

// CaseKinds lists the kinds in print order.
var CaseKinds = []CaseKind{CaseReview, CaseDirectSuit, CaseSuitReview}

// Label returns the Chinese name, the label of the kind's group in table 四.
func (k CaseKind) Label() string { return S4GroupLabel(string(k)) }

// Case is an administrative review or lawsuit about disclosure.
type Case struct {
	ID      int64
	OrganID int64
	Year    int // the report year it counts in
	Kind    CaseKind
	Filed   Date
	Result  CaseResult
	Summary string
}

// MeasureStatus is the state of an improvement measure.
type MeasureStatus string

const (
	MeasureNotStarted MeasureStatus = "not_started" // 未开始
	MeasureInProgress MeasureStatus = "in_progress" // 进行中
	MeasureDone       MeasureStatus = "done"        // 已完成
)

// MeasureStatuses lists the statuses in form order.
var MeasureStatuses = []MeasureStatus{MeasureNotStarted, MeasureInProgress, MeasureDone}

// Label returns the Chinese name.
func (s MeasureStatus) Label() string {
	switch s {
	case MeasureInProgress:
		return "进行中"
	case MeasureDone:
		return "已完成"
	}
	return "未开始"
}

// Measure is an improvement measure of section 五.
type Measure struct {
	ID          int64
	OrganID     int64
	Year        int // the report year it appears in
	Problem     string
	Measure     string
	Responsible string
	Due         Date
	Status      MeasureStatus
	FirstYear   int // the year it was first raised
}

// PrintedIn reports whether the measure prints in the report of year: a
// measure of that year or of no year.
func (m Measure) PrintedIn(year int) bool { return m.Year == 0 || m.Year == year }

package model

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Letters (告知书) the disclosure office sends while handling a request:
// the 补正 notice, the extension notice, the consultation letter to a third
// party and its notice to the applicant, the fee notice, and the answer for
// each outcome row. The wording is the program's own; each default
// template cites the article of 《中华人民共和国政府信息公开条例》 (2019
// revision) it rests on, and an organ may replace a template's text.

// LetterKind is the kind of a letter.
type LetterKind string

const (
	LetterCorrection    LetterKind = "correction"     // 补正申请告知书 (Art. 30)
	LetterExtension     LetterKind = "extension"      // 延期答复告知书 (Art. 33)
	LetterConsultation  LetterKind = "consultation"   // 征求意见函, to the third party (Art. 32)
	LetterConsultNotice LetterKind = "consult_notice" // 征求第三方意见告知书, to the applicant (Art. 32, 33)
	LetterFee           LetterKind = "fee"            // 收费通知书 (Art. 42, 国办函〔2020〕109号)
	LetterAnswer        LetterKind = "answer"         // 答复书 / 告知书 for the request's outcome row
)

// LetterKinds lists the kinds in the order a clerk meets them.
var LetterKinds = []LetterKind{LetterCorrection, LetterExtension, LetterConsultation, LetterConsultNotice, LetterFee, LetterAnswer}

// Label is the kind's Chinese name.
func (k LetterKind) Label() string {
	switch k {
	case LetterCorrection:
		return "补正申请告知书"
	case LetterExtension:
		return "延期答复告知书"
	case LetterConsultation:
		return "征求第三方意见函"
	case LetterConsultNotice:
		return "征求第三方意见告知书"
	case LetterFee:
		return "收费通知书"
	case LetterAnswer:
		return "答复书"
	}
	return string(k)
}

// Short is the kind's short Chinese name, accepted on the command line
// beside the code.
func (k LetterKind) Short() string {
	switch k {
	case LetterCorrection:
		return "补正"
	case LetterExtension:
		return "延期"
	case LetterConsultation:
		return "征求意见"
	case LetterConsultNotice:
		return "征求意见告知"
	case LetterFee:
		return "收费"
	case LetterAnswer:
		return "答复"
	}
	return string(k)
}

// ParseLetterKind reads a kind by its code (correction) or short name (补正).
func ParseLetterKind(s string) (LetterKind, bool) {
	s = strings.TrimSpace(s)
	for _, k := range LetterKinds {
		if s == string(k) || s == k.Short() || s == k.Label() {
			return k, true
		}
	}
	return "", false
}

// Article citations used by the default templates, kept as constants so a
// test can check each against the Regulation's text.
const (
	ArtCorrection   = "第三十条"       // 补正: notice within 7 working days; clock restarts; no correction = abandoned
	ArtContents     = "第二十九条第二款"   // what a request must contain
	ArtConsultation = "第三十二条"      // third party: 15 working days to answer
	ArtDeadline     = "第三十三条"      // 20 working days, extension ≤ 20 with the office head's consent
	ArtNotCounted   = "第三十三条第二款"   // consultation time not counted
	ArtExcessive    = "第三十五条"      // requests clearly beyond a reasonable range
	ArtDisclosed    = "第三十六条第（二）项" // provide the information
	ArtWithheld     = "第三十六条第（三）项" // withheld: tell and give the reason
	ArtNotExist     = "第三十六条第（四）项" // no such information after search
	ArtOtherOrgan   = "第三十六条第（五）项" // not this organ's to disclose; name the organ
	ArtRepeated     = "第三十六条第（六）项" // repeated request
	ArtSpecialLaw   = "第三十六条第（七）项" // registration records with their own access rules
	ArtPartly       = "第三十七条"      // partial disclosure
	ArtSecret       = "第十四条"       // state secrets, banned by law, 三安全一稳定
	ArtThirdParty   = "第十五条"       // third-party rights
	ArtInternal     = "第十六条第一款"    // internal affairs
	ArtProcess      = "第十六条第二款"    // process information and enforcement files
	ArtNoNewWork    = "第三十八条"      // no processing or analysis of existing information
	ArtPetition     = "第三十九条第一款"   // petitions, complaints and reports
	ArtPublication  = "第三十九条第二款"   // public publications
	ArtFee          = "第四十二条"      // 信息处理费
)

// FeeMeasures names the fee rules and the articles of their two methods.
const (
	FeeMeasures       = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
	FeeArtPerRequest  = "第四条" // 按件计收
	FeeArtPerPage     = "第五条" // 按量计收
	ConsultWorkdays   = 15    // Art. 32: the third party answers within 15 working days
	CorrectionPeriod  = 15    // working days the applicant is given to correct (the organ's choice; Art. 30 asks for a reasonable one)
	ReviewDays        = 60    // 行政复议: within 60 days
	LitigationMonths  = 6     // 行政诉讼: within 6 months
	NewReviewLawStart = Date(20240101)
)

// TemplateKey names one template: a kind, or for answers "answer." and the
// outcome row id (answer.o3_4).
func TemplateKey(k LetterKind, outcome string) string {
	if k == LetterAnswer {
		return "answer." + outcome
	}
	return string(k)
}

// Articles lists the articles the letter's text cites, in order, for the
// clerk to check before it is written.
func (l *Letter) Articles() []string { return CitedArticles(strings.Join(l.Paragraphs, "\n")) }

// LetterTemplate is the editable part of a letter: its title and body. The
// body is paragraphs separated by line breaks, with placeholders in braces
// that Compose fills from the request, the organ and the letter's inputs.
type LetterTemplate struct {
	Title string
	Body  string
}

// Placeholders lists every placeholder a template may use with its meaning,
// for the template editor's help.
var Placeholders = [][2]string{
	{"{申请人}", "申请人姓名或名称"},
	{"{收到日期}", "收到申请的日期"},
	{"{申请内容}", "申请内容（台账的摘要）"},
	{"{机关}", "本机关名称"},
	{"{补正事项}", "需要补正的事项"},
	{"{补正期限}", "给申请人补正的工作日数"},
	{"{补正通知日期}", "补正告知书的日期"},
	{"{补正日期}", "收到补正的日期"},
	{"{原答复期限}", "延期前的答复期限"},
	{"{延长工作日}", "延长的工作日数"},
	{"{延长后期限}", "延长后的答复期限"},
	{"{第三方}", "被征求意见的第三方"},
	{"{征求意见期限}", "第三方提出意见的工作日数"},
	{"{收费方式}", "按件或按量"},
	{"{收费依据}", "收费所依据的条款"},
	{"{金额}", "信息处理费金额"},
	{"{缴费期限}", "缴费的工作日数"},
	{"{不公开内容}", "部分公开时不予公开的部分"},
	{"{不公开理由}", "不予公开的理由"},
	{"{不掌握说明}", "本机关不掌握时的说明（知道负责机关时写明机关）"},
	{"{处理说明}", "其他处理的说明"},
	{"{获取方式}", "提供信息的方式"},
	{"{救济条款}", "行政复议、行政诉讼的告知"},
	{"{联系方式}", "本机关政务公开工作机构及电话"},
}

const intro = "本机关于{收到日期}收到您提出的政府信息公开申请，申请内容为“{申请内容}”。"

var basicTemplates = map[string]LetterTemplate{
	string(LetterCorrection): {Title: "政府信息公开申请补正告知书", Body: intro + "\n" +
		"经审查，您的申请内容不明确：{补正事项}。根据" + RegulationName + ArtCorrection + "的规定，请您自收到本告知书之日起{补正期限}个工作日内对申请作出补正，写明所需政府信息的名称、文号或者便于本机关查询的其他特征性描述。\n" +
		"答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。\n" +
		"{联系方式}"},
	string(LetterExtension): {Title: "政府信息公开申请延期答复告知书", Body: intro + "\n" +
		"因需要对所申请信息进行检索、审查，本机关无法在{原答复期限}前作出答复。根据" + RegulationName + ArtDeadline + "的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{延长工作日}个工作日，本机关将在{延长后期限}前作出答复。\n" +
		"{联系方式}"},
	string(LetterConsultation): {Title: "政府信息公开征求第三方意见函", Body: "本机关于{收到日期}收到政府信息公开申请，申请内容为“{申请内容}”。该信息可能涉及你方的商业秘密、个人隐私等合法权益。\n" +
		"根据" + RegulationName + ArtConsultation + "的规定，现书面征求你方意见。请你方自收到本函之日起{征求意见期限}个工作日内书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，由本机关依照条例的规定决定是否公开。\n" +
		"{联系方式}"},
	string(LetterConsultNotice): {Title: "政府信息公开申请征求第三方意见告知书", Body: intro + "\n" +
		"您所申请的信息可能涉及第三方合法权益，根据" + RegulationName + ArtConsultation + "的规定，本机关已书面征求第三方的意见。根据" + RegulationName + ArtNotCounted + "的规定，征求第三方意见所需时间不计算在答复期限内。\n" +
		"{联系方式}"},
	string(LetterFee): {Title: "政府信息公开信息处理费收费通知书", Body: intro + "\n" +
		"根据" + RegulationName + ArtFee + "和" + FeeMeasures + "{收费依据}的规定，您的申请{收费方式}计收信息处理费，金额为{金额}。\n" +
		"请您自收到本通知书次日起{缴费期限}个工作日内缴纳。收费通知发出至缴费期间不计算在答复期限内；您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。\n" +
		"{联系方式}"},
}

// answerGrounds holds, per outcome row of table 三, the sentences that give
// the answer and its legal ground. Rows absent here (其他处理 in general)
// use the 其他 wording.
var answerGrounds = map[string]string{
	RowDisclosed: "经审查，您所申请的信息属于可以公开的政府信息。根据" + RegulationName + ArtDisclosed + "的规定，本机关{获取方式}。",
	RowPartly:    "经审查，您所申请的信息中含有不应当公开的内容，但能够作区分处理。根据" + RegulationName + ArtPartly + "的规定，本机关{获取方式}；其中{不公开内容}不予公开，理由是：{不公开理由}。",
	"o3_1":       "经审查，您所申请的信息已依法确定为国家秘密。根据" + RegulationName + ArtSecret + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_2":       "经审查，您所申请的信息属于法律、行政法规禁止公开的政府信息（{不公开理由}）。根据" + RegulationName + ArtSecret + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_3":       "经审查，您所申请的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。根据" + RegulationName + ArtSecret + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_4":       "经审查，您所申请的信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害。根据" + RegulationName + ArtThirdParty + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_5":       "经审查，您所申请的信息属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等）。根据" + RegulationName + ArtInternal + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_6":       "经审查，您所申请的信息属于本机关在履行行政管理职能过程中形成的过程性信息（讨论记录、过程稿、磋商信函、请示报告等）。根据" + RegulationName + ArtProcess + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_7":       "经审查，您所申请的信息属于行政执法案卷信息。根据" + RegulationName + ArtProcess + "和" + ArtWithheld + "的规定，本机关决定不予公开。",
	"o3_8":       "经审查，您所申请的信息属于行政查询事项，有关法律、行政法规对信息的获取有特别规定。根据" + RegulationName + ArtSpecialLaw + "的规定，请您依照有关法律、行政法规的规定办理。",
	"o4_1":       "{不掌握说明}",
	"o4_2":       "经审查，本机关没有您所申请的现成信息，提供该信息需要对现有政府信息进行加工、分析。根据" + RegulationName + ArtNoNewWork + "的规定，本机关不予提供。",
	"o4_3":       "本机关于{补正通知日期}告知您补正申请，您于{补正日期}提交的补正仍未写明所需政府信息的名称、文号或者便于查询的其他特征性描述，申请内容仍不明确。根据" + RegulationName + ArtContents + "和" + ArtCorrection + "的规定，本机关无法提供。",
	"o5_1":       "经审查，您是以政府信息公开申请的形式进行信访、投诉、举报等活动。根据" + RegulationName + ArtPetition + "的规定，本机关不作为政府信息公开申请处理，您可以通过信访、投诉、举报等相应渠道提出。",
	"o5_2":       "本机关已就您提出的相同政府信息公开申请作出过答复，您重复申请公开相同政府信息。根据" + RegulationName + ArtRepeated + "的规定，本机关不予重复处理。",
	"o5_3":       "您所申请的是政府公报、报刊、书籍等公开出版物。根据" + RegulationName + ArtPublication + "的规定，您可以通过{获取方式}获取。",
	"o5_4":       "您申请公开政府信息的数量、频次明显超过合理范围，经本机关要求说明理由，申请理由不合理。根据" + RegulationName + ArtExcessive + "的规定，本机关不予处理。",
	// No article of the Regulation names this case; the letter says what it
	// is without inventing one.
	"o5_5": "您的申请是要求本机关确认或者重新出具您已经获取的信息，不属于获取政府信息的申请，本机关不作为政府信息公开申请处理。",
	"o6_1": "本机关于{补正通知日期}告知您补正申请，您无正当理由逾期未补正。根据" + RegulationName + ArtCorrection + "的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
	"o6_2": "本机关于{收费通知日期}向您发出信息处理费收费通知，您逾期未缴纳。根据" + FeeMeasures + "的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。",
}

const otherGround = "经审查，{处理说明}"

// answerTitle is 答复书 for an answer on the substance, 告知书 for a
// request the organ does not handle (（五）（六）).
func answerTitle(outcome string) string {
	if strings.HasPrefix(outcome, "o5") || strings.HasPrefix(outcome, "o6") {
		return "政府信息公开申请告知书"
	}
	return "政府信息公开申请答复书"
}

// DefaultTemplate is the program's own template for key.
func DefaultTemplate(key string) (LetterTemplate, bool) {
	if t, ok := basicTemplates[key]; ok {
		return t, true
	}
	outcome, ok := strings.CutPrefix(key, "answer.")
	if !ok || outcome == "" {
		return LetterTemplate{}, false
	}
	ground, ok := answerGrounds[outcome]
	if !ok {
		if !strings.HasPrefix(outcome, "o6") {
			return LetterTemplate{}, false
		}
		ground = otherGround
	}
	return LetterTemplate{Title: answerTitle(outcome), Body: intro + "\n" + ground + "\n{救济条款}\n{联系方式}"}, true
}

var articleRE = regexp.MustCompile(`第[一二三四五六七八九十百零]+条(第[一二三四五六七八九十]+款)?(第（[一二三四五六七八九十]+）项)?`)

// CitedArticles lists the article citations (第三十六条第（三）项) of a text
// in order, each once.
func CitedArticles(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range articleRE.FindAllString(text, -1) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	return out
}

// ReviewOrganDefault is the 复议机关 named in a letter dated on by an organ
// of this level whose 上级政府 is superior. From 2024-01-01 the revised
// 行政复议法 has the county-level government review its own departments and
// the government one level up review a government; before, a department's
// acts could be taken to the government at its level or to the department
// above it (the applicant's choice). Empty when the level gives no rule or
// superior is unknown: the clerk names it in the organ profile.
func ReviewOrganDefault(level OrganLevel, superior string, on Date) string {
	gov := governmentName(superior)
	if gov == "" {
		return ""
	}
	switch level {
	case LevelTownship, LevelCountyGov:
		return gov
	case LevelCountyDept:
		if on < NewReviewLawStart {
			return gov + "或者上一级主管部门"
		}
		return gov
	}
	return ""
}

// CourtDefault is the court named in a letter: the basic people's court of
// the place for a township or a county department, the intermediate court
// one level up for a county government (行政诉讼法: suits against a
// county-level government start there). Places where administrative cases
// go to another court set it in the organ profile.
func CourtDefault(level OrganLevel, superior string) string {
	place := placeName(superior)
	if place == "" {
		return ""
	}
	switch level {
	case LevelTownship, LevelCountyDept:
		return place + "人民法院"
	case LevelCountyGov:
		return place + "中级人民法院"
	}
	return ""
}

// placeName strips 人民政府/政府 from a superior's name.
func placeName(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"人民政府", "政府"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

func governmentName(s string) string {
	p := placeName(s)
	if p == "" {
		return ""
	}
	return p + "人民政府"
}

// ReviewOrganOn is the 复议机关 for a letter dated on: the profile's when set,
// else the default by level.
func (o Organ) ReviewOrganOn(on Date) string {
	if s := strings.TrimSpace(o.ReviewOrgan); s != "" {
		return s
	}
	return ReviewOrganDefault(o.Level, o.Superior, on)
}

// CourtName is the court for a letter: the profile's when set, else the
// default by level.
func (o Organ) CourtName() string {
	if s := strings.TrimSpace(o.Court); s != "" {
		return s
	}
	return CourtDefault(o.Level, o.Superior)
}

// DefaultDocNumberPattern is the 文号 pattern when the organ sets none: the
// first character of its name, 政 for a government, 信, the year in 〔〕 and
// the number (大雁镇人民政府 → 大政信〔2021〕第3号).
func DefaultDocNumberPattern(o Organ) string {
	r := []rune(strings.TrimSpace(o.Name))
	if len(r) == 0 {
		return "〔{年}〕第{号}号"
	}
	mid := ""
	if strings.HasSuffix(o.Name, "人民政府") || strings.HasSuffix(o.Name, "街道办事处") {
		mid = "政"
	}
	return string(r[0]) + mid + "信〔{年}〕第{号}号"
}

// DocNumber formats a letter's 文号 from the organ's pattern ({年} the
// year, {号} the number).
func (o Organ) DocNumber(year, n int) string { return o.docNumber(year, strconv.Itoa(n)) }

// DocNumberBlank is the 文号 of a letter not yet numbered, with □ for the
// number, for previews.
func (o Organ) DocNumberBlank(year int) string { return o.docNumber(year, "□") }

func (o Organ) docNumber(year int, n string) string {
	p := strings.TrimSpace(o.LetterPattern)
	if p == "" {
		p = DefaultDocNumberPattern(o)
	}
	return strings.NewReplacer("{年}", strconv.Itoa(year), "{号}", n).Replace(p)
}

// ValidDocNumberPattern checks a pattern a clerk typed.
func ValidDocNumberPattern(p string) error {
	p = strings.TrimSpace(p)
	if p == "" {
		return nil
	}
	if !strings.Contains(p, "{号}") {
		return errors.New("文号格式里要有 {号}，程序在那里填写序号，例如 大政信〔{年}〕第{号}号")
	}
	return nil
}

// LetterInput holds what a clerk may change before a letter is written;
// Compose fills empty fields from the request.
type LetterInput struct {
	Date         Date   // the letter's date; zero means today
	Unclear      string // 补正事项
	ExtDays      int    // 延长工作日; zero means the request's, else 20
	ThirdParty   string // 第三方
	Withheld     string // 部分公开: what is withheld
	Reason       string // 不予公开/部分公开 reason
	Holder       string // 本机关不掌握: the organ that holds it
	HolderPhone  string
	Delivery     string // 获取方式
	OtherHandled string // 其他处理 explanation
}

// Letter is a letter ready to render.
type Letter struct {
	Kind       LetterKind
	Key        string // template key
	Title      string
	Number     string // 文号
	Addressee  string // 张三：
	Paragraphs []string
	Organ      string
	Date       Date
	// ExtDays and Fee are what an extension or fee notice states, for
	// RecordLetter.
	ExtDays int
	Fee     int64
}

// LetterFor says which letter a request's state calls for: the answer once
// it has an outcome; an extension notice when one is recorded without its
// notice date; a fee notice when a fee is set without its notice; the 补正
// notice when a correction is awaited. "" when the state calls for none.
func LetterFor(q *Request) LetterKind {
	switch {
	case q.Outcome != "":
		return LetterAnswer
	case (q.ExtDays > 0 || q.ExtApprovedBy != "") && q.ExtNotice.IsZero():
		return LetterExtension
	case q.FeeMethod != FeeNone && q.FeeNotice.IsZero():
		return LetterFee
	case !q.CorrectionNotice.IsZero() && q.Corrected.IsZero():
		return LetterCorrection
	}
	return ""
}

// LetterContext is everything Compose reads besides the request.
type LetterContext struct {
	Organ    Organ
	Format   *Format // the format of the answer's year, for outcome rows
	Calendar *Calendar
	// Template replaces the default one when its body is not empty.
	Template LetterTemplate
	// Log is the applicant's other requests, for the 按件 fee's count in the
	// month; nil counts the request alone.
	Log    []Request
	Today  Date
	Number string // 文号, already allocated
}

// Compose fills a letter of kind k for q. It refuses, with a Chinese
// message, a letter the request cannot carry: an answer without an outcome,
// a fee notice without a fee method.
func Compose(k LetterKind, q *Request, in LetterInput, c LetterContext) (*Letter, error) {
	date := in.Date
	if date.IsZero() {
		date = LetterDefaultDate(k, q, c.Today)
	}
	key := TemplateKey(k, q.Outcome)
	switch k {
	case LetterAnswer:
		if q.Outcome == "" {
			return nil, errors.New("这件申请还没有办理结果，写不了答复书：请先在台账里选择办理结果")
		}
		if c.Format != nil && !c.Format.IsOutcome(q.Outcome) {
			return nil, fmt.Errorf("办理结果「%s」不是%d年格式的办理结果，请在台账里重新选择", q.Outcome, date.Year())
		}
	case LetterFee:
		if q.FeeMethod == FeeNone {
			return nil, errors.New("这件申请没有填写收费方式（按件或按量），写不了收费通知书：请先在台账里填写收费方式")
		}
	case LetterCorrection, LetterExtension, LetterConsultation, LetterConsultNotice:
	default:
		return nil, fmt.Errorf("不认识的告知书种类「%s」", k)
	}
	tpl := c.Template
	def, ok := DefaultTemplate(key)
	if !ok {
		return nil, fmt.Errorf("没有「%s」的告知书模板", key)
	}
	if strings.TrimSpace(tpl.Body) == "" {
		tpl.Body = def.Body
	}
	if strings.TrimSpace(tpl.Title) == "" {
		tpl.Title = def.Title
	}
	cal := c.Calendar
	if cal == nil {
		cal = DefaultCalendar()
	}
	vals := map[string]string{
		"{申请人}":    q.Personal.Name,
		"{收到日期}":   q.Received.Chinese(),
		"{申请内容}":   LetterSummary(q.Summary),
		"{机关}":     c.Organ.Name,
		"{补正事项}":   orDefault(in.Unclear, "未能写明所需政府信息的名称、文号或者其他特征性描述，本机关无法确定您所需要的政府信息"),
		"{补正期限}":   strconv.Itoa(CorrectionPeriod),
		"{补正通知日期}": q.CorrectionNotice.Chinese(),
		"{补正日期}":   q.Corrected.Chinese(),
		"{第三方}":    orDefault(in.ThirdParty, "第三方"),
		"{征求意见期限}": strconv.Itoa(ConsultWorkdays),
		"{缴费期限}":   strconv.Itoa(FeePayWorkdays),
		"{收费通知日期}": q.FeeNotice.Chinese(),
		"{不公开内容}":  orDefault(in.Withheld, "涉及不应当公开的部分"),
		"{不公开理由}":  orDefault(in.Reason, "该部分依法不予公开"),
		"{处理说明}":   orDefault(in.OtherHandled, orDefault(strings.TrimSpace(q.Notes), "本机关已对您的申请作出处理。")),
		"{获取方式}":   orDefault(in.Delivery, deliveryDefault(q.Outcome)),
	}
	// Extension: the deadline before and after.
	ext := in.ExtDays
	if ext <= 0 {
		ext = q.ExtDays
	}
	if ext <= 0 || ext > MaxExtWorkdays {
		ext = MaxExtWorkdays
	}
	// This letter is the extension notice, so the extension counts from the
	// original deadline whether or not a notice date is recorded yet.
	orig := OriginalDeadline(q, cal)
	vals["{原答复期限}"] = orig.Chinese()
	vals["{延长工作日}"] = strconv.Itoa(ext)
	vals["{延长后期限}"] = cal.AddWorkdays(orig, ext).Chinese()
	// Fee: the amount from the calculator unless one is recorded.
	fee := q.Fee
	if fee == 0 {
		fee = RequestFee(q.FeeMethod, NthInMonth(c.Log, q), q.Pages)
	}
	vals["{金额}"] = FormatMoney(fee, "元") + "元"
	vals["{收费方式}"] = q.FeeMethod.Label()
	switch q.FeeMethod {
	case FeePerRequest:
		vals["{收费依据}"] = FeeArtPerRequest
	case FeePerPage:
		vals["{收费依据}"] = FeeArtPerPage
	}
	// 本机关不掌握: name the organ that holds it when known (Art. 36(5)),
	// else say it does not exist here (Art. 36(4)).
	if h := strings.TrimSpace(in.Holder); h != "" {
		s := "经审查，您所申请的信息不属于本机关负责公开。根据" + RegulationName + ArtOtherOrgan + "的规定，该信息由" + h + "负责公开"
		if p := strings.TrimSpace(in.HolderPhone); p != "" {
			s += "（联系电话：" + p + "）"
		}
		vals["{不掌握说明}"] = s + "，请您向其申请。"
	} else {
		vals["{不掌握说明}"] = "经检索，本机关未制作或者获取您所申请的信息。根据" + RegulationName + ArtNotExist + "的规定，告知您该政府信息不存在。"
	}
	remedy, err := RemedyClause(c.Organ, date)
	if err != nil && strings.Contains(tpl.Body, "{救济条款}") {
		return nil, err
	}
	vals["{救济条款}"] = remedy
	vals["{联系方式}"] = contactLine(c.Organ)

	l := &Letter{Kind: k, Key: key, Title: tpl.Title, Number: c.Number, Organ: c.Organ.Name, Date: date, ExtDays: ext, Fee: fee}
	name := strings.TrimSpace(q.Personal.Name)
	if k == LetterConsultation {
		name = orDefault(in.ThirdParty, "")
	}
	if name == "" {
		name = "申请人"
		if k == LetterConsultation {
			name = "（第三方名称）"
		}
	}
	l.Addressee = name + "："
	for _, line := range strings.Split(strings.ReplaceAll(tpl.Body, "\r\n", "\n"), "\n") {
		for ph, v := range vals {
			line = strings.ReplaceAll(line, ph, v)
		}
		if line = strings.TrimSpace(line); line != "" {
			l.Paragraphs = append(l.Paragraphs, line)
		}
	}
	if k == LetterAnswer && !strings.HasPrefix(q.Outcome, "o5") && !strings.HasPrefix(q.Outcome, "o6") {
		l.Paragraphs = append(l.Paragraphs, "特此答复。")
	} else {
		l.Paragraphs = append(l.Paragraphs, "特此告知。")
	}
	return l, nil
}

// LetterSummary is a request's content as a letter quotes it inside “”:
// quotation marks within it become the inner ‘’.
func LetterSummary(s string) string {
	return strings.NewReplacer("“", "‘", "”", "’", "\"", "'").Replace(strings.TrimSpace(s))
}

func orDefault(s, def string) string {
	if s = strings.TrimSpace(s); s != "" {
		return s
	}
	return def
}

func deliveryDefault(outcome string) string {
	if strings.HasPrefix(outcome, "o5") {
		return "公开发行渠道或者图书馆、档案馆等场所"
	}
	return "随本答复书向您提供该信息（见附件）"
}

func contactLine(o Organ) string {
	who := strings.TrimSpace(o.Office)
	if who == "" {
		who = o.Name
	}
	if p := strings.TrimSpace(o.Phone); p != "" {
		return "联系单位：" + who + "，联系电话：" + p + "。"
	}
	return "联系单位：" + who + "。"
}

// RemedyClause tells the applicant where to seek review (60 days) or sue
// (6 months). It fails when neither the profile nor the default names the
// 复议机关 or the court.
func RemedyClause(o Organ, on Date) (string, error) {
	review, court := o.ReviewOrganOn(on), o.CourtName()
	if review == "" || court == "" {
		return "", errors.New("单位资料里还没有复议机关或人民法院，程序也无法按单位级别推定：请在单位资料中填写「复议机关」和「人民法院」后再写答复书")
	}
	return fmt.Sprintf("如对本答复不服，可以自收到本答复之日起%d日内向%s申请行政复议，或者自收到本答复之日起%d个月内向%s提起行政诉讼。",
		ReviewDays, review, LitigationMonths, court), nil
}

// LetterDefaultDate is the date a letter gets when the clerk sets none: the
// date the request already records for it (补正/延期/收费 notice, answer),
// else today.
func LetterDefaultDate(k LetterKind, q *Request, today Date) Date {
	var d Date
	switch k {
	case LetterCorrection:
		d = q.CorrectionNotice
	case LetterExtension:
		d = q.ExtNotice
	case LetterFee:
		d = q.FeeNotice
	case LetterAnswer:
		d = q.Answered
	}
	if d.IsZero() {
		return today
	}
	return d
}

// RecordLetter writes a letter's date onto the request, so the ledger's
// 补正/延期/收费/答复 dates come from the letters: a date already recorded
// is kept. It reports whether the request changed.
//
// A date before the request arrived, or (for any letter but the answer)
// after it was answered, is a re-print of an old letter or a mistake: it
// changes nothing on the request.
func RecordLetter(q *Request, k LetterKind, date Date, extDays int, fee int64) bool {
	if date < q.Received || k != LetterAnswer && !q.Answered.IsZero() && date > q.Answered {
		return false
	}
	changed := false
	set := func(d *Date) {
		if d.IsZero() {
			*d = date
			changed = true
		}
	}
	switch k {
	case LetterCorrection:
		set(&q.CorrectionNotice)
	case LetterExtension:
		set(&q.ExtNotice)
		if q.ExtDays == 0 && extDays > 0 {
			q.ExtDays = min(extDays, MaxExtWorkdays)
			changed = true
		}
	case LetterFee:
		set(&q.FeeNotice)
		if q.Fee == 0 && fee > 0 {
			q.Fee = fee
			changed = true
		}
	case LetterAnswer:
		set(&q.Answered)
	}
	return changed
}

// LetterRecord is a letter written for a request: its kind, 文号 and date.
type LetterRecord struct {
	ID        int64
	RequestID int64
	Kind      LetterKind
	Year      int // the year of the 文号
	Seq       int // the number within the organ's year
	Number    string
	Date      Date
}

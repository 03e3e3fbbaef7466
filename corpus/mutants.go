package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"nianbao/model"
)

// A Mutant is a corpus report with one narrative-vs-table contradiction
// planted in it.
type Mutant struct {
	Kind string // one of the kinds below
	What string // the change, in words
	OY   *model.OrganYear
}

// Mutant kinds.
const (
	KindSentence = "sentence" // a number in a sentence changed
	KindCell     = "cell"     // a table cell changed (the table still adds up)
	KindNone     = "none"     // a 「未发生」 sentence against a non-zero table
	KindSum      = "sum"      // a written-out sum that no longer adds up
	KindClaim    = "claim"    // a count the report's own narrative states, changed by one
	KindParts    = "parts"    // one part of a 「N条，其中……其他……」 list that added up, changed by one
)

// reOwnClaims find a count of requests, outcomes, cases or rules that a
// report's own sentence states, the phrasings rule N1 claims to read; the
// number is the first group. A count of something else received (群众诉求)
// is not one: received counts must name 申请.
var reOwnClaims = []*regexp.Regexp{
	regexp.MustCompile(`(?:收到|受理|接收|新收)[^。；;，,0-9]{0,16}?申请[^。；;，,！？0-9（(%％]{0,10}?([0-9]+)\s*件`),
	regexp.MustCompile(`(?:收到|受理|接收|新收)[^。；;，,0-9申]{0,6}?([0-9]+)\s*件[^。；;，,0-9]{0,8}?申请`),
	regexp.MustCompile(`(?:办结|办理[^。；;，,0-9]{0,10}?申请|答复|结转|行政复议|诉讼|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|现行有效[^。；;，,0-9]{0,8}?规范性文件|制发[^。；;，,0-9]{0,8}?规范性文件)[^。；;，,！？0-9（(%％]{0,16}?([0-9]+)\s*(?:件|起)`),
}

// claimMutants plants one contradiction per count the narrative states
// (reOwnClaims): that number +1, the tables unchanged. A count inside a
// comparison (增加、减少、较…) is not a claim and is skipped.
func claimMutants(base *model.OrganYear) []Mutant {
	var out []Mutant
	for i, b := range base.Report.Blocks {
		seen := map[int]bool{}
		for _, re := range reOwnClaims {
			for _, loc := range re.FindAllStringSubmatchIndex(b.Text, -1) {
				phrase := b.Text[loc[0]:loc[1]]
				if seen[loc[2]] || strings.ContainsAny(phrase, "增减较比") || strings.Contains(phrase, "诉求") {
					continue
				}
				seen[loc[2]] = true
				n, err := strconv.Atoi(b.Text[loc[2]:loc[3]])
				if err != nil {
					continue
				}
				m := clone(base)
				m.Report.Blocks[i].Text = b.Text[:loc[2]] + strconv.Itoa(n+1) + b.Text[loc[3]:]
				out = append(out, Mutant{KindClaim, "正文「" + phrase + "」的 " + strconv.Itoa(n) + " 改为 " + strconv.Itoa(n+1), m})
			}
		}
	}
	return out
}

// Baseline is the report as the mutants start from it: the tables the
// source does not show are taken as 0, so that every mutant is measured
// against the same fully specified report.
func (r *Report) Baseline() *model.OrganYear { return clone(r.OY) }

func clone(oy *model.OrganYear) *model.OrganYear {
	c := *oy
	rep := *oy.Report
	rep.Values = model.Values{}
	for k, v := range oy.Report.Values {
		rep.Values[k] = v
	}
	rep.Blocks = append([]model.Block(nil), oy.Report.Blocks...)
	c.Report = &rep
	return &c
}

// reRequestClaim finds a count of requests received in a sentence.
var reRequestClaim = regexp.MustCompile(`(?:收到|受理|接收|新收)[^。；;，,（(]{0,20}?申请[^。；;，,（(]{0,10}?([0-9]+)\s*件`)

// addParagraph appends a paragraph to a section.
func addParagraph(oy *model.OrganYear, section int, text string) {
	b := oy.Report.Blocks
	oy.Report.Blocks = append(b, model.Block{ID: int64(1000 + len(b)), Section: section, Pos: len(b), Kind: model.BlockParagraph, Text: text})
}

// setS3 puts n requests from natural persons into 一 and （一）予以公开
// (keeping every total right, so only the narrative can disagree).
func setS3(oy *model.OrganYear, n int64) {
	v := oy.Report.Values
	np := string(model.NaturalPerson)
	for _, row := range []string{model.RowNew, model.RowDisclosed} {
		v[model.Addr(model.TableS3, row, np)] += n
	}
	model.FillTotals(oy.Report.Format().Table(model.TableS3), v)
}

func s3Total(oy *model.OrganYear, row string) int64 {
	return oy.Report.Values[model.Addr(model.TableS3, row, model.ColTotal)]
}

// breakdownPart returns the byte span, in text, of the first part's count
// of the first 「N条，其中……其他……」 list that adds up (rule N9's reading);
// ok is false when there is none.
func breakdownPart(text string) (start, end int, ok bool) {
	t := model.NormalizeDigits(text)
	// NormalizeDigits maps rune for rune: a rune position in t is one in text.
	at := func(i int) int {
		n := utf8.RuneCountInString(t[:i])
		for j := range text {
			if n == 0 {
				return j
			}
			n--
		}
		return len(text)
	}
	for _, bd := range model.Breakdowns(t) {
		if bd.Complete && bd.AddsUp && bd.First[0] >= 0 {
			return at(bd.First[0]), at(bd.First[1]), true
		}
	}
	return 0, 0, false
}

// s3ApplicantSum is the sum of a table 三 row's six applicant columns.
func s3ApplicantSum(oy *model.OrganYear, row string) int64 {
	var n int64
	for _, c := range oy.Report.Format().Table(model.TableS3).Columns {
		if !c.Total {
			n += oy.Report.Values[model.Addr(model.TableS3, row, c.ID)]
		}
	}
	return n
}

// Mutants plants each kind of contradiction once in the report.
func (r *Report) Mutants() []Mutant {
	var out []Mutant
	base := r.Baseline()

	// A number in a sentence changed: the first count of requests the
	// narrative gives, or else a sentence the program generates from the
	// tables with its first number changed.
	m := clone(base)
	done := false
	for i, b := range m.Report.Blocks {
		loc := reRequestClaim.FindStringSubmatchIndex(b.Text)
		if loc == nil {
			continue
		}
		n, _ := strconv.Atoi(b.Text[loc[2]:loc[3]])
		m.Report.Blocks[i].Text = b.Text[:loc[2]] + strconv.Itoa(n+1) + b.Text[loc[3]:]
		out = append(out, Mutant{KindSentence, "正文「" + b.Text[loc[0]:loc[1]] + "」的 " + strconv.Itoa(n) + " 改为 " + strconv.Itoa(n+1), m})
		done = true
		break
	}
	if !done {
		s := "本年度共收到政府信息公开申请" + strconv.FormatInt(s3Total(base, model.RowNew)+1, 10) + "件。"
		addParagraph(m, 3, s)
		out = append(out, Mutant{KindSentence, "加入与表格不符的句子「" + s + "」", m})
	}

	// A table cell changed: two more requests in the table than the
	// narrative says (a sentence stating the count is added when the
	// narrative has none).
	m = clone(base)
	says := false
	for _, b := range m.Report.Blocks {
		if reRequestClaim.MatchString(b.Text) || model.DeniesRequests(b.Text) {
			says = true
			break
		}
	}
	what := "表三本年新收和予以公开各加 2 件"
	if !says {
		s := model.GeneratedSentences(m)[3]
		addParagraph(m, 3, s)
		what = "加入程序生成的表三句子「" + s + "」后，" + what
	}
	setS3(m, 2)
	out = append(out, Mutant{KindCell, what, m})

	// 「未发生」 against a non-zero table 四.
	m = clone(base)
	says = false
	for _, b := range m.Report.Blocks {
		if review, _ := model.DeniesCases(b.Text); review {
			says = true
			break
		}
	}
	what = "表四行政复议加 1 件（结果维持）"
	if !says {
		s := "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
		addParagraph(m, 4, s)
		what = "加入「" + s + "」后，" + what
	}
	m.Report.Values[model.Addr(model.TableS4, model.RowS4Cases, model.S4Col(model.GroupReview, model.Upheld))]++
	model.FillTotals(m.Report.Format().Table(model.TableS4), m.Report.Values)
	out = append(out, Mutant{KindNone, what, m})

	// A written-out sum that no longer adds up to the answered total. Where
	// the published （七） row disagrees with its own 总计 column, N1 takes
	// either reading, so the sum is built on the larger one and contradicts
	// both.
	m = clone(base)
	done7 := max(s3Total(base, model.RowOutcomeSum), s3ApplicantSum(base, model.RowOutcomeSum))
	s := "本年度办结政府信息公开申请" + strconv.FormatInt(done7, 10) + "+1件。"
	addParagraph(m, 3, s)
	out = append(out, Mutant{KindSum, "加入算式之和与表三（七）总计不符的句子「" + s + "」", m})
	out = append(out, claimMutants(base)...)

	// A breakdown that no longer adds up: the first part of the first
	// complete 「其中」 list that did, +1.
	for i, b := range base.Report.Blocks {
		at, end, ok := breakdownPart(b.Text)
		if !ok {
			continue
		}
		// The count may be in full-width digits (breakdownPart found it in
		// the NormalizeDigits copy).
		n, err := strconv.Atoi(model.NormalizeDigits(b.Text[at:end]))
		if err != nil {
			continue
		}
		m := clone(base)
		m.Report.Blocks[i].Text = b.Text[:at] + strconv.Itoa(n+1) + b.Text[end:]
		lead := []rune(b.Text[:at])
		lead = lead[max(0, len(lead)-12):]
		out = append(out, Mutant{KindParts, "正文分项「" + string(lead) + b.Text[at:end] + "」的 " + strconv.Itoa(n) + " 改为 " + strconv.Itoa(n+1), m})
		break
	}
	return out
}

// Detected reports whether the checks raise on the mutant a finding they
// do not raise on the baseline, and which rules raised it.
func Detected(base, mutant *model.OrganYear) (bool, []string) {
	was := map[string]bool{}
	for _, f := range model.Check(base, model.DefaultCalendar(), 0) {
		was[f.Rule+"\x00"+f.Message] = true
	}
	var rules []string
	seen := map[string]bool{}
	for _, f := range model.Check(mutant, model.DefaultCalendar(), 0) {
		if was[f.Rule+"\x00"+f.Message] {
			continue
		}
		if !seen[f.Rule] {
			seen[f.Rule] = true
			rules = append(rules, f.Rule)
		}
	}
	return len(rules) > 0, rules
}

package model

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rule N1: the numbers the narrative quotes agree with the tables. The
// narrative is free text; these are the phrasings reports commonly use.
// Numbers may be Arabic (12, １２) or Chinese (十二).

// numPat matches an Arabic or Chinese number.
const numPat = `([0-9]+|[` + chineseNumerals + `]+)`

// chineseNumerals are the characters of a number written in Chinese.
const chineseNumerals = "零〇一二两三四五六七八九十百千万"

// gapPat is the text allowed between a keyword and its number: no sentence
// or clause break.
const gapPat = `[^。；;，,！？!?（(\n]{0,24}?`

// figures is the set of tables a claim is compared with: this year's, or
// last year's when a clause speaks of last year.
type figures struct {
	v     Values
	f     *Format
	items []DisclosureItem // nil for last year: the item log is this year's
	year  int
	// r is this year's report, whose typed tables may hold 未填 cells; nil
	// for last year's figures (compared as they were published).
	r *Report
}

// get returns the value of cell a, ok false when the cell holds none: 未填
// in a table the clerk types, or a total of a part 未填 (rule U1 reports
// those). A claim compared with such a cell is not compared: the table
// says nothing yet, and 0 would be a false alarm.
func (g figures) get(a CellAddress) (int64, bool) {
	x, ok := g.v[a]
	if ok || g.r == nil {
		return x, true
	}
	t := g.f.Table(a.Table)
	if t == nil || !mayBeBlank(g.r, g.f, t, a) {
		return 0, true // computed from a log: absent is 0
	}
	return 0, false
}

// sum adds the cells as, ok false when one of them holds no value (get).
func (g figures) sum(as ...CellAddress) (int64, bool) {
	var s int64
	for _, a := range as {
		x, ok := g.get(a)
		if !ok {
			return 0, false
		}
		s += x
	}
	return s, true
}

// narrativeClaim is one phrasing N1 reads and the figure it must equal.
type narrativeClaim struct {
	re *regexp.Regexp
	// what names the figure in the message (表三「一、本年新收…」总计).
	what string
	// figure computes it; ok false skips the claim (no data to compare with).
	figure func(g figures) (int64, bool)
	// alt, when set, is the same figure counted from the six applicant
	// columns: a table whose 总计 cell disagrees with its own row (I1) or was
	// left blank still counts its requests there, and a narrative that
	// agrees with either is not contradicted by the table.
	alt func(g figures) (int64, bool)
	// also, when set, is another figure the same words may mean: 「办理…申请
	// N件」 is read as the requests answered （七） or as the year's workload
	// 一 + 二; a narrative that agrees with either is not contradicted.
	also func(g figures) (int64, bool)
}

func s3Total(row string) func(g figures) (int64, bool) {
	return func(g figures) (int64, bool) { return g.get(Addr(TableS3, row, ColTotal)) }
}

// workload is the requests an organ had to handle in the year: 一 + 二.
func workload(g figures) (int64, bool) {
	return g.sum(Addr(TableS3, RowNew, ColTotal), Addr(TableS3, RowCarriedIn, ColTotal))
}

// s3Applicants sums a table 三 row over the six applicant columns.
func s3Applicants(g figures, row string) (int64, bool) {
	as := make([]CellAddress, 0, len(ApplicantTypes))
	for _, a := range ApplicantTypes {
		as = append(as, Addr(TableS3, row, string(a)))
	}
	return g.sum(as...)
}

func s3RowApplicants(row string) func(g figures) (int64, bool) {
	return func(g figures) (int64, bool) { return s3Applicants(g, row) }
}

// s3Group sums the 总计 column over one outcome group's rows.
func s3Group(prefix string) func(g figures) (int64, bool) { return s3GroupBy(prefix, false) }

// s3GroupApplicants sums one outcome group's rows over the applicant columns.
func s3GroupApplicants(prefix string) func(g figures) (int64, bool) { return s3GroupBy(prefix, true) }

func s3GroupBy(prefix string, applicants bool) func(g figures) (int64, bool) {
	return func(g figures) (int64, bool) {
		var s int64
		for _, og := range g.f.OutcomeGroups() {
			if len(og.Rows) == 0 || !strings.HasPrefix(og.Rows[0], prefix) {
				continue
			}
			for _, r := range og.Rows {
				var x int64
				var ok bool
				if applicants {
					x, ok = s3Applicants(g, r)
				} else {
					x, ok = g.get(Addr(TableS3, r, ColTotal))
				}
				if !ok {
					return 0, false
				}
				s += x
			}
		}
		return s, true
	}
}

// s2Normative reads a 行政规范性文件 cell of the 2021 format's 二（一）; the
// 2019 format counts other things there and is not compared.
func s2Normative(col string) func(g figures) (int64, bool) {
	return func(g figures) (int64, bool) {
		t := g.f.Table(TableS2Item1)
		if t == nil {
			return 0, false
		}
		if _, ok := t.Column(col); !ok {
			return 0, false
		}
		return g.get(Addr(TableS2Item1, RowNormativeDocs, col))
	}
}

// s2NormativeName names a 行政规范性文件 cell of 二（一） by the labels of the
// 2021 format, the one format that has it (s2Normative skips the others):
// 表二（一）项「行政规范性文件」现行有效件数.
func s2NormativeName(col string) string {
	t, r, c, _ := format2021.Cell(Addr(TableS2Item1, RowNormativeDocs, col))
	return TableName(t) + "「" + r.Label + "」" + c.Label
}

func s4Total(groups ...string) func(g figures) (int64, bool) {
	return func(g figures) (int64, bool) {
		as := make([]CellAddress, 0, len(groups))
		for _, gr := range groups {
			as = append(as, Addr(TableS4, RowS4Cases, S4Col(gr, ResultTotal)))
		}
		return g.sum(as...)
	}
}

// The outcome groups a narrative names, with the row prefix of each.
var outcomeWords = []struct{ word, prefix, label string }{
	{"予以公开", "o1", "（一）予以公开"},
	{"部分公开", "o2", "（二）部分公开"},
	{"不予公开", "o3", "（三）不予公开"},
	{"无法提供", "o4", "（四）无法提供"},
	{"不予处理", "o5", "（五）不予处理"},
	{"其他处理", "o6", "（六）其他处理"},
}

const outcomeAlt = `(予以公开|部分公开|不予公开|无法提供|不予处理|其他处理)`

// reCombined reads one count given for several outcome groups together:
// 「予以公开及部分公开275件」.
var reCombined = regexp.MustCompile(outcomeAlt + `((?:(?:及|和|与|、|以及|或)` + outcomeAlt + `)+)` + gapPat + numPat + `\s*(件)`)

// claimNewAfter is the index of the last 本年新收 claim in narrativeClaims
// (they come first).
const claimNewAfter = 1

var narrativeClaims = []narrativeClaim{
	{regexp.MustCompile(`(?:收到|新收|受理|接收)` + gapPat + `申请` + gapPat + numPat + `\s*(件|份|起|宗)`),
		"表三「一、本年新收政府信息公开申请数量」总计", s3Total(RowNew), s3RowApplicants(RowNew), nil},
	// 「收到70件申请」: the count before the word 申请.
	{regexp.MustCompile(`(?:收到|新收|受理|接收)[^。；;，,！？!?（(\n申]{0,6}?` + numPat + `\s*(件)[^。；;，,！？!?\n]{0,8}?申请`),
		"表三「一、本年新收政府信息公开申请数量」总计", s3Total(RowNew), s3RowApplicants(RowNew), nil},
	// 「上年结转N件」, and the reversed 「结转上年度政府信息公开申请1件」.
	{regexp.MustCompile(`(?:(?:上年|上一年|去年)度?结转|结转上(?:一)?年度?)` + gapPat + numPat + `\s*(件)`),
		"表三「二、上年结转政府信息公开申请数量」总计", s3Total(RowCarriedIn), s3RowApplicants(RowCarriedIn), nil},
	{regexp.MustCompile(`(?:办结|办理完毕|答复)` + gapPat + numPat + `\s*(件)`),
		"表三「（七）总计」", s3Total(RowOutcomeSum), s3RowApplicants(RowOutcomeSum), nil},
	// 「办理依申请公开18件」「办理政府信息公开申请30件」: answered, or the
	// year's workload (一 + 二); either agrees.
	{regexp.MustCompile(`办理[^。；;，,！？!?（(\n0-9]{0,10}?申请` + gapPat + numPat + `\s*(件)`),
		"表三「（七）总计」", s3Total(RowOutcomeSum), s3RowApplicants(RowOutcomeSum), workload},
	{regexp.MustCompile(`予以公开` + gapPat + numPat + `\s*(件)`), "表三「（一）予以公开」总计", s3Group("o1"), s3GroupApplicants("o1"), nil},
	{regexp.MustCompile(`部分公开` + gapPat + numPat + `\s*(件)`), "表三「（二）部分公开」总计", s3Group("o2"), s3GroupApplicants("o2"), nil},
	{regexp.MustCompile(`不予公开` + gapPat + numPat + `\s*(件)`), "表三「（三）不予公开」各项之和", s3Group("o3"), s3GroupApplicants("o3"), nil},
	{regexp.MustCompile(`无法提供` + gapPat + numPat + `\s*(件)`), "表三「（四）无法提供」各项之和", s3Group("o4"), s3GroupApplicants("o4"), nil},
	{regexp.MustCompile(`不予处理` + gapPat + numPat + `\s*(件)`), "表三「（五）不予处理」各项之和", s3Group("o5"), s3GroupApplicants("o5"), nil},
	{regexp.MustCompile(`其他处理` + gapPat + numPat + `\s*(件)`), "表三「（六）其他处理」各项之和", s3Group("o6"), s3GroupApplicants("o6"), nil},
	{regexp.MustCompile(`结转下(?:一)?年度?` + gapPat + numPat + `\s*(件)`),
		"表三「四、结转下年度继续办理」总计", s3Total(RowCarriedOut), s3RowApplicants(RowCarriedOut), nil},
	{regexp.MustCompile(`行政复议` + gapPat + numPat + `\s*(件|起|宗|次)`),
		"表四「行政复议」总计", s4Total(GroupReview), nil, nil},
	// 「诉讼2件」 is as much a claim as 「行政诉讼2件」.
	{regexp.MustCompile(`诉讼` + gapPat + numPat + `\s*(件|起|宗|次)`),
		"表四「行政诉讼」两组总计之和", s4Total(GroupDirectSuit, GroupSuitReview), nil, nil},
	// 「现行有效行政规范性文件698件」「本年度制发的规范性文件88件」 (2021 format).
	{regexp.MustCompile(`现行有效[^。；;，,！？!?（(\n]{0,6}?规范性文件` + gapPat + numPat + `\s*(件)`),
		s2NormativeName("in_force"), s2Normative("in_force"), nil, nil},
	{regexp.MustCompile(`制发[^。；;，,！？!?（(\n]{0,6}?规范性文件` + gapPat + numPat + `\s*(件)`),
		s2NormativeName("issued"), s2Normative("issued"), nil, nil},
	{regexp.MustCompile(`主动公开[^。；;，,！？!?\n]{0,8}?信息[^。；;，,！？!?\n]{0,6}?` + numPat + `\s*(条|件)`),
		"主动公开信息登记的条数", func(g figures) (int64, bool) {
			if len(g.items) == 0 {
				return 0, false
			}
			return int64(CountItems(g.year, g.items).Total), true
		}, nil, nil},
}

// Words that make a number a comparison or a part rather than the figure.
var claimSkipWords = []string{"增加", "减少", "增长", "下降", "同比", "比上年", "较上年", "上升", "多", "少", "%", "％", "百分",
	"维持", "纠正", "审结", "结果", "其中", "属于", "持平"}

var (
	// reNoRequests is a 「未收到…」 phrase up to the end of its clause; it
	// denies requests only when 申请 follows other than in 申请人
	// (DeniesRequests): 「未收到该申请人提交的补正」 is about a correction.
	reNoRequests = regexp.MustCompile(`(?:未|没有|无)(?:收到|接到|受理|接收)` + `[^。；;，,！？!?\n]{0,30}`)
	// reNoCases is a 「未发生…」 phrase; 「未收到…行政复议、行政诉讼…」 says the
	// same of cases (negativeClaims reads only the 复议/诉讼 it names).
	reNoCases   = regexp.MustCompile(`(?:未|没有)(?:发生|出现|产生|收到)[^。；;，,！？!?\n]*`)
	reAllUpheld = regexp.MustCompile(`(?:均|全部|都)(?:获|被|予以|得到)?维持`)
	reYear      = regexp.MustCompile(`([0-9]{4})\s*年`)
	// reSum is an addition written out: 258+35+265+158+0, maybe =716.
	reSum = regexp.MustCompile(`[0-9]+(?:\s*\+\s*[0-9]+)+(?:\s*=\s*([0-9]+))?`)
	// reIncludesCarried follows a 收到 count that includes last year's
	// carried-over requests: 「（含上年结转1件）」「，其中上年结转1件」.
	reIncludesCarried = regexp.MustCompile(`^[^。；;！？!?\n]{0,12}?(?:含|包含|包括|其中)[^。；;！？!?\n]{0,4}?(?:上年|上一年|去年)[^。；;！？!?\n]{0,3}?结转`)
	// reOtherYearWord names last year in words.
	reOtherYearWord = regexp.MustCompile(`上年度|上一年度?|去年|上年`)
)

// sentences splits text into sentences (at 。！？ and line breaks), keeping
// clause marks inside.
func sentences(text string) []string {
	var out []string
	start := 0
	for i, r := range text {
		if r == '。' || r == '！' || r == '？' || r == '\n' || r == '!' || r == '?' {
			if s := strings.TrimSpace(text[start:i]); s != "" {
				out = append(out, s)
			}
			start = i + utf8.RuneLen(r)
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// clauses splits a sentence at ，；(and their half-width forms) outside
// brackets: a claim is read within its own clause (spec §8).
func clauses(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '（', '(':
			depth++
		case '）', ')':
			if depth > 0 {
				depth--
			}
		case '，', '；', ',', ';':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	return append(out, s[start:])
}

// listVerbs start a new claim after 「、」: 「未发生行政复议、发生行政诉讼1件」.
var listVerbs = []string{"发生", "收到", "受理", "办结", "接收", "新收", "共", "有", "出现"}

// newClaimInside reports whether a matched phrase runs over a 「、」 into a
// claim of its own: in 「未发生行政诉讼、发生行政复议1件」 the 1 is not 诉讼's.
func newClaimInside(part string) bool {
	for _, p := range strings.Split(part, "、")[1:] {
		if hasAnyPrefix(p, listVerbs) {
			return true
		}
	}
	return false
}

// negScope cuts a 「未发生…」 phrase where its noun list ends: at 「、」 when
// what follows starts a claim of its own (a verb or a number).
func negScope(m string) string {
	parts := strings.Split(m, "、")
	out := parts[0]
	for _, p := range parts[1:] {
		if hasAnyPrefix(p, listVerbs) || strings.ContainsAny(p, "0123456789") {
			break
		}
		out += "、" + p
	}
	return out
}

// quote shortens a sentence for a message.
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "……"
}

// comparisonBefore are words that make a following year a point of
// comparison (较去年增加), not the year a clause speaks of.
var comparisonBefore = []string{"较", "比", "与", "同", "相比", "同比", "环比", "自", "从", "于", "对比", "和"}

// clauseYear returns the year a clause speaks of, given the year the
// sentence spoke of so far: a year named in it that is not a point of
// comparison (2021年共收到…), 去年/上年度 likewise, or 本年/今年.
func clauseYear(cl string, year, cur int) int {
	type mention struct{ at, y int }
	var ms []mention
	for _, m := range reYear.FindAllStringSubmatchIndex(cl, -1) {
		y, _ := strconv.Atoi(cl[m[2]:m[3]])
		ms = append(ms, mention{m[0], y})
	}
	for _, m := range reOtherYearWord.FindAllStringIndex(cl, -1) {
		if strings.HasPrefix(cl[m[1]:], "结转") || strings.HasPrefix(cl[m[1]:], "度结转") || strings.HasSuffix(cl[:m[0]], "结转") {
			continue // 上年结转 (结转上年度) is a row of this year's table
		}
		ms = append(ms, mention{m[0], year - 1})
	}
	for _, w := range []string{"本年", "今年"} {
		if i := strings.Index(cl, w); i >= 0 {
			ms = append(ms, mention{i, year})
		}
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].at < ms[j].at })
	for _, m := range ms {
		if hasAnySuffix(cl[:m.at], comparisonBefore) {
			continue
		}
		cur = m.y
	}
	return cur
}

// foldSums replaces each written-out addition in s by its result (the
// stated one when there is an =), so that 「办结258+35+265+158+0件」 is read
// as one count. It returns the problems found: a stated result that is not
// the sum, and a bracketed sum that differs from the count before it
// (「办结716件（258+35+265+158+0件）」).
func foldSums(s string) (string, []string) {
	var problems []string
	var b strings.Builder
	last := 0
	for _, m := range reSum.FindAllStringSubmatchIndex(s, -1) {
		expr := s[m[0]:m[1]]
		var sum int64
		lhs := expr
		if m[2] >= 0 {
			lhs = s[m[0] : strings.LastIndex(expr, "=")+m[0]]
		}
		for _, t := range strings.Split(lhs, "+") {
			n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
			if err != nil {
				sum = -1
				break
			}
			sum += n
		}
		if sum < 0 {
			continue
		}
		result := sum
		if m[2] >= 0 {
			stated, _ := strconv.ParseInt(s[m[2]:m[3]], 10, 64)
			if stated != sum {
				problems = append(problems, "算式 "+strings.ReplaceAll(expr, " ", "")+" 不成立，左边之和为 "+i64(sum))
			}
			result = stated
		}
		if n, ok := countBeforeBracket(s[:m[0]]); ok && n != result {
			problems = append(problems, "括号中的 "+strings.ReplaceAll(lhs, " ", "")+" 之和为 "+i64(result)+"，与前面写的 "+i64(n)+" 不一致")
		}
		b.WriteString(s[last:m[0]])
		b.WriteString(i64(result))
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String(), problems
}

var reCountBracket = regexp.MustCompile(`([0-9]+)\s*(?:件|条|起|宗|次)?\s*[（(][^（()）]{0,8}$`)

// countBeforeBracket reads 「716件（」 right before a bracketed sum.
func countBeforeBracket(before string) (int64, bool) {
	m := reCountBracket.FindStringSubmatch(before)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	return n, err == nil
}

// narrative runs N1 over every narrative block.
func (c *checker) narrative() {
	for _, b := range c.r.Blocks {
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		for _, s := range sentences(b.Text) {
			c.narrativeSentence(b, s)
		}
	}
}

// figuresFor returns the tables a clause about year y is compared with:
// this year's, last year's when its report is known, or none.
func (c *checker) figuresFor(y int) (figures, bool) {
	if y == c.r.Year {
		return figures{v: c.v, f: c.f, items: c.oy.Items, year: c.r.Year, r: c.r}, true
	}
	if p := c.oy.Prev; p != nil && y == c.r.Year-1 && p.Year == y && len(p.Values) > 0 {
		f := FormatByID(p.FormatID)
		if f == nil {
			f = FormatForYear(y)
		}
		if f != nil {
			return figures{v: p.Values, f: f, year: y}, true
		}
	}
	return figures{}, false
}

func (c *checker) narrativeSentence(b Block, orig string) {
	add := func(msg string) {
		c.add(Finding{Rule: "N1", Severity: Warning, Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID},
			Message: sectionName(b.Section) + "写「" + quote(orig) + "」，" + msg})
	}
	s, problems := foldSums(NormalizeDigits(orig))
	for _, p := range problems {
		add(p)
	}
	year := c.r.Year
	for _, cl := range clauses(s) {
		year = clauseYear(cl, c.r.Year, year)
		g, ok := c.figuresFor(year)
		if !ok {
			continue
		}
		whose := ""
		if year != c.r.Year {
			whose = strconv.Itoa(year) + "年报告"
		}
		c.narrativeClause(cl, s, g, whose, add)
	}
}

// narrativeClause compares the claims of one clause with the tables g; whole
// is the sentence, for what follows the clause.
func (c *checker) narrativeClause(cl, whole string, g figures, whose string, add func(string)) {
	// Every count claim ends in a number and one of claimUnits: a clause
	// without such a count holds none, and its regular expressions need
	// not run (they were most of the cost of checking a bundle, and 条例
	// and 文件 put a unit in most clauses).
	if hasCount(cl) {
		c.countClaims(cl, whole, g, whose, add)
	}
	c.negativeClaims(cl, g, whose, add)
}

// combinedLeads and claimLeads are the texts every match of reCombined and
// of each of narrativeClaims starts with (leadingLiterals): a clause
// without any of them is not searched.
var (
	combinedLeads = leadingLiterals(reCombined)
	claimLeads    = func() [][]string {
		out := make([][]string, len(narrativeClaims))
		for i, c := range narrativeClaims {
			out[i] = leadingLiterals(c.re)
		}
		return out
	}()
)

// claimUnits are the counting words every count claim (reCombined,
// narrativeClaims) ends in, right after numPat and \s*.
const claimUnits = "件份起宗次条"

// hasCount reports whether s has a count as every claim ends in: a digit
// or Chinese numeral of numPat, ASCII white space (\s), then one of
// claimUnits.
func hasCount(s string) bool {
	afterNumber := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || strings.ContainsRune(chineseNumerals, r):
			afterNumber = true
		case r == ' ' || r == '\t' || r == '\n' || r == '\f' || r == '\r':
			// \s between the number and the unit
		case afterNumber && strings.ContainsRune(claimUnits, r):
			return true
		default:
			afterNumber = false
		}
	}
	return false
}

// countClaims compares the counts a clause gives with the tables g.
func (c *checker) countClaims(cl, whole string, g figures, whose string, add func(string)) {
	// Counts given for several outcome groups together.
	combined := mayMatch(cl, combinedLeads)
	var ms [][]int
	if combined {
		ms = reCombined.FindAllStringSubmatchIndex(cl, -1)
	}
	for _, m := range ms {
		if strings.HasSuffix(cl[:m[0]], "不") {
			continue
		}
		words := []string{cl[m[2]:m[3]]}
		for _, w := range outcomeWords {
			if strings.Contains(cl[m[4]:m[5]], w.word) {
				words = append(words, w.word)
			}
		}
		n, ok := parseNumber(cl[m[len(m)-4]:m[len(m)-3]])
		if !ok || containsAny(cl[m[0]:m[1]], claimSkipWords) {
			continue
		}
		var fig, alt int64
		var labels []string
		known := true
		for _, w := range outcomeWords {
			for _, x := range words {
				if x == w.word {
					v, ok1 := s3Group(w.prefix)(g)
					a, ok2 := s3GroupApplicants(w.prefix)(g)
					fig += v
					alt += a
					known = known && ok1 && ok2
					labels = append(labels, w.label)
				}
			}
		}
		if known && fig != n && alt != n {
			add("正文为 " + i64(n) + " 件，但" + whose + "表三" + strings.Join(labels, "与") + "之和为 " + i64(fig) + applicantsNote(fig, alt) + "，两者不一致")
		}
	}
	masked := cl
	if len(ms) > 0 {
		masked = reCombined.ReplaceAllStringFunc(cl, func(m string) string { return strings.Repeat("＿", utf8.RuneCountInString(m)) })
	}
	for i, cla := range narrativeClaims {
		if !mayMatch(masked, claimLeads[i]) {
			continue
		}
		for _, m := range cla.re.FindAllStringSubmatchIndex(masked, -1) {
			part := masked[m[0]:m[1]]
			// A 不 right before turns the phrase into another one
			// (不予以公开 is not 予以公开).
			if containsAny(part, claimSkipWords) || strings.HasSuffix(masked[:m[0]], "不") || newClaimInside(part) {
				continue
			}
			n, ok := parseNumber(masked[m[2]:m[3]])
			if !ok {
				continue
			}
			fig, ok := cla.figure(g)
			if !ok || fig == n {
				continue
			}
			if cla.alt != nil {
				if a, ok := cla.alt(g); ok && a == n {
					continue
				}
			}
			if cla.also != nil {
				if a, ok := cla.also(g); ok && a == n {
					continue
				}
			}
			if i <= claimNewAfter {
				// 「收到申请5件（含上年结转1件）」 counts 一 and 二 together.
				rest := whole[strings.Index(whole, cl)+len(cl[:m[1]]):]
				if c2, _ := g.get(Addr(TableS3, RowCarriedIn, ColTotal)); reIncludesCarried.MatchString(rest) && n == fig+c2 {
					continue
				}
			}
			note := ""
			if cla.alt != nil {
				if a, ok := cla.alt(g); ok {
					note = applicantsNote(fig, a)
				}
			}
			add("正文为 " + i64(n) + " " + masked[m[4]:m[5]] + "，但" + whose + cla.what + "为 " + i64(fig) + note + "，两者不一致")
			break
		}
	}
}

// negativeClaims compares the 「未…」 sentences of a clause (no requests, no
// cases, all upheld) with this year's tables.
func (c *checker) negativeClaims(cl string, g figures, whose string, add func(string)) {
	if whose != "" {
		return // the 「未…」 sentences below speak of this year's tables
	}
	newReq := g.v[Addr(TableS3, RowNew, ColTotal)]
	if DeniesRequests(cl) && newReq > 0 {
		add("但表三「一、本年新收政府信息公开申请数量」总计为 " + i64(newReq) + "，两者矛盾")
	}
	rv := g.v[Addr(TableS4, RowS4Cases, S4Col(GroupReview, ResultTotal))]
	lit := g.v[Addr(TableS4, RowS4Cases, S4Col(GroupDirectSuit, ResultTotal))] + g.v[Addr(TableS4, RowS4Cases, S4Col(GroupSuitReview, ResultTotal))]
	review, suit := DeniesCases(cl)
	if review && rv > 0 {
		add("但表四「行政复议」总计为 " + i64(rv) + "，两者矛盾")
	}
	if suit && lit > 0 {
		add("但表四「行政诉讼」共有 " + i64(lit) + " 件，两者矛盾")
	}
	if reAllUpheld.MatchString(cl) {
		var upheld, total, pending int64
		for _, gr := range S4Groups {
			upheld += g.v[Addr(TableS4, RowS4Cases, S4Col(gr, Upheld))]
			pending += g.v[Addr(TableS4, RowS4Cases, S4Col(gr, Pending))]
			total += g.v[Addr(TableS4, RowS4Cases, S4Col(gr, ResultTotal))]
		}
		if total > upheld {
			msg := "但表四共 " + i64(total) + " 件中结果维持 " + i64(upheld) + " 件"
			if pending > 0 {
				msg += "、尚未审结 " + i64(pending) + " 件"
			}
			add(msg + "，并非全部维持")
		}
	}
}

// DeniesCases reports whether a text says no 行政复议 (review) or no 行政诉讼
// (suit) arose: 「未发生因政府信息公开引起的行政复议、行政诉讼」, 「未收到…
// 行政复议…」 (reNoCases, read as far as negScope takes it).
func DeniesCases(cl string) (review, suit bool) {
	for _, m := range reNoCases.FindAllString(cl, -1) {
		m = negScope(m)
		review = review || strings.Contains(m, "复议")
		suit = suit || strings.Contains(m, "诉讼")
	}
	return review, suit
}

// DeniesRequests reports whether a text says no request was received:
// 「未收到政府信息公开申请」, 「未收到申请人提出的申请」, but not 「未收到该
// 申请人提交的补正」 (the correction of a request that was received) nor
// 「未收到…行政复议、行政诉讼的申请」 (no cases).
func DeniesRequests(cl string) bool {
	for _, m := range reNoRequests.FindAllString(cl, -1) {
		// 申请人 is the applicant, not the request.
		t := strings.ReplaceAll(m, "申请人", "")
		i := strings.Index(t, "申请")
		if i < 0 {
			continue
		}
		// 「未收到因政府信息公开提出的行政复议、行政诉讼的申请」 and 「未收到依申请
		// 公开行政复议」 deny cases, not requests: the 申请 is one for 复议 or
		// 诉讼, or qualifies them (negativeClaims reads them).
		if containsAny(t[:i], []string{"复议", "诉讼"}) {
			continue
		}
		if strings.HasSuffix(t[:i], "依") && hasAnyPrefix(t[i+len("申请"):], []string{"公开行政复议", "公开行政诉讼", "公开复议", "公开诉讼"}) {
			continue
		}
		return true
	}
	return false
}

// applicantsNote adds the applicant columns' sum to a message when the
// 总计 column says otherwise.
func applicantsNote(total, applicants int64) string {
	if total == applicants {
		return ""
	}
	return "（六类申请人各列之和为 " + i64(applicants) + "）"
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// parseNumber reads an Arabic or Chinese number: 12, 十二, 一百零五, 两千三百, 三万.
func parseNumber(s string) (int64, bool) {
	if allDigits(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		return n, err == nil
	}
	return parseChineseNumber(s)
}

var cnDigits = map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// parseChineseNumber reads a Chinese numeral below one hundred million.
func parseChineseNumber(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var total, section, digit int64
	seenDigit := false
	for _, r := range s {
		if d, ok := cnDigits[r]; ok {
			digit = d
			seenDigit = true
			continue
		}
		var unit int64
		switch r {
		case '十':
			unit = 10
		case '百':
			unit = 100
		case '千':
			unit = 1000
		case '万':
			section += digit
			if section == 0 {
				section = 1
			}
			total += section * 10000
			section, digit, seenDigit = 0, 0, false
			continue
		default:
			return 0, false
		}
		if !seenDigit {
			digit = 1 // 十二 = 一十二
		}
		section += digit * unit
		digit, seenDigit = 0, false
	}
	return total + section + digit, true
}

// GeneratedSentences builds, from the effective tables, one Chinese sentence
// each for sections 二, 三 and 四 that a clerk may put in the narrative; N1
// accepts them as agreeing with the tables.
func GeneratedSentences(oy *OrganYear) map[int]string {
	if oy == nil || oy.Report == nil || oy.Report.Format() == nil {
		return nil
	}
	r := oy.Report
	f := r.Format()
	v := EffectiveValues(oy)
	out := map[int]string{}

	// 二
	var s2 strings.Builder
	if len(oy.Items) > 0 {
		s2.WriteString(ItemsSentence(r.Year, CountItems(r.Year, oy.Items)))
	}
	if t := section2Sentence(f, v); t != "" {
		s2.WriteString(t)
	}
	out[2] = s2.String()

	// 三
	get := func(row string) int64 { return v[Addr(TableS3, row, ColTotal)] }
	newN, inN, doneN, outN := get(RowNew), get(RowCarriedIn), get(RowOutcomeSum), get(RowCarriedOut)
	var b strings.Builder
	switch {
	case newN == 0 && inN == 0:
		b.WriteString("本年度未收到政府信息公开申请")
	case newN == 0:
		b.WriteString("本年度未收到新的政府信息公开申请，上年结转" + i64(inN) + "件")
	default:
		b.WriteString("本年度共收到政府信息公开申请" + i64(newN) + "件")
		if inN > 0 {
			b.WriteString("，上年结转" + i64(inN) + "件")
		}
	}
	if newN > 0 || inN > 0 {
		b.WriteString("；办结" + i64(doneN) + "件")
		var parts []string
		for _, g := range f.OutcomeGroups() {
			var n int64
			for _, row := range g.Rows {
				n += get(row)
			}
			if n > 0 {
				parts = append(parts, outcomeGroupName(g.Label)+i64(n)+"件")
			}
		}
		if len(parts) > 0 && doneN > 0 {
			b.WriteString("，其中" + strings.Join(parts, "、"))
		}
		b.WriteString("；结转下年度继续办理" + i64(outN) + "件")
	}
	b.WriteString("。")
	out[3] = b.String()

	// 四
	group := func(g string) (int64, string) {
		total := v[Addr(TableS4, RowS4Cases, S4Col(g, ResultTotal))]
		var parts []string
		for _, res := range CaseResults {
			if n := v[Addr(TableS4, RowS4Cases, S4Col(g, res))]; n > 0 {
				parts = append(parts, res.Label()+i64(n)+"件")
			}
		}
		return total, strings.Join(parts, "、")
	}
	rv, rvParts := group(GroupReview)
	ds, dsParts := group(GroupDirectSuit)
	sr, srParts := group(GroupSuitReview)
	switch {
	case rv == 0 && ds+sr == 0:
		out[4] = "本年度未发生因政府信息公开引发的行政复议、行政诉讼。"
	default:
		var s strings.Builder
		if rv > 0 {
			s.WriteString("本年度发生政府信息公开行政复议" + i64(rv) + "件")
			if rvParts != "" {
				s.WriteString("（" + rvParts + "）")
			}
		} else {
			s.WriteString("本年度未发生政府信息公开行政复议")
		}
		s.WriteString("；")
		if ds+sr > 0 {
			s.WriteString("发生政府信息公开行政诉讼" + i64(ds+sr) + "件")
			var sub []string
			if ds > 0 {
				x := "未经复议直接起诉" + i64(ds) + "件"
				if dsParts != "" {
					x += "（" + dsParts + "）"
				}
				sub = append(sub, x)
			}
			if sr > 0 {
				x := "复议后起诉" + i64(sr) + "件"
				if srParts != "" {
					x += "（" + srParts + "）"
				}
				sub = append(sub, x)
			}
			s.WriteString("，其中" + strings.Join(sub, "、"))
		} else {
			s.WriteString("未发生政府信息公开行政诉讼")
		}
		s.WriteString("。")
		out[4] = s.String()
	}
	return out
}

// outcomeGroupName turns 「（二）部分公开（区分处理的……）」 into 「部分公开」.
func outcomeGroupName(label string) string {
	if i := strings.Index(label, "）"); strings.HasPrefix(label, "（") && i > 0 {
		label = label[i+len("）"):]
	}
	if i := strings.Index(label, "（"); i > 0 {
		label = label[:i]
	}
	return label
}

// section2Sentence summarises the section 二 tables.
func section2Sentence(f *Format, v Values) string {
	get := func(t, row, col string) int64 { return v[Addr(t, row, col)] }
	var parts []string
	if f.ID == "2019" {
		for _, row := range f.Table(TableS2Item1).Rows {
			m, p, tot := get(TableS2Item1, row.ID, "made"), get(TableS2Item1, row.ID, "published"), get(TableS2Item1, row.ID, "total")
			if m == 0 && p == 0 && tot == 0 {
				continue
			}
			parts = append(parts, row.Label+"新制作"+i64(m)+"件、新公开"+i64(p)+"件、对外公开总数"+i64(tot)+"件")
		}
		var dec []string
		for _, tr := range [][2]string{{TableS2Item5, RowLicensing}, {TableS2Item5, RowOtherServices}, {TableS2Item6, RowPenalty}, {TableS2Item6, RowEnforcement}} {
			if n := get(tr[0], tr[1], "decisions"); n > 0 {
				row, _ := f.Table(tr[0]).Row(tr[1])
				dec = append(dec, row.Label+"处理决定"+i64(n)+"件")
			}
		}
		if len(dec) > 0 {
			parts = append(parts, "作出"+strings.Join(dec, "、"))
		}
		if n, amt := get(TableS2Item9, RowProcurement, "projects"), get(TableS2Item9, RowProcurement, "amount"); n > 0 || amt > 0 {
			parts = append(parts, "政府集中采购项目"+i64(n)+"个，采购总金额"+FormatMoney(amt, "万元")+"万元")
		}
	} else {
		for _, row := range f.Table(TableS2Item1).Rows {
			is, re, in := get(TableS2Item1, row.ID, "issued"), get(TableS2Item1, row.ID, "repealed"), get(TableS2Item1, row.ID, "in_force")
			if is == 0 && re == 0 && in == 0 {
				continue
			}
			parts = append(parts, row.Label+"制发"+i64(is)+"件、废止"+i64(re)+"件、现行有效"+i64(in)+"件")
		}
		var dec []string
		for _, tr := range [][2]string{{TableS2Item5, RowLicensing}, {TableS2Item6, RowPenalty}, {TableS2Item6, RowEnforcement}} {
			if n := get(tr[0], tr[1], "decisions"); n > 0 {
				row, _ := f.Table(tr[0]).Row(tr[1])
				dec = append(dec, row.Label+"决定"+i64(n)+"件")
			}
		}
		if len(dec) > 0 {
			parts = append(parts, "作出"+strings.Join(dec, "、"))
		}
		if amt := get(TableS2Item8, RowAdminFees, "amount"); amt > 0 {
			parts = append(parts, "收取行政事业性收费"+FormatMoney(amt, "万元")+"万元")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "本年度" + strings.Join(parts, "；") + "。"
}

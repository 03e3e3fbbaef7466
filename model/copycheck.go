package model

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Copy checks (warnings): reviewers find reports nearly identical to the
// previous year's, paragraphs copied unchanged, and last year's date left
// in as if it were the current one.
//
//	N2  a paragraph identical to one of last year's report (or to the text
//	    carried over, never edited)
//	N3  a paragraph names last year where the report year seems meant
//	N5  a paragraph still marked 待更新 (carried over, not yet reviewed)
//	N6  the narrative as a whole is more than SimilarityLimit percent similar
//	    to last year's

// SimilarityLimit is the similarity (percent) above which N6 warns.
const SimilarityLimit = 70.0

// minCopyRunes is the length below which a paragraph is too short for N2
// (stock phrases such as 「无。」 repeat every year and are fine).
const minCopyRunes = 20

// nilFeeStatement reports whether a paragraph holds the stock statement
// that no 信息处理费 arose this year (「按照《…信息处理费管理办法》…规定的
// 按件、按量收费标准，本年度没有产生信息公开处理费。」): worded for any
// year, it is right to repeat it word for word, so N2 leaves it alone. A
// paragraph that names an amount (元) is not a nil statement.
func nilFeeStatement(text string) bool {
	return strings.Contains(text, "处理费") && !strings.Contains(text, "元") &&
		containsAny(text, []string{"没有产生", "未产生", "没有收取", "未收取", "无收取", "不收取", "没有发生", "未发生"})
}

// withoutNilFee is text without its nil-fee statement (the sentences about
// the fee, 费) when it holds one: what N2 judges, so that the statement does
// not excuse the rest of its paragraph.
func withoutNilFee(text string) string {
	if !nilFeeStatement(text) {
		return text
	}
	var b strings.Builder
	for _, s := range sentences(text) {
		if !strings.Contains(s, "费") {
			b.WriteString(s)
		}
	}
	return b.String()
}

// squash drops spaces and line breaks so that re-wrapped text compares equal.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, NormalizeDigits(s))
}

// reYearMention finds 「2020年」 with what follows it.
var reYearMention = regexp.MustCompile(`([0-9]{4})\s*年`)

// lastYearAfter and lastYearBefore are words around 「2020年」 that show the
// writer means last year on purpose: 2020年底, 与2020年相比, 自2020年起.
var (
	lastYearAfter = []string{"底", "末", "年底", "年末", "相比", "同期", "以来", "的基础上", "基础上", "度报告", "年度报告", "起", "开始", "比较",
		// last year's accounts and reports are published in the report year
		"部门决算", "决算", "财政决算", "预算执行", "度部门决算", "度决算"}
	lastYearBefore = []string{"与", "较", "比", "同比", "相比", "自", "从", "截至上"}
	// lastYearDocument follows 「2018年」 when the sentence names a document
	// of that year (「继续执行2018年制定的考核评议办法」): not copied text.
	lastYearDocument = []string{"制定的", "印发的", "出台的", "发布的", "颁布的", "修订的", "制发的", "下发的"}
	// lastYearAccounts are words that, later in the same clause, make
	// 「2018年」 last year's accounts or their evaluation, published in the
	// report year on purpose: 「2019年政府决算」「2018年度财政支出项目绩效评价结果」.
	lastYearAccounts = []string{"决算", "绩效评价", "审计"}
	// lastYearProblems, later in the same clause, make 「2020年」 the year
	// whose problems section 五 reports as rectified: 「针对2020年政府信息
	// 公开中存在的问题，认真分析，积极整改」.
	lastYearProblems = []string{"存在的问题", "发现的问题", "提出的问题", "指出的问题", "问题整改"}
)

// clauseRest returns what follows in the same clause, at most n runes.
func clauseRest(s string, n int) string {
	rs := []rune(s)
	end := 0
	for end < len(rs) && end < n && !isClauseEnd(rs[end]) && rs[end] != '、' {
		end++
	}
	return string(rs[:end])
}

// lastYearAsCurrent returns the phrase of text that names year-1 as if it
// were the report year, or "" when there is none.
func lastYearAsCurrent(text string, year int) string {
	t := NormalizeDigits(text)
	last := strconv.Itoa(year - 1)
	for _, m := range reYearMention.FindAllStringSubmatchIndex(t, -1) {
		if t[m[2]:m[3]] != last {
			continue
		}
		after := t[m[1]:]
		// 「2021年度报告」 names last year's report on purpose: test the
		// phrasings before 「度」 is trimmed as well as after.
		if hasAnyPrefix(after, lastYearAfter) {
			continue
		}
		// Skip 「年」 doubled as in 2020年年底, and the purposeful phrasings.
		after = strings.TrimPrefix(after, "度")
		if hasAnyPrefix(after, lastYearAfter) || hasAnyPrefix(strings.TrimPrefix(after, "年"), lastYearAfter) {
			continue
		}
		if hasAnyPrefix(after, lastYearDocument) || containsAny(clauseRest(after, 16), lastYearAccounts) || containsAny(clauseRest(after, 20), lastYearProblems) {
			continue
		}
		before := t[:m[0]]
		if hasAnySuffix(before, lastYearBefore) {
			continue
		}
		// 「与2020年同期相比」「较2020年增长」: a comparison word shortly after.
		window := after
		if n := utf8.RuneCountInString(window); n > 12 {
			window = string([]rune(window)[:12])
		}
		if strings.Contains(window, "相比") || strings.Contains(window, "同期") || strings.Contains(window, "增长") || strings.Contains(window, "下降") {
			continue
		}
		return phraseAround(text, t, m[0], m[1])
	}
	return ""
}

func hasAnyPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func hasAnySuffix(s string, ps []string) bool {
	s = strings.TrimRight(s, " ")
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// phraseAround returns a few characters either side of t[i:j] for a message.
func phraseAround(orig, t string, i, j int) string {
	// NormalizeDigits maps rune for rune, so rune positions in t are rune
	// positions in the clerk's own text, which the message quotes.
	rs := []rune(orig)
	ri, rj := utf8.RuneCountInString(t[:i]), utf8.RuneCountInString(t[:j])
	if rj > len(rs) {
		return strings.TrimSpace(t[i:j])
	}
	const span = 16
	start := ri
	for start > 0 && ri-start < span && !isClauseEnd(rs[start-1]) {
		start--
		if rs[start] == '《' {
			break // a document's title is quoted from its start
		}
	}
	// Never cut a number in two (「019年度」).
	for start > 0 && start < ri && unicode.IsDigit(rs[start]) && unicode.IsDigit(rs[start-1]) {
		start--
	}
	end := rj
	for end < len(rs) && end-rj < span && !isClauseEnd(rs[end]) {
		end++
		if rs[end-1] == '》' {
			break // ... to its end
		}
	}
	for end < len(rs) && end > rj && unicode.IsDigit(rs[end-1]) && unicode.IsDigit(rs[end]) {
		end++
	}
	return strings.TrimSpace(string(rs[start:end]))
}

// isClauseEnd reports whether r ends a clause: a quoted phrase stops there.
func isClauseEnd(r rune) bool {
	switch r {
	case '，', '。', '；', '！', '？', '：', '\n', ',', ';', '!', '?', ':':
		return true
	}
	return false
}

// copies runs N2, N3, N5 and N6.
func (c *checker) copies() {
	var prev map[string]bool
	if p := c.oy.Prev; p != nil {
		prev = make(map[string]bool, len(p.Blocks))
		for _, b := range p.Blocks {
			if b.Kind == BlockHeading {
				continue
			}
			if s := squash(b.Text); utf8.RuneCountInString(s) >= minCopyRunes {
				prev[s] = true
			}
		}
	}
	year := c.r.Year
	for _, b := range c.r.Blocks {
		if strings.TrimSpace(b.Text) == "" {
			continue
		}
		ref := EntryRef{Kind: EntryBlock, ID: b.ID}
		add := func(rule, msg string) {
			c.add(Finding{Rule: rule, Severity: Warning, Section: b.Section, Entry: ref, Message: sectionName(b.Section) + msg})
		}
		if b.Stale {
			add("N5", "中有一段是从上年带过来的文字，还没有更新（待更新）：「"+quote(strings.TrimSpace(b.Text))+"」")
		} else if b.Kind != BlockHeading {
			s := squash(b.Text)
			if utf8.RuneCountInString(s) >= minCopyRunes && (prev[s] || b.Origin != "" && squash(b.Origin) == s) &&
				utf8.RuneCountInString(squash(withoutNilFee(b.Text))) >= minCopyRunes {
				add("N2", "中有一段与上年报告一字不差：「"+quote(strings.TrimSpace(b.Text))+"」，请按本年度情况改写")
			}
		}
		if ph := lastYearAsCurrent(b.Text, year); ph != "" {
			add("N3", "提到「"+ph+"」，这是上一年；如果写的是本年度的事，应改为"+strconv.Itoa(year)+"年")
		}
	}
	if ph := lastYearAsCurrent(c.r.Preamble.Text, year); ph != "" {
		c.add(Finding{Rule: "N3", Severity: Warning, Section: 0, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID},
			Message: "报告开头一段提到「" + ph + "」，这是上一年；如果写的是本年度的事，应改为" + strconv.Itoa(year) + "年"})
	}
	if p := c.oy.Prev; p != nil && len(p.Blocks) > 0 {
		if sim := Similarity(c.r.Blocks, p.Blocks); sim > SimilarityLimit {
			c.add(Finding{Rule: "N6", Severity: Warning, Section: 1, Entry: EntryRef{Kind: EntryReport, ID: c.r.ID},
				Message: "本年报告的文字与" + strconv.Itoa(p.Year) + "年报告的相似度为 " + strconv.Itoa(int(sim+0.5)) +
					"%，超过 " + strconv.Itoa(int(SimilarityLimit)) + "%，审查时会被认为照抄上年，请按本年度情况改写"})
		}
	}
}

// bigrams counts the character bigrams of the paragraphs' text, ignoring
// spaces, punctuation and digits (numbers change every year; the prose is
// what gets copied).
func bigrams(blocks []Block) (map[[2]rune]int, int) {
	m := map[[2]rune]int{}
	total := 0
	for _, b := range blocks {
		if b.Kind == BlockHeading {
			continue
		}
		var prev rune = -1
		for _, r := range b.Text {
			if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsDigit(r) {
				prev = -1
				continue
			}
			if prev >= 0 {
				m[[2]rune{prev, r}]++
				total++
			}
			prev = r
		}
	}
	return m, total
}

// Similarity returns how similar the narrative paragraphs of cur are to
// those of prev, in percent (0–100): the Dice coefficient of their
// character-bigram multisets. Headings are left out.
func Similarity(cur, prev []Block) float64 {
	a, na := bigrams(cur)
	b, nb := bigrams(prev)
	if na == 0 || nb == 0 {
		return 0
	}
	common := 0
	for k, x := range a {
		if y := b[k]; y > 0 {
			common += min(x, y)
		}
	}
	return 200 * float64(common) / float64(na+nb)
}

package model

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// N9: a count the narrative breaks down 「其中……」 into parts that do not
// add up to it. 「全年主动公开135条，其中政策类1条，许可类3条，社保类9条，
// 安全类24条，其他类97条」 lists 134: one of the numbers is wrong.
//
// A breakdown is only taken as complete when one of its parts is 「其他」
// (其他类、其他应主动公开的政府信息) and it does not end in 「等」: without
// them the list may name a few parts only (「其中原创类信息210篇」,
// 「……公示公告信息17条等」). Parts are the counts with the total's unit (or
// a bare count ending a part: 「主动公开信息数169」) up to the sentence's
// end or a 「；」 opening the next statement (「；全年通过……」); a part after
// the 「其他」 one counts while the sum is still short of the total (「……其他
// 36条；专题专栏公开信息69条」), a later count that would overshoot it
// belongs to the next statement.

// reBreakdown finds 「135条，其中」: a count, its unit, a few words, 其中.
var reBreakdown = regexp.MustCompile(`([0-9]+)\s*(条|件|篇|项|个)([^0-9。！？；;]{0,10}?)其中`)

// reNextStatement is a 「；」 that opens the next statement of the sentence
// (「……不予公开24条；全年通过政府门户网站主动公开……」): the list ends there.
var reNextStatement = regexp.MustCompile(`[;；]\s*(?:全年|今年|本年|同时|此外|另外)`)

// reBareCount is a count without a unit ending a part: 「主动公开信息数169」.
var reBareCount = regexp.MustCompile(`([0-9]+)\s*$`)

// A Breakdown is one 「N条，其中……」 list as N9 reads it. Byte offsets
// are in the text Breakdowns was given (digits made half-width by
// NormalizeDigits, which keeps rune positions).
type Breakdown struct {
	Total    int64
	Parts    []int64 // every part counted, with those after the 「其他」 one
	Head     [2]int  // byte span of 「135条，其中」
	First    [2]int  // byte span of the first part's count; -1 when none
	Complete bool    // a 「其他」 part, no 「等」 at the end
	AddsUp   bool    // the parts reach the total exactly
}

// Breakdowns reads every 「其中」 list of t (digits half-width).
func Breakdowns(t string) []Breakdown {
	var out []Breakdown
	for _, m := range reBreakdown.FindAllStringSubmatchIndex(t, -1) {
		bd := Breakdown{Head: [2]int{m[0], m[1]}, First: [2]int{-1, -1}}
		bd.Total, _ = strconv.ParseInt(t[m[2]:m[3]], 10, 64)
		reUnit := regexp.MustCompile(`([0-9]+)\s*` + t[m[4]:m[5]])
		rest := t[m[1]:]
		if i := strings.IndexAny(rest, "。！？!?"); i >= 0 {
			rest = rest[:i]
		}
		if i := reNextStatement.FindStringIndex(rest); i != nil {
			rest = rest[:i[0]]
		}
		ended := strings.HasSuffix(strings.TrimRightFunc(rest, unicode.IsSpace), "等")
		var sum int64
		closed, broken := false, false
		for _, pc := range pieces(rest) {
			piece := rest[pc[0]:pc[1]]
			ns := reUnit.FindAllStringSubmatchIndex(piece, -1)
			if len(ns) == 0 {
				ns = reBareCount.FindAllStringSubmatchIndex(piece, -1)
			}
			if len(ns) == 0 {
				continue
			}
			if len(ns) > 1 {
				// Two counts in one part: before 「其他」 not a plain list;
				// after it, the next statement.
				broken = !closed
				break
			}
			n, _ := strconv.ParseInt(piece[ns[0][2]:ns[0][3]], 10, 64)
			if closed && sum+n > bd.Total {
				break // the next statement, not a part
			}
			if bd.First[0] < 0 {
				at := m[1] + pc[0]
				bd.First = [2]int{at + ns[0][2], at + ns[0][3]}
			}
			sum += n
			bd.Parts = append(bd.Parts, n)
			if strings.Contains(piece, "其他") {
				closed = true
			}
			if closed && sum == bd.Total {
				bd.AddsUp = true
				break
			}
		}
		bd.Complete = closed && !ended && !broken
		out = append(out, bd)
	}
	return out
}

// pieces cuts a list at 「，；」 (not at 「、」, which joins the names of
// one category: 扶贫、教育、医疗……) and returns each piece's byte span.
func pieces(s string) [][2]int {
	var out [][2]int
	from := 0
	for i, r := range s {
		switch r {
		case '，', '；', ',', ';':
			if i > from {
				out = append(out, [2]int{from, i})
			}
			from = i + utf8.RuneLen(r)
		}
	}
	if from < len(s) {
		out = append(out, [2]int{from, len(s)})
	}
	return out
}

// listSums runs N9 on the narrative.
func (c *checker) listSums() {
	for _, b := range c.r.Blocks {
		if b.Kind == BlockHeading {
			continue
		}
		t := NormalizeDigits(b.Text)
		for _, bd := range Breakdowns(t) {
			if !bd.Complete || bd.AddsUp {
				continue
			}
			var sum int64
			terms := make([]string, len(bd.Parts))
			for k, p := range bd.Parts {
				sum += p
				terms[k] = strconv.FormatInt(p, 10)
			}
			c.add(Finding{Rule: "N9", Severity: Warning, Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID},
				Message: sectionName(b.Section) + "中「" + phraseAround(b.Text, t, bd.Head[0], bd.Head[1]) + "……」所列各项相加为 " +
					strconv.FormatInt(sum, 10) + "（" + strings.Join(terms, "+") + "），不等于总数 " + strconv.FormatInt(bd.Total, 10) + "，请核对"})
			break
		}
	}
}

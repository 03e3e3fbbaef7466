package model

import (
	"regexp"
	"strconv"
)

// Rule N10: next year's plans dated this year. A report on year Y is
// written in January of Y+1, and the improvements section 五 announces are
// for Y+1: 「2022年，我局将继续……」 in a 2021 report. 「2021年，我局将坚持……」
// there is the year before's plan left unchanged, or the year not moved on
// (平潭财政金融局 2021). The rule reads a sentence (or clause after a
// colon) that opens with the report year and goes on to what the organ
// 「将」 do next, with one of the words a plan goes on with after 将: 将
// also marks the object of a past action (「2021年，我局将政务公开纳入考核」,
// something done in the year), which these words rule out.
var rePlanYear = regexp.MustCompile(`(?:^|[。；;！!？?：:\n])\s*(\d{4})年(?:度)?[，,、]?\s*(?:我|本|全|今后)?[^\s，,。；;：:将]{0,5}将(?:要)?(?:继续|进一步|坚持|采取|重点|加强|持续|不断|着力|积极|认真|严格|全面|切实|扎实|深入|适应|围绕|按照|结合|做好|大力|努力|注重|强化|推进|完善|紧紧|始终|聚焦|从以下|从)`)

// planYears runs N10 on section 五's text and the year's improvement
// measures.
func (c *checker) planYears() {
	year := strconv.Itoa(c.r.Year)
	next := strconv.Itoa(c.r.Year + 1)
	msg := func(orig, t string, i, j int) string {
		return sectionName(5) + "中「" + phraseAround(orig, t, i, j) + "……」说的是今后的打算，本报告是" + year +
			"年度的，下一步的工作应写" + next + "年；请核对年份"
	}
	find := func(orig string) (string, bool) {
		t := NormalizeDigits(orig)
		for _, m := range rePlanYear.FindAllStringSubmatchIndex(t, -1) {
			if t[m[2]:m[3]] == year {
				return msg(orig, t, m[2], m[1]), true
			}
		}
		return "", false
	}
	for _, b := range c.r.SectionBlocks(5) {
		if b.Kind == BlockHeading {
			continue
		}
		if m, ok := find(b.Text); ok {
			c.add(Finding{Rule: "N10", Severity: Warning, Section: 5, Entry: EntryRef{Kind: EntryBlock, ID: b.ID}, Message: m})
		}
	}
	for _, ms := range c.oy.Measures {
		if !ms.PrintedIn(c.r.Year) {
			continue
		}
		if m, ok := find(ms.Measure); ok {
			c.add(Finding{Rule: "N10", Severity: Warning, Section: 5, Entry: EntryRef{Kind: EntryMeasure, ID: ms.ID}, Message: m})
		}
	}
}

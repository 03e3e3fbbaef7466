package model

import "strings"

// Rules on the shape of the narrative (B1–B4): a report whose sub-sections
// or sections are empty prints bare headings, and a paragraph typed into a
// heading prints as a 楷体 heading. Kept apart from the number rules of
// narrative_rules.go.

// structure runs B1–B4.
func (c *checker) structure() {
	for s := 1; s <= 6; s++ {
		c.emptySection(s)
	}
	c.emptySubsections()
	c.headingShapes()
}

// hasText reports whether any block of bs that is not a heading has text.
func hasText(bs []Block) bool {
	for _, b := range bs {
		if b.Kind != BlockHeading && strings.TrimSpace(b.Text) != "" {
			return true
		}
	}
	return false
}

// measuresOfYear reports whether the year has an improvement measure with
// text (measures print in section 五).
func (c *checker) measuresOfYear() bool {
	for _, m := range c.oy.Measures {
		if m.PrintedIn(c.r.Year) && strings.TrimSpace(m.Problem+m.Measure) != "" {
			return true
		}
	}
	return false
}

// emptySection is B2 (提示: a section with no text of its own) and B3 (错误:
// section 五 with neither text nor measures — a report must state its
// problems). Section 六 of the 2021 format always prints the fee sentence,
// so it is never empty.
func (c *checker) emptySection(s int) {
	if hasText(c.r.SectionBlocks(s)) {
		return
	}
	ref := EntryRef{Kind: EntryReport, ID: c.r.ID}
	switch {
	case s == 5 && !c.measuresOfYear():
		c.add(Finding{Rule: "B3", Severity: Error, Section: 5, Entry: ref,
			Message: sectionName(5) + "没有文字，也没有整改措施；年报必须写明存在的主要问题和改进情况"})
	case s == 5:
	case s == 6 && c.f.ID != "2019":
	default:
		c.add(Finding{Rule: "B2", Severity: Warning, Section: s, Entry: ref,
			Message: sectionName(s) + "没有文字，导出后只有标题" + tablesNote(s)})
	}
}

func tablesNote(s int) string {
	if s >= 2 && s <= 4 {
		return "和表格"
	}
	return ""
}

// emptySubsections is B1 (提示): a sub-heading of section 一 with no text
// under it, when the section has text elsewhere (an empty section is B2).
func (c *checker) emptySubsections() {
	bs := c.r.SectionBlocks(1)
	if !hasText(bs) {
		return
	}
	for i, b := range bs {
		if b.Kind != BlockHeading || b.Level > 1 || strings.TrimSpace(b.Text) == "" {
			continue
		}
		end := i + 1
		for end < len(bs) && !(bs[end].Kind == BlockHeading && bs[end].Level <= 1) {
			end++
		}
		if !hasText(bs[i+1 : end]) {
			c.add(Finding{Rule: "B1", Severity: Warning, Section: 1, Entry: EntryRef{Kind: EntryBlock, ID: b.ID},
				Message: sectionName(1) + "的小标题「" + strings.TrimSpace(b.Text) + "」下面没有正文，导出后只有一个标题"})
		}
	}
}

// headingShapes is B4 (提示): a heading that reads like a paragraph.
func (c *checker) headingShapes() {
	for _, b := range c.r.Blocks {
		if b.Kind != BlockHeading {
			continue
		}
		if p := HeadingProblem(b.Text); p != "" {
			c.add(Finding{Rule: "B4", Severity: Warning, Section: b.Section, Entry: EntryRef{Kind: EntryBlock, ID: b.ID},
				Message: sectionName(b.Section) + "的小标题「" + quote(strings.TrimSpace(b.Text)) + "」" + p + "，请把正文移到小标题下面"})
		}
	}
}

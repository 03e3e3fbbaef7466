package model

import (
	"strings"
	"unicode/utf8"
)

// The sub-headings of section 一 listed by the format (spec §2) are part of
// the format, not the clerk's text: the editor shows them as fixed text and
// never lets typing reach them. A clerk may add headings of their own (extra
// headings) by an explicit key; those can be renamed and removed.

// OfficialHeading reports whether b is one of the format's sub-headings of
// section 一 (DefaultOverviewHeadings), as opposed to an extra heading the
// clerk added.
func OfficialHeading(b Block) bool {
	if b.Section != 1 || b.Kind != BlockHeading || b.Level > 1 {
		return false
	}
	t := strings.TrimSpace(b.Text)
	for _, h := range DefaultOverviewHeadings {
		if t == h {
			return true
		}
	}
	return false
}

// MaxHeadingChars is the longest sub-heading that still reads as a heading;
// longer ones are usually a paragraph typed into the heading (rule B4).
const MaxHeadingChars = 20

// HeadingProblem says, in Chinese, why a sub-heading's text does not look
// like a heading ("" when it does): longer than MaxHeadingChars characters
// or ending in 。, the marks of a paragraph typed into a heading.
func HeadingProblem(text string) string {
	t := strings.TrimSpace(text)
	switch {
	case utf8.RuneCountInString(t) > MaxHeadingChars:
		return "有 " + i64(int64(utf8.RuneCountInString(t))) + " 个字，超过 " + i64(MaxHeadingChars) +
			" 个字，像是把正文写进了小标题"
	case strings.HasSuffix(t, "。"):
		return "以「。」结尾，像是把正文写进了小标题"
	}
	return ""
}

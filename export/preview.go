package export

import (
	"strings"

	"nianbao/termsafe"
)

// LineKind says how a preview line is drawn.
type LineKind int

const (
	LineBlank LineKind = iota
	LineTitle
	LineNote    // the draft note under the title
	LineSection // 一、 … 六、
	LineHeading // （一） and 1. headings
	LineText    // body text
	LineTable   // a row of a table grid (may be wider than the screen)
	LineSignature
)

// Line is one line of the report as the preview screen shows it.
type Line struct {
	Kind LineKind
	Text string
}

// TextLines lays the Document out as lines of at most width display
// columns for reading on a terminal: the same document every renderer
// prints, with body text wrapped to width and tables drawn as the text
// export draws them (TextGrid), which may be wider than width. Text is
// measured as the terminal draws it (termsafe.RuneWidth), so “ ” and · take one
// column there, not two as in the text file.
func TextLines(d *Document, width int) []Line {
	if width < 8 {
		width = 8
	}
	wrapText := func(s string, w int) []string { return wrapWidth(s, w, termsafe.RuneWidth) }
	textWidth := termTextWidth
	var out []Line
	add := func(k LineKind, s string) { out = append(out, Line{Kind: k, Text: s}) }
	center := func(k LineKind, s string) {
		for _, l := range wrapText(s, width) {
			if w := textWidth(l); w < width {
				l = strings.Repeat(" ", (width-w)/2) + l
			}
			add(k, l)
		}
	}
	center(LineTitle, d.Title)
	if d.Draft {
		center(LineNote, d.DraftNote)
	}
	add(LineBlank, "")
	for _, b := range d.Body {
		switch b.Kind {
		case KindHeading:
			kind := LineHeading
			if b.Level == 0 {
				kind = LineSection
				add(LineBlank, "")
			}
			for _, l := range wrapText("　　"+b.Text, width) {
				add(kind, l)
			}
		case KindParagraph:
			for _, l := range wrapText("　　"+b.Text, width) {
				add(LineText, l)
			}
		case KindTable:
			if b.Table.Caption != "" {
				center(LineHeading, b.Table.Caption)
			}
			for _, l := range TextGrid(b.Table) {
				add(LineTable, l)
			}
		}
	}
	add(LineBlank, "")
	for _, s := range d.Signature {
		if w := textWidth(s); w < width {
			s = strings.Repeat(" ", width-w) + s
		}
		add(LineSignature, s)
	}
	return out
}

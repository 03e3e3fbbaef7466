package export

import (
	"bytes"
	"errors"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/width"

	"nianbao/termsafe"
)

// Text encodings of the .txt export.
const (
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
)

// textLineWidth is the display width of one line of body text: 28 CJK
// characters, as on the printed page. Paragraphs are broken at this width,
// so the file reads well with word wrap off, which the tables need.
const textLineWidth = 56

// textMaxWidth is the widest line of the file: wider tables break in
// Notepad's word wrap and run off a screen without it.
const textMaxWidth = 100

// textCellCap is the widest a text table column grows before its text wraps.
const textCellCap = 24

// TextHead is the first line of every .txt export: how to view it so the
// tables line up.
const TextHead = "【查看说明】请用记事本等打开，字体选「新宋体」等等宽中文字体，关闭「格式→自动换行」，表格即可对齐。"

// RenderText renders the document as plain text: UTF-8 with a byte order
// mark by default, GB18030 (no mark) when encoding is "gb18030"; lines end
// in CRLF; the first line says how to view the file; paragraphs are broken
// at 28 characters with a two-character indent; tables are drawn as
// aligned grids at most 100 columns wide, measured as a Chinese monospace
// font shows them (Chinese and East Asian ambiguous characters such as
// “ ” and · take two columns).
func RenderText(d *Document, encoding string) ([]byte, error) {
	lines := []string{TextHead, ""}
	center := func(s string) string {
		if w := textWidth(s); w < textLineWidth {
			return strings.Repeat(" ", (textLineWidth-w)/2) + s
		}
		return s
	}
	for _, l := range d.TitleLines {
		lines = append(lines, center(strings.Join(l, "")))
	}
	if len(d.TitleLines) == 0 {
		lines = append(lines, center(d.Title))
	}
	if d.Draft {
		for _, l := range wrapText(d.DraftNote, textLineWidth) {
			lines = append(lines, center(l))
		}
	}
	lines = append(lines, "")
	para := func(text string) {
		lines = append(lines, wrapText("　　"+text, textLineWidth)...)
	}
	for _, b := range d.Body {
		switch b.Kind {
		case KindHeading:
			if b.Level == 0 {
				lines = append(lines, "")
			}
			para(b.Text)
		case KindParagraph:
			para(b.Text)
		case KindTable:
			if b.Table.Caption != "" {
				lines = append(lines, center(b.Table.Caption))
			}
			lines = append(lines, TextGrid(b.Table)...)
		}
	}
	lines = append(lines, "")
	// GB/T 9704: the date four characters in from the right of the
	// 28-character line, the organ name centred over it.
	if n := len(d.Signature); n > 0 {
		dateW := textWidth(d.Signature[n-1])
		right := textLineWidth - 8 // where the date ends
		for i, s := range d.Signature {
			w := textWidth(s)
			end := right
			if i < n-1 {
				end = right - (dateW-w)/2
			}
			lines = append(lines, strings.Repeat(" ", max(0, end-w))+s)
		}
	}
	return encodeText(strings.Join(lines, "\r\n")+"\r\n", encoding)
}

// encodeText encodes text for a .txt file: UTF-8 with a byte order mark, or
// GB18030 without one.
func encodeText(out, encoding string) ([]byte, error) {
	switch strings.ToLower(strings.ReplaceAll(encoding, "-", "")) {
	case "", "utf8":
		return append([]byte("\uFEFF"), out...), nil
	case "gb18030":
		b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(out))
		if err != nil {
			return nil, errors.New("报告中有无法用 GB18030 编码的字符，请改用 UTF-8 编码导出文本文件")
		}
		return b, nil
	}
	return nil, errors.New("不认识的文本编码「" + encoding + "」，请选择 utf-8 或 gb18030")
}

// runeWidth is the display width of one character as a Chinese
// monospace font (新宋体 in Notepad, WPS) shows it: as on the terminal
// (termsafe.RuneWidth, which the screens and the preview measure with),
// except that East Asian ambiguous characters (“ ” · — ①) take two
// columns there, one on the terminal.
func runeWidth(r rune) int {
	w := termsafe.RuneWidth(r)
	if w == 1 && width.LookupRune(r).Kind() == width.EastAsianAmbiguous {
		return 2
	}
	return w
}

func textWidth(s string) int { return widthBy(s, runeWidth) }

func termTextWidth(s string) int { return widthBy(s, termsafe.RuneWidth) }

// widthBy is the width of s as rw measures each character.
func widthBy(s string, rw func(rune) int) int {
	w := 0
	for _, r := range s {
		w += rw(r)
	}
	return w
}

// latinWord reports whether r belongs to a number, a Latin word, an
// e-mail or a web address, which are not broken where they fit a line.
func latinWord(r rune) bool {
	return r < 0x7f && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || strings.ContainsRune(".@-_:/?=&#~+", r))
}

// noLineEnd are characters a Chinese line must not end with.
const noLineEnd = "（《「『“‘(["

// noLineStart are characters a Chinese line must not begin with.
const noLineStart = "，。、；：？！）》」』”’%．,.;:?!)"

// wrapText breaks s into lines no wider than w columns of a Chinese
// monospace font (runeWidth).
func wrapText(s string, w int) []string { return wrapWidth(s, w, runeWidth) }

// wrapWidth breaks s into lines no wider than w columns as rw measures
// them. A closing punctuation mark never starts a line: the character
// before it moves down with it; an opening mark never ends one. A number,
// Latin word or web address that fits on a line moves down whole; only a
// longer one is broken.
func wrapWidth(s string, w int, rw func(rune) int) []string {
	if w < 2 {
		w = 2
	}
	width := func(rs []rune) int {
		n := 0
		for _, r := range rs {
			n += rw(r)
		}
		return n
	}
	rs := []rune(s)
	var out []string
	var cur []rune
	cw := 0
	for i, r := range rs {
		if cw+rw(r) > w && cw > 0 {
			var carry []rune
			if strings.ContainsRune(noLineStart, r) && len(cur) > 1 {
				carry = []rune{cur[len(cur)-1]}
				cur = cur[:len(cur)-1]
			}
			// An opening mark never ends a line: it moves down too.
			if k := len(cur); k > 1 && strings.ContainsRune(noLineEnd, cur[k-1]) {
				carry = append([]rune{cur[k-1]}, carry...)
				cur = cur[:k-1]
			}
			// A word cut here moves down whole when all of it fits on
			// the next line.
			if latinWord(r) && len(carry) == 0 {
				k := len(cur)
				for k > 0 && latinWord(cur[k-1]) {
					k--
				}
				end := i
				for end < len(rs) && latinWord(rs[end]) {
					end++
				}
				if k > 0 && width(cur[k:])+width(rs[i:end]) <= w {
					carry = append([]rune(nil), cur[k:]...)
					cur = cur[:k]
				}
			}
			out = append(out, string(cur))
			cur = carry
			cw = width(carry)
		}
		cur = append(cur, r)
		cw += rw(r)
	}
	if cw > 0 || len(out) == 0 {
		out = append(out, string(cur))
	}
	return out
}

// TextGrid draws a table as lines of text with ASCII borders; merged cells
// are drawn merged and long labels wrap inside their cell. A table that
// cannot be drawn within textMaxWidth columns even with its labels wrapped
// (fifteen columns of large numbers) is drawn in parts side by side no
// more: each part repeats the row labels and holds a group of columns,
// split where a column header group ends (行政复议 | 行政诉讼).
func TextGrid(t *Table) []string {
	lines := textGridOne(t)
	if linesWidth(lines) <= textMaxWidth {
		return lines
	}
	a, b, ok := splitTextTable(t)
	if !ok {
		return lines
	}
	out := TextGrid(a)
	return append(append(out, ""), TextGrid(b)...)
}

func linesWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, textWidth(l))
	}
	return w
}

// splitTextTable cuts t's data columns in two, keeping the stub (the
// leading columns holding only row labels below the header) in both: at
// the header group edge nearest the middle, else at the middle.
func splitTextTable(t *Table) (*Table, *Table, bool) {
	g := t.Layout()
	stub := 0
	for c := 0; c < g.Width; c++ {
		all := true
		for r := t.HeaderRows; r < g.Height; r++ {
			if p, _, ok := g.At(r, c); ok && !p.Header {
				all = false
			}
		}
		if !all {
			break
		}
		stub = c + 1
	}
	if g.Width-stub < 2 {
		return nil, nil, false
	}
	mid := stub + (g.Width-stub)/2
	cut := -1
	for r := 0; r < t.HeaderRows && cut < 0; r++ {
		for _, p := range g.RowCells(r) {
			e := p.Col + p.Cols
			if e > stub && e < g.Width && (cut < 0 || abs(e-mid) < abs(cut-mid)) {
				cut = e
			}
		}
	}
	if cut < 0 {
		cut = mid
	}
	keep := func(from, to int) *Table {
		in := func(c int) bool { return c < stub || (c >= from && c < to) }
		part := &Table{Caption: t.Caption, HeaderRows: t.HeaderRows}
		for r := 0; r < g.Height; r++ {
			var row []Cell
			for _, p := range g.RowCells(r) {
				n := 0
				for c := p.Col; c < p.Col+p.Cols; c++ {
					if in(c) {
						n++
					}
				}
				if n > 0 {
					cell := p.Cell
					cell.ColSpan = n
					row = append(row, cell)
				}
			}
			part.Rows = append(part.Rows, row)
		}
		return part
	}
	return keep(stub, cut), keep(cut, g.Width), true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// textGridOne draws a table as one grid.
func textGridOne(t *Table) []string {
	g := t.Layout()
	if g.Width == 0 || g.Height == 0 {
		return nil
	}
	// Column headers give way first (法律服务机构 over 法律/服务/机构),
	// so the row labels keep their room; then fitTextColumns narrows.
	var widths []int
	for _, hdrCap := range []int{textCellCap, 8, 4} {
		widths = make([]int, g.Width)
		for i := range widths {
			widths[i] = 2
		}
		for _, p := range g.Cells {
			if p.Cols == 1 {
				w := min(textWidth(p.Text), textCellCap)
				if p.Row < t.HeaderRows {
					w = min(w, hdrCap)
				}
				widths[p.Col] = max(widths[p.Col], w)
			}
		}
		if textTableWidth(widths) <= textMaxWidth {
			break
		}
	}
	fitTextColumns(g, widths)
	// A table still too wide (表四's fifteen columns) drops the spaces
	// beside its borders.
	pad := 1
	if textTableWidth(widths) > textMaxWidth {
		pad = 0
	}
	step := 2*pad + 1            // border and padding per column
	span := func(c, n int) int { // inner width of n columns from c
		w := 0
		for i := c; i < c+n; i++ {
			w += widths[i]
		}
		return w + step*(n-1)
	}
	wrapped := make([][]string, len(g.Cells))
	for i, p := range g.Cells {
		wrapped[i] = wrapText(p.Text, span(p.Col, p.Cols))
	}
	heights := make([]int, g.Height)
	for i := range heights {
		heights[i] = 1
	}
	for rows := 1; rows <= g.Height; rows++ {
		for i, p := range g.Cells {
			if p.Rows != rows {
				continue
			}
			have := rows - 1
			for r := p.Row; r < p.Row+p.Rows; r++ {
				have += heights[r]
			}
			if need := len(wrapped[i]); need > have {
				heights[p.Row+p.Rows-1] += need - have
			}
		}
	}
	top := make([]int, g.Height+1)
	for r := 0; r < g.Height; r++ {
		top[r+1] = top[r] + heights[r] + 1
	}
	left := make([]int, g.Width+1)
	for c := 0; c < g.Width; c++ {
		left[c+1] = left[c] + widths[c] + step
	}
	// The canvas holds one rune per display column; -1 marks the second
	// half of a wide character.
	canvas := make([][]rune, top[g.Height]+1)
	for y := range canvas {
		line := make([]rune, left[g.Width]+1)
		border := false
		for _, ty := range top {
			if ty == y {
				border = true
			}
		}
		for x := range line {
			line[x] = ' '
			if border {
				line[x] = '-'
			}
		}
		for _, lx := range left {
			if border {
				line[lx] = '+'
			} else {
				line[lx] = '|'
			}
		}
		canvas[y] = line
	}
	for i, p := range g.Cells {
		y0, y1 := top[p.Row]+1, top[p.Row+p.Rows]-1
		x0, x1 := left[p.Col]+1, left[p.Col+p.Cols]-1
		for y := y0; y <= y1; y++ {
			for x := x0; x <= x1; x++ {
				canvas[y][x] = ' '
			}
		}
		inner := x1 - x0 + 1 - 2*pad
		for k, s := range wrapped[i] {
			x := x0 + pad
			switch p.Align {
			case AlignCenter:
				x += (inner - textWidth(s)) / 2
			case AlignRight:
				x += inner - textWidth(s)
			}
			for _, r := range s {
				canvas[y0+k][x] = r
				if runeWidth(r) == 2 {
					canvas[y0+k][x+1] = -1
				}
				x += runeWidth(r)
			}
		}
	}
	// Junctions that no longer join lines in some direction become plain
	// line characters.
	at := func(y, x int) rune {
		if y < 0 || y >= len(canvas) || x < 0 || x >= len(canvas[y]) {
			return ' '
		}
		return canvas[y][x]
	}
	for y := range canvas {
		for x := range canvas[y] {
			if canvas[y][x] != '+' {
				continue
			}
			vert := at(y-1, x) == '|' || at(y-1, x) == '+' || at(y+1, x) == '|' || at(y+1, x) == '+'
			horiz := at(y, x-1) == '-' || at(y, x-1) == '+' || at(y, x+1) == '-' || at(y, x+1) == '+'
			switch {
			case !vert && horiz:
				canvas[y][x] = '-'
			case vert && !horiz:
				canvas[y][x] = '|'
			}
		}
	}
	out := make([]string, len(canvas))
	for y, line := range canvas {
		var b bytes.Buffer
		for _, r := range line {
			if r >= 0 {
				b.WriteRune(r)
			}
		}
		out[y] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// fitTextColumns narrows the columns of a text table until the drawn table
// (each column plus three characters of border and padding) is at most
// textMaxWidth wide: the widest column loses a column at a time, down to
// what its widest number or Latin word needs and never below two Chinese
// characters, so row labels and headers wrap and numbers stay whole.
func fitTextColumns(g *Grid, widths []int) {
	floor := make([]int, len(widths))
	for i := range floor {
		floor[i] = 4
	}
	for _, p := range g.Cells {
		if p.Cols != 1 {
			continue
		}
		for _, word := range strings.FieldsFunc(p.Text, func(r rune) bool { return runeWidth(r) == 2 || r == ' ' }) {
			floor[p.Col] = max(floor[p.Col], min(textWidth(word), textCellCap))
		}
	}
	for textTableWidth(widths) > textMaxWidth {
		widest := -1
		for i, w := range widths {
			if w > floor[i] && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return
		}
		widths[widest]--
	}
}

// textTableWidth is the drawn width of a text table with these columns.
func textTableWidth(widths []int) int { return textTableWidthPad(widths, 1) }

// textTableWidthPad is the same with pad spaces beside each border.
func textTableWidthPad(widths []int, pad int) int {
	t := 1
	for _, w := range widths {
		t += w + 1 + 2*pad
	}
	return t
}

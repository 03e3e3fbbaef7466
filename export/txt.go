package export

import (
	"bytes"
	"errors"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Text encodings of the .txt export.
const (
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
)

// textLineWidth is the display width of one line of body text: 28 CJK
// characters, as on the printed page.
const textLineWidth = 56

// textCellCap is the widest a text table column grows before its text wraps.
const textCellCap = 24

// RenderText renders the document as plain text: UTF-8 with a byte order
// mark by default, GB18030 (no mark) when encoding is "gb18030"; lines end
// in CRLF; tables are drawn as aligned grids measured in display width (a
// Chinese character takes two columns).
func RenderText(d *Document, encoding string) ([]byte, error) {
	var lines []string
	center := func(s string) string {
		if w := textWidth(s); w < textLineWidth {
			return strings.Repeat(" ", (textLineWidth-w)/2) + s
		}
		return s
	}
	lines = append(lines, center(d.Title))
	if d.Draft {
		lines = append(lines, center(d.DraftNote))
	}
	lines = append(lines, "")
	for _, b := range d.Body {
		switch b.Kind {
		case KindHeading:
			if b.Level == 0 {
				lines = append(lines, "")
			}
			lines = append(lines, "　　"+b.Text)
		case KindParagraph:
			lines = append(lines, "　　"+b.Text)
		case KindTable:
			if b.Table.Caption != "" {
				lines = append(lines, center(b.Table.Caption))
			}
			lines = append(lines, TextGrid(b.Table)...)
		}
	}
	lines = append(lines, "")
	for _, s := range d.Signature {
		if w := textWidth(s); w < textLineWidth {
			s = strings.Repeat(" ", textLineWidth-w) + s
		}
		lines = append(lines, s)
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

// runeWidth is the display width of one character: two columns for
// Chinese characters, one for East Asian ambiguous ones such as “ ” and ·
// (the project's convention, RUNEWIDTH_EASTASIAN=0).
func runeWidth(r rune) int { return ansi.StringWidth(string(r)) }

func textWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// noLineStart are characters a Chinese line must not begin with.
const noLineStart = "，。、；：？！）》」』”’%．,.;:?!)"

// wrapText breaks s into lines no wider than w display columns. A closing
// punctuation mark never starts a line: the character before it moves down
// with it.
func wrapText(s string, w int) []string {
	if w < 2 {
		w = 2
	}
	var out []string
	var cur []rune
	cw := 0
	for _, r := range s {
		rw := runeWidth(r)
		if cw+rw > w && cw > 0 {
			var carry []rune
			if strings.ContainsRune(noLineStart, r) && len(cur) > 1 {
				carry = []rune{cur[len(cur)-1]}
				cur = cur[:len(cur)-1]
			}
			out = append(out, string(cur))
			cur = carry
			cw = 0
			for _, c := range carry {
				cw += runeWidth(c)
			}
		}
		cur = append(cur, r)
		cw += rw
	}
	if cw > 0 || len(out) == 0 {
		out = append(out, string(cur))
	}
	return out
}

// TextGrid draws a table as lines of text with ASCII borders; merged cells
// are drawn merged and long labels wrap inside their cell.
func TextGrid(t *Table) []string {
	g := t.Layout()
	if g.Width == 0 || g.Height == 0 {
		return nil
	}
	widths := make([]int, g.Width)
	for i := range widths {
		widths[i] = 2
	}
	for _, p := range g.Cells {
		if p.Cols == 1 {
			w := textWidth(p.Text)
			if w > textCellCap {
				w = textCellCap
			}
			if w > widths[p.Col] {
				widths[p.Col] = w
			}
		}
	}
	span := func(c, n int) int { // inner width of n columns from c
		w := 0
		for i := c; i < c+n; i++ {
			w += widths[i]
		}
		return w + 3*(n-1)
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
		left[c+1] = left[c] + widths[c] + 3
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
		inner := x1 - x0 - 1
		for k, s := range wrapped[i] {
			x := x0 + 1
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

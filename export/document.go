// Package export turns one organ-year into a neutral Document (headings,
// paragraphs, tables with spans) and renders it as docx, html, xlsx, txt, md
// and pdf; it also writes files safely to removable media.
package export

import (
	"strings"

	"nianbao/model"
)

// Align is the horizontal alignment of a paragraph or a cell.
type Align int

const (
	// AlignJustify is body text: justified with a first-line indent.
	AlignJustify Align = iota
	AlignLeft
	AlignCenter
	AlignRight
	// AlignRagged is body text with its first-line indent but not
	// justified: a paragraph holding a long unbreakable run (an e-mail
	// address, a web address) would otherwise have the line before it
	// spread letter by letter.
	AlignRagged
)

// BlockKind says what a Document block is.
type BlockKind int

const (
	KindHeading BlockKind = iota
	KindParagraph
	KindTable
)

// Block is one heading, paragraph or table of the document body.
type Block struct {
	Kind BlockKind
	// Level of a heading: 0 is a section title (一、, 黑体), 1 is （一）(楷体),
	// 2 is 1. (仿宋).
	Level int
	Text  string
	Align Align
	Table *Table
}

// Document is the report in a renderer-neutral form. Every renderer reads
// only this.
type Document struct {
	Title string
	// TitleLines is the title as printed: one entry per line, each line a
	// list of words it may break between (the organ name first, then
	// 「2021年政府信息公开工作年度报告」), so no renderer breaks the title
	// inside a word.
	TitleLines [][]string
	// Draft marks a report that has not passed the checks; DraftNote is the
	// sentence printed under the title.
	Draft     bool
	DraftNote string
	Organ     string
	Year      int
	Body      []Block
	// Signature lines (organ name, date in Chinese form) at the end: the
	// date four characters in from the right margin, the organ name
	// centred over the date (GB/T 9704-2012 7.3.5.1).
	Signature []string
	// Date is the report's date (成文日期), which the files' metadata give
	// as their creation date: meaningful to the recipient, and the same
	// for every export of the same report, so equal documents still give
	// equal bytes.
	Date model.Date
}

// TitleText is the title with its lines joined, as one string.
func (d *Document) TitleText() string {
	var b strings.Builder
	for _, l := range d.TitleLines {
		b.WriteString(strings.Join(l, ""))
	}
	if b.Len() == 0 {
		return d.Title
	}
	return b.String()
}

// Text is every character the document prints, in reading order, one
// block a line: what a rendering (a PDF) must hold in full.
func (d *Document) Text() string {
	var b strings.Builder
	b.WriteString(d.TitleText() + "\n")
	if d.Draft {
		b.WriteString(d.DraftNote + "\n")
	}
	for _, blk := range d.Body {
		switch blk.Kind {
		case KindTable:
			if blk.Table.Caption != "" {
				b.WriteString(blk.Table.Caption + "\n")
			}
			for _, row := range blk.Table.Rows {
				for _, c := range row {
					b.WriteString(c.Text + "\n")
				}
			}
		default:
			b.WriteString(blk.Text + "\n")
		}
	}
	for _, s := range d.Signature {
		b.WriteString(s + "\n")
	}
	return b.String()
}

// Cell is one cell of a Table, listed in HTML semantics: each row lists its
// cells left to right, skipping grid positions covered by a span from a row
// above.
type Cell struct {
	Text    string
	RowSpan int
	ColSpan int
	Header  bool
	Align   Align
	// Numeric cells also carry their value for spreadsheets: Num in the
	// printed unit and NumFormat, an Excel number format that prints it as
	// Text does (+3, 130万元).
	Numeric   bool
	Num       float64
	NumFormat string
}

func (c Cell) rowSpan() int {
	if c.RowSpan < 1 {
		return 1
	}
	return c.RowSpan
}

func (c Cell) colSpan() int {
	if c.ColSpan < 1 {
		return 1
	}
	return c.ColSpan
}

// Table is a table of the document. HeaderRows counts the leading rows that
// repeat on every page.
type Table struct {
	Caption    string
	Rows       [][]Cell
	HeaderRows int
}

// Placed is a cell with its resolved grid position.
type Placed struct {
	Cell
	Row, Col int
	// Span sizes, always at least 1.
	Rows, Cols int
}

// Grid is a table with every span resolved: Cells lists the cells in reading
// order, and Owner maps each grid position to the index of the cell that
// covers it (-1 for a hole, which a well-formed table does not have).
type Grid struct {
	Height, Width int
	Cells         []Placed
	Owner         [][]int
	// RowStart[i] is the index in Cells of the first cell that starts in
	// grid row i.
	RowStart []int
}

// At returns the cell covering (r, c) and whether (r, c) is its top-left
// corner.
func (g *Grid) At(r, c int) (Placed, bool, bool) {
	if r < 0 || r >= g.Height || c < 0 || c >= g.Width || g.Owner[r][c] < 0 {
		return Placed{}, false, false
	}
	p := g.Cells[g.Owner[r][c]]
	return p, p.Row == r && p.Col == c, true
}

// RowCells lists the cells that start in grid row r.
func (g *Grid) RowCells(r int) []Placed {
	end := len(g.Cells)
	if r+1 < len(g.RowStart) {
		end = g.RowStart[r+1]
	}
	return g.Cells[g.RowStart[r]:end]
}

// Layout resolves the spans of t into grid positions. It is the one place
// span arithmetic happens; every renderer uses it.
func (t *Table) Layout() *Grid {
	type pos struct{ r, c int }
	occupied := map[pos]bool{}
	g := &Grid{Height: len(t.Rows)}
	for r, row := range t.Rows {
		g.RowStart = append(g.RowStart, len(g.Cells))
		c := 0
		for _, cell := range row {
			for occupied[pos{r, c}] {
				c++
			}
			p := Placed{Cell: cell, Row: r, Col: c, Rows: cell.rowSpan(), Cols: cell.colSpan()}
			for dr := 0; dr < p.Rows; dr++ {
				for dc := 0; dc < p.Cols; dc++ {
					occupied[pos{r + dr, c + dc}] = true
				}
			}
			if r+p.Rows > g.Height {
				g.Height = r + p.Rows
			}
			if c+p.Cols > g.Width {
				g.Width = c + p.Cols
			}
			g.Cells = append(g.Cells, p)
			c += p.Cols
		}
	}
	for len(g.RowStart) < g.Height {
		g.RowStart = append(g.RowStart, len(g.Cells))
	}
	g.Owner = make([][]int, g.Height)
	for r := range g.Owner {
		g.Owner[r] = make([]int, g.Width)
		for c := range g.Owner[r] {
			g.Owner[r][c] = -1
		}
	}
	for i, p := range g.Cells {
		for dr := 0; dr < p.Rows; dr++ {
			for dc := 0; dc < p.Cols; dc++ {
				g.Owner[p.Row+dr][p.Col+dc] = i
			}
		}
	}
	return g
}

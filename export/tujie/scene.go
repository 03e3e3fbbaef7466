package tujie

import (
	"strconv"
	"strings"

	"nianbao/model"
)

// Geometry of the page in CSS pixels: A4 width is about 750 px at 96 dpi;
// the content sits inside a margin of 24 px.
const (
	PageWidth    = 750
	PageMargin   = 24
	ContentWidth = PageWidth - 2*PageMargin
)

// Fill is how a rectangle is painted. Every fill reads in black and white:
// solid dark, hatched, or light grey, and every bar also has its number
// printed beside it.
type Fill int

const (
	FillNone  Fill = iota
	FillMain       // this year's bars: solid dark blue
	FillSub        // a breakdown bar (其中): lighter solid
	FillHatch      // last year's bars: diagonal hatching
	FillBand       // the title band
	FillTile       // a key figure tile / table header: light grey
)

// Colours of the fills and text, as #rrggbb.
const (
	colMain   = "#1f4e79"
	colSub    = "#7fa3c6"
	colHatch  = "#555555"
	colBand   = "#1f4e79"
	colTile   = "#eef2f6"
	colText   = "#1a1a1a"
	colMuted  = "#555555"
	colOnBand = "#ffffff"
	colRule   = "#9aa5b1"
)

// Anchor is a text's horizontal alignment at its X.
type Anchor int

const (
	Start Anchor = iota
	Middle
	End
)

// Item is one drawing primitive: a rectangle (W, H > 0), a text (Text not
// empty, Y is its baseline), or a line from (X, Y) to (X2, Y2).
type Item struct {
	X, Y, W, H float64
	X2, Y2     float64
	Line       bool
	Fill       Fill
	Stroke     bool // outline a rectangle

	Text   string
	Size   float64
	Bold   bool
	Anchor Anchor
	Color  string
	// Value marks a printed figure and Cells/Source say where it comes
	// from, for the check that every figure equals the tables.
	Value  bool
	Cells  []model.CellAddress
	Source string
	Last   bool
}

// Scene is a list of items in a W × H box.
type Scene struct {
	W, H  float64
	Items []Item
}

func (s *Scene) rect(x, y, w, h float64, f Fill, stroke bool) {
	s.Items = append(s.Items, Item{X: x, Y: y, W: w, H: h, Fill: f, Stroke: stroke})
}

func (s *Scene) text(x, y float64, text string, size float64, a Anchor, color string, bold bool) *Item {
	s.Items = append(s.Items, Item{X: x, Y: y, Text: text, Size: size, Anchor: a, Color: color, Bold: bold})
	return &s.Items[len(s.Items)-1]
}

func (s *Scene) value(x, y float64, v Value, size float64, a Anchor, color string, bold bool) {
	it := s.text(x, y, v.Text, size, a, color, bold)
	it.Value = true
	it.Cells = v.Cells
	it.Source = v.Source
	it.Last = v.Last
}

func (s *Scene) line(x, y, x2, y2 float64) {
	s.Items = append(s.Items, Item{X: x, Y: y, X2: x2, Y2: y2, Line: true})
}

// TextWidth estimates the width of s at size px as a CJK font draws it:
// full-width characters one em, ASCII about half. Layout uses it to wrap
// and place text; the PNG renderer measures with the real font.
func TextWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ':
			w += 0.3
		case r == '%':
			w += 0.85
		case r == '.' || r == ',' || r == ':':
			w += 0.3
		case r < 0x80:
			w += 0.58
		default:
			w += 1
		}
	}
	return w * size
}

// Wrap breaks s into lines no wider than width at size, at any character
// (Chinese has no spaces), never leaving a closing mark at a line start.
func Wrap(s string, size, width float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	var cur strings.Builder
	w := 0.0
	for _, r := range s {
		rw := TextWidth(string(r), size)
		if w+rw > width && cur.Len() > 0 && !strings.ContainsRune("，。、；：）」”%", r) {
			lines = append(lines, cur.String())
			cur.Reset()
			w = 0
		}
		cur.WriteRune(r)
		w += rw
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}

// Chart geometry.
const (
	labelSize   = 13.0
	valueSize   = 13.0
	groupSize   = 14.0
	barH        = 18.0
	barGap      = 8.0
	pairBarH    = 13.0
	labelW      = 230.0
	valueRoom   = 150.0
	lineH       = 17.0
	groupTitleH = 26.0
)

// ChartScene lays out a chart: per group an optional title, then per bar
// its label (wrapped in the label column), the bar scaled to the group's
// largest value and the number printed at the bar's end. A year-over-year
// bar draws this year solid above last year hatched, each with its number,
// and the change after them. Signed groups print the value alone.
func ChartScene(c Chart) Scene {
	s := Scene{W: ContentWidth}
	y := 0.0
	barX := labelW + 10
	barMax := ContentWidth - barX - valueRoom
	if len(c.Legend) == 2 {
		x := barX
		s.rect(x, y+3, 16, 12, FillMain, true)
		s.text(x+22, y+14, c.Legend[0], labelSize, Start, colText, false)
		x += 40 + TextWidth(c.Legend[0], labelSize)
		s.rect(x, y+3, 16, 12, FillHatch, true)
		s.text(x+22, y+14, c.Legend[1], labelSize, Start, colText, false)
		y += 26
	}
	maxOf := map[string]int64{}
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			maxOf[g.Scale] = max64(maxOf[g.Scale], abs64(b.Value.N))
			if b.Prev != nil {
				maxOf[g.Scale] = max64(maxOf[g.Scale], abs64(b.Prev.N))
			}
		}
	}
	for _, g := range c.Groups {
		if len(g.Bars) == 0 {
			continue
		}
		if g.Title != "" {
			s.text(0, y+18, g.Title, groupSize, Start, colText, true)
			if g.Total != nil {
				s.value(TextWidth(g.Title, groupSize)+8, y+18, *g.Total, groupSize, Start, colText, true)
			}
			y += groupTitleH
		}
		if g.Brief {
			continue
		}
		max := maxOf[g.Scale]
		scale := func(n int64) float64 {
			if max == 0 || n <= 0 {
				return 0
			}
			w := float64(n) / float64(max) * barMax
			if w < 2 {
				w = 2
			}
			return w
		}
		for _, b := range g.Bars {
			lx, size, lw := 0.0, labelSize, labelW
			color := colText
			if b.Sub {
				lx, color = 16, colMuted
				lw -= 16
			}
			lines := Wrap(b.Label, size, lw)
			rowH := barH
			if b.Prev != nil {
				rowH = 2*pairBarH + 2
			}
			textH := float64(len(lines)) * lineH
			if textH > rowH {
				rowH = textH
			}
			ty := y + (rowH-textH)/2
			for i, l := range lines {
				s.text(lx, ty+float64(i+1)*lineH-4, l, size, Start, color, false)
			}
			switch {
			case b.Signed:
				s.value(barX+6, y+rowH/2+5, b.Value, valueSize, Start, colText, true)
			case b.Prev != nil:
				by := y + (rowH-2*pairBarH-2)/2
				w := scale(b.Value.N)
				s.rect(barX, by, w, pairBarH, FillMain, false)
				s.value(barX+w+6, by+pairBarH-2, b.Value, 12, Start, colText, true)
				pw := scale(b.Prev.N)
				if pw > 0 {
					s.rect(barX, by+pairBarH+2, pw, pairBarH, FillHatch, true)
				}
				s.value(barX+pw+6, by+2*pairBarH, *b.Prev, 12, Start, colMuted, false)
				s.text(ContentWidth, y+rowH/2+5, b.Change, valueSize, End, colText, true)
			default:
				fill := FillMain
				if b.Sub {
					fill = FillSub
				}
				by := y + (rowH-barH)/2
				w := scale(b.Value.N)
				if w > 0 {
					s.rect(barX, by, w, barH, fill, false)
				}
				s.value(barX+w+6, by+barH-4, b.Value, valueSize, Start, colText, true)
			}
			y += rowH + barGap
		}
		y += 6
	}
	s.H = y
	return s
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// BandScene lays out the title band: the organ, the year's title, and the
// key figures as tiles, each with last year's figure and the change when
// last year is in the database.
func BandScene(p *Page) Scene {
	s := Scene{W: ContentWidth}
	s.rect(0, 0, ContentWidth, 96, FillBand, false)
	s.text(24, 36, p.Organ, 20, Start, colOnBand, false)
	s.text(24, 74, yearTitle(p.Year), 26, Start, colOnBand, true)
	s.text(ContentWidth-24, 74, "图解", 26, End, colOnBand, true)
	if p.Draft {
		s.text(ContentWidth-24, 36, "草稿", 18, End, colOnBand, true)
	}
	y := 108.0
	n := len(p.Figures)
	if n == 0 {
		s.H = 96
		return s
	}
	gap := 10.0
	w := (ContentWidth - gap*float64(n-1)) / float64(n)
	h := 92.0
	if p.PrevYear != 0 {
		h = 112
	}
	for i, f := range p.Figures {
		x := float64(i) * (w + gap)
		s.rect(x, y, w, h, FillTile, true)
		size := 28.0
		for size > 16 && TextWidth(f.Value.Text, size) > w-12 {
			size -= 2
		}
		s.value(x+w/2, y+42, f.Value, size, Middle, colMain, true)
		s.text(x+w/2, y+68, f.Label, 14, Middle, colText, false)
		if f.Prev != nil {
			it := Item{X: x + w/2, Y: y + 94, Text: "上年" + f.Prev.Text + " " + f.Change, Size: 12, Anchor: Middle, Color: colMuted}
			for it.Size > 9 && TextWidth(it.Text, it.Size) > w-8 {
				it.Size--
			}
			s.Items = append(s.Items, it)
		}
	}
	s.H = y + h
	return s
}

func yearTitle(year int) string {
	return strconv.Itoa(year) + "年政府信息公开工作年度报告"
}

// DataTable is the table printed after a chart: the same numbers as the
// chart, in rows, for screen readers and for a reviewer who checks.
type DataTable struct {
	Head []string
	Rows []DataRow
}

// DataRow is one row; Values align with the table's columns after the
// first (the label).
type DataRow struct {
	Label  string
	Sub    bool
	Values []Value
	Extra  string // the change column of a year-over-year table
}

// TableOf builds the data table of a chart from its groups.
func TableOf(c Chart) DataTable {
	t := DataTable{Head: []string{"项目", "数值"}}
	if len(c.Legend) == 2 {
		t.Head = []string{"项目", c.Legend[0], c.Legend[1], "变化"}
	}
	for _, g := range c.Groups {
		for _, b := range g.Bars {
			label := b.Label
			if g.Title != "" && len(c.Groups) > 1 {
				label = g.Title + " · " + label
			}
			row := DataRow{Label: label, Sub: b.Sub, Values: []Value{b.Value}}
			if b.Prev != nil {
				row.Values = append(row.Values, *b.Prev)
				row.Extra = b.Change
			}
			t.Rows = append(t.Rows, row)
		}
		if g.Total != nil {
			t.Rows = append(t.Rows, DataRow{Label: g.Title + " · 合计", Values: []Value{*g.Total}})
		}
	}
	return t
}

// TableScene draws a data table for the PNG: a header row on grey, then a
// row per line with the label wrapped in the first column.
func TableScene(t DataTable) Scene {
	s := Scene{W: ContentWidth}
	cols := len(t.Head)
	first := ContentWidth * 0.55
	if cols > 2 {
		first = ContentWidth * 0.46
	}
	rest := (ContentWidth - first) / float64(cols-1)
	colX := func(i int) float64 {
		if i == 0 {
			return 0
		}
		return first + float64(i-1)*rest
	}
	colW := func(i int) float64 {
		if i == 0 {
			return first
		}
		return rest
	}
	const size, rowH, pad = 12.0, 24.0, 8.0
	y := 0.0
	s.rect(0, y, ContentWidth, rowH, FillTile, true)
	for i, h := range t.Head {
		if i == 0 {
			s.text(pad, y+16, h, size, Start, colText, true)
		} else {
			s.text(colX(i)+colW(i)/2, y+16, h, size, Middle, colText, true)
		}
	}
	y += rowH
	for _, r := range t.Rows {
		indent := 0.0
		if r.Sub {
			indent = 14
		}
		lines := Wrap(r.Label, size, first-2*pad-indent)
		h := rowH
		if lh := float64(len(lines))*16 + 8; lh > h {
			h = lh
		}
		s.rect(0, y, ContentWidth, h, FillNone, true)
		for i, l := range lines {
			s.text(pad+indent, y+16+float64(i)*16, l, size, Start, colText, false)
		}
		for i, v := range r.Values {
			s.value(colX(i+1)+colW(i+1)/2, y+h/2+4, v, size, Middle, colText, false)
		}
		if r.Extra != "" {
			s.text(colX(cols-1)+colW(cols-1)/2, y+h/2+4, r.Extra, size, Middle, colText, false)
		}
		y += h
	}
	for i := 1; i < cols; i++ {
		s.line(colX(i), 0, colX(i), y)
	}
	s.H = y
	return s
}

// MeasuresScene draws the measures as a numbered list with each status in
// a box at the right.
func MeasuresScene(ms []MeasureLine) Scene {
	s := Scene{W: ContentWidth}
	y := 0.0
	const size = 13.0
	for i, m := range ms {
		lines := Wrap(strconv.Itoa(i+1)+". "+m.Text, size, ContentWidth-90)
		h := float64(len(lines))*19 + 8
		for j, l := range lines {
			s.text(0, y+18+float64(j)*19, l, size, Start, colText, false)
		}
		st := m.Status.Label()
		fill := FillNone
		if m.Status == model.MeasureDone {
			fill = FillTile
		}
		s.rect(ContentWidth-70, y+3, 70, 22, fill, true)
		s.text(ContentWidth-35, y+19, st, 12, Middle, colText, m.Status == model.MeasureDone)
		y += h
	}
	s.H = y
	return s
}

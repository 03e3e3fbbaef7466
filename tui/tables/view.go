package tables

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/components"
	"nianbao/tui/text"
)

const infoLines = 3

// textHeight is the height given to the section's text above the tables.
func (m *Model) textHeight(height int) int {
	if m.zone == zoneText {
		return max(6, height/2)
	}
	return min(4, max(0, height-infoLines-6))
}

// settle fits the grid to the screen's size in Update: the column offset,
// the scroll, the cache of the rows in view, the cell input's scroll and
// the cursor, so that View only draws.
func (m *Model) settle() {
	w, h := m.size.Width, m.size.Height
	if w <= 0 {
		// Not yet told its size (a screen driven on its own): settle
		// for the smallest terminal the workstation is made for.
		w, h = 80, 22
	}
	m.curX, m.curY = -1, -1
	th := m.textHeight(h)
	_, cy, cx := m.tablesView(w, max(1, h-th-infoLines), true)
	if m.zone == zoneTables && m.editing && cy >= 0 {
		m.curX, m.curY = cx, th+cy
	}
}

// View implements common.Screen: it only draws, at the scroll Update
// settled.
func (m *Model) View(width, height int) string {
	th := m.textHeight(height)
	var parts []string
	if th > 0 {
		parts = append(parts, components.Block(m.text.View(width, th), width, th))
	}
	tableH := max(1, height-th-infoLines)
	tables, _, _ := m.tablesView(width, tableH, false)
	parts = append(parts, tables, m.infoView(width))
	return components.Block(strings.Join(parts, "\n"), width, height)
}

// stubWidth is the width of the row labels of a table, full or abbreviated.
func stubWidth(d *dtable, short bool) int {
	w := 0
	for _, r := range d.rows {
		l := r.label
		if short {
			l = abbreviate(l)
		}
		w = max(w, r.depth*2+components.StringWidth(l)+1)
	}
	return w
}

// tablesView draws every table of the section; it returns the lines and the
// cursor cell's line and column (for the input cursor), -1 when off screen.
// With settle (in Update) it scrolls: the column offset, the first line
// shown and the cell input, and it caches the rows it draws; without, it
// draws at the settled scroll and writes nothing.
func (m *Model) tablesView(width, height int, settle bool) (string, int, int) {
	st := m.c.Styles
	var lines []string
	curLine, curCol := -1, -1
	capLine := 0
	var sticky []string // the cursor table's header lines
	var version uint64
	if m.c.Snap != nil {
		version = m.c.Snap.Version()
	}
	cache := m.drawn.rows
	if k := (drawnKey{version, m.valsGen, width, m.colOff, m.cur.t, m.zone}); k != m.drawn.key || cache == nil {
		cache = map[[2]int]string{}
		if settle {
			m.drawn.key, m.drawn.rows = k, cache
		}
	}
	colOff, top := m.colOff, m.top
	for ti, d := range m.tables {
		isCur := ti == m.cur.t
		if isCur {
			capLine = len(lines)
		}
		caption := st.Heading.Render(d.name)
		if !m.typed(d.t) {
			caption += "  " + st.Computed.Render(text.GridFromLogTag)
		}
		lines = append(lines, components.Fit(caption, width))
		n := len(d.labels)
		stub := stubWidth(d, false)
		short := false
		if stub+n*d.colW > width {
			stub, short = stubWidth(d, true), true
		}
		if stub+n*d.colW > width {
			stub = min(stub, max(14, width-n*d.colW))
		}
		fit := max(1, (width-stub)/d.colW)
		off := 0
		if isCur && fit < n {
			if colOff > m.cur.c {
				colOff = m.cur.c
			}
			if m.cur.c >= colOff+fit {
				colOff = m.cur.c - fit + 1
			}
			colOff = max(0, min(colOff, n-fit))
			off = colOff
		}
		end := min(n, off+fit)
		left, right := " ", " "
		if off > 0 {
			left = "◂"
		}
		if end < n {
			right = "▸"
		}
		h1 := components.Fit(left, stub)
		h2 := components.Fit("", stub)
		for ci := off; ci < end; ci++ {
			a, b := header(d.labels[ci], d.colW-1)
			h1 += components.FitRight(a, d.colW-1) + " "
			h2 += components.FitRight(b, d.colW-1) + " "
		}
		if end < n {
			h1 += right
		}
		hl := []string{st.Label.Render(components.Fit(h1, width)), st.Label.Render(components.Fit(h2, width))}
		if isCur {
			sticky = hl
		}
		lines = append(lines, hl...)
		for ri, r := range d.rows {
			text := r.label
			if short {
				text = abbreviate(text)
			}
			label := strings.Repeat(" ", r.depth*2) + text
			if r.group {
				lines = append(lines, st.Muted.Render(components.Fit(label, width)))
				continue
			}
			rowCur := isCur && ri == m.cur.r && m.zone == zoneTables
			if !rowCur {
				if l, ok := cache[[2]int{ti, ri}]; ok {
					lines = append(lines, l)
					continue
				}
			}
			lab := components.Fit(label, stub)
			if rowCur {
				lab = st.Heading.Render(lab)
			}
			line := lab
			x := stub
			for ci := off; ci < end; ci++ {
				a := r.cells[ci]
				cellCur := rowCur && ci == m.cur.c
				if cellCur && m.editing {
					if settle {
						m.in.Scroll(d.colW - 1)
					}
					view := m.in.Draw(d.colW - 1)
					curLine, curCol = len(lines), x+m.in.CursorX()
					line += st.Focused.Render(view) + " "
				} else {
					line += m.cellView(a, d.colW-1, cellCur) + " "
				}
				x += d.colW
			}
			line = components.Fit(line, width)
			if !rowCur && settle {
				cache[[2]int{ti, ri}] = line
			}
			lines = append(lines, line)
		}
		lines = append(lines, "")
	}
	// Scroll: keep the cursor row (and when possible its caption) visible.
	rowLine := m.cursorLine()
	if rowLine < top {
		top = max(0, min(capLine, rowLine))
	}
	if rowLine >= top+height {
		top = rowLine - height + 1
	}
	if m.cur.t == 0 && rowLine < height {
		top = 0
	}
	top = max(0, min(top, max(0, len(lines)-height)))
	// When the cursor table's header has scrolled away, draw it on top of
	// the first two visible lines, keeping the cursor row below it.
	if top > capLine+1 && height > 4 {
		if rowLine < top+2 {
			top = rowLine - 2
		}
		if top > capLine+1 {
			vis := append([]string(nil), lines[top:]...)
			copy(vis, sticky)
			lines = append(lines[:top:top], vis...)
		}
	}
	if curLine >= 0 {
		curLine -= top
		if curLine < 0 || curLine >= height {
			curLine = -1
		}
	}
	if settle {
		m.colOff, m.top = colOff, top
	}
	return components.Block(strings.Join(lines[top:], "\n"), width, height), curLine, curCol
}

// cursorLine is the line of the cursor row in tablesView's layout.
func (m *Model) cursorLine() int {
	n := 0
	for ti, d := range m.tables {
		if ti == m.cur.t {
			return n + 3 + m.cur.r
		}
		n += 3 + len(d.rows) + 1
	}
	return 0
}

// cellView draws one cell: the value right-aligned, marked when a rule
// finds fault with it.
func (m *Model) cellView(a model.CellAddress, w int, selected bool) string {
	st := m.c.Styles
	_, _, col, _ := m.c.Format().Cell(a)
	cell := model.FormatCell(col, m.vals[a])
	mark := ""
	style := st.Normal
	if !m.Editable(a) {
		style = st.Computed
	}
	if m.Blank(a) {
		// Never entered: 未填, not 0; a total waits for its parts.
		cell, style = text.GridBlank, st.Muted
		if !m.Editable(a) {
			cell = text.GridTotalBlank
		}
	}
	errs, warns := 0, 0
	for _, f := range m.c.FindingsAt(a) {
		if f.Severity == model.Error {
			errs++
		} else if !f.Acked {
			warns++
		}
	}
	switch {
	case errs > 0:
		mark, style = text.MarkError, st.Error
	case warns > 0:
		mark, style = text.MarkWarning, st.Warning
	}
	s := components.FitRight(mark+cell, w)
	if selected {
		return st.Selected.Render(s)
	}
	return style.Render(s)
}

// infoView names the cell under the cursor and shows its findings, the
// refusal of bad input, or why the cell cannot be typed.
func (m *Model) infoView(width int) string {
	st := m.c.Styles
	var lines []string
	a := m.Addr()
	f := m.c.Format()
	if !a.IsZero() && f != nil {
		place := f.Place(a)
		_, _, col, _ := f.Cell(a)
		switch {
		case col.Kind == model.KindDelta && m.Editable(a):
			place += "  " + st.Muted.Render(text.GridDeltaHint)
		case col.Kind == model.KindMoney && m.Editable(a):
			place += "  " + st.Muted.Render(strings.Replace(text.GridUnit, "%s", col.Unit, 1))
		}
		lines = append(lines, components.Fit(place, width))
	}
	if m.err != "" {
		lines = append(lines, components.Wrap(st.Error.Render("✗ ")+m.err, width)...)
	}
	if !a.IsZero() && m.Blank(a) && !m.editing {
		why := text.GridBlankNote
		if !m.Editable(a) {
			why = text.GridTotalBlankNote
		}
		lines = append(lines, components.Wrap(st.Muted.Render(why), width)...)
	}
	if m.note != "" {
		lines = append(lines, st.Muted.Render(components.Fit(m.note, width)))
	}
	for _, fd := range m.c.FindingsAt(a) {
		s := fd.Severity.Label() + " " + fd.Message
		if fd.Acked {
			s = text.MarkAcked + " " + s
		}
		style := st.Warning
		if fd.Severity == model.Error {
			style = st.Error
		}
		for _, l := range components.Wrap(s, width) {
			lines = append(lines, style.Render(l))
		}
	}
	if len(m.tables) > 0 && !m.typed(m.tables[m.cur.t].t) && len(lines) < infoLines {
		lines = append(lines, components.Wrap(st.Muted.Render(text.GridComputedNote), width)...)
	}
	if len(lines) > infoLines {
		lines = lines[:infoLines]
	}
	return components.Block(strings.Join(lines, "\n"), width, infoLines)
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor {
	if m.zone == zoneText {
		c := m.text.Cursor()
		return c
	}
	if !m.editing || m.curX < 0 || m.curY < 0 {
		return nil
	}
	return tea.NewCursor(m.curX, m.curY)
}

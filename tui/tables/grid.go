// Package tables is the table editor of sections 二, 三 and 四: arrows and Tab
// move between cells, numbers are parsed by the column's kind (counts,
// signed 本年增/减, money in its unit; full-width digits accepted), invalid
// input is refused in place with the old value kept, totals are computed,
// and cells that break a rule are marked with the finding shown under the
// table. The section's short text sits above the tables.
package tables

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/narrative"
	"nianbao/tui/text"
)

type zone int

const (
	zoneTables zone = iota
	zoneText
)

// pos is a cursor: table, drawn row, display column.
type pos struct{ t, r, c int }

// Model is the screen of one of sections 二, 三, 四.
type Model struct {
	c       *common.Common
	section int
	fmtID   string
	tables  []*dtable
	cur     pos
	vals    model.Values
	editing bool
	in      *components.Input
	err     string
	zone    zone
	text    *narrative.Model
	colOff  int
	top     int
	curX    int
	curY    int
	keys    gridKeys
	note    string
	undo    *cellUndo
	// size is the screen's size (tea.WindowSizeMsg); textSize is the size
	// last told to the section's text above the tables.
	size, textSize tea.WindowSizeMsg

	// valsGen counts refreshes of vals; drawn caches the table rows as
	// drawn without the cursor (drawRows), for one snapshot, vals, width,
	// column offset, cursor table and zone: a key moves the cursor and
	// only the rows it leaves and reaches change.
	valsGen int
	drawn   struct {
		key  drawnKey
		rows map[[2]int]string // by table and row
	}
}

type drawnKey struct {
	version        uint64
	valsGen, width int
	colOff, table  int
	zone           zone
}

// cellUndo remembers the cell cleared last, for ctrl+z / u.
type cellUndo struct {
	a   model.CellAddress
	v   int64
	had bool
}

// New builds the screen of section (2, 3 or 4) of the open report.
func New(c *common.Common, section int) *Model {
	m := &Model{c: c, section: section, in: components.NewInput(), text: narrative.New(c, section)}
	m.in.Clean = model.CleanLine
	m.in.CharLimit = 20
	m.rebuild()
	m.keys = gridKeys{
		Move:    key.NewBinding(key.WithKeys("up", "down", "left", "right", "k", "j", "h", "l", "home", "end"), key.WithHelp(text.GridArrows, text.GridKeyMove)),
		Type:    key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "+", "-"), key.WithHelp("0-9", text.GridKeyEdit)),
		Next:    keys.Bind(text.KeyNext, "tab", "enter"),
		Prev:    keys.Bind(text.KeyPrev, "shift+tab"),
		Clear:   keys.Bind(text.GridKeyClear, "delete", "backspace"),
		Undo:    keys.Global.Undo,
		Text:    keys.Bind(text.GridKeyText, "ctrl+t"),
		Back:    keys.Global.Back,
		Commit:  key.NewBinding(key.WithKeys("enter", "tab", "up", "down"), key.WithHelp("enter/tab", text.GridKeyCommit)),
		Save:    keys.Global.Save,
		Wipe:    keys.Bind(text.GridKeyWipe, "ctrl+u"),
		Abandon: keys.Bind(text.GridKeyCancel, "esc"),
	}
	return m
}

// rebuild lays the tables out for the report's format and recomputes the
// values shown.
func (m *Model) rebuild() {
	f := m.c.Format()
	if f == nil {
		return
	}
	if f.ID != m.fmtID {
		m.tables = buildTables(f, m.section)
		m.fmtID = f.ID
		m.cur = pos{}
		m.fixRow(1)
	}
	m.refresh()
}

// refresh takes the values shown: the effective values of the organ-year.
// In a typed table a cell never entered has none (未填), and neither has a
// total while one of its parts is 未填.
func (m *Model) refresh() {
	if m.c.OrganYear() == nil {
		m.vals = model.Values{}
		m.valsGen++
		return
	}
	m.valsGen++
	m.vals = m.c.Snap.Values() // kept with the snapshot's checks, not counted again from the log
}

// typed reports whether the clerk types the table (else it is computed).
func (m *Model) typed(t *model.Table) bool {
	r := m.c.Report()
	switch t.Section {
	case 3:
		return r.Mode3 == model.Typed
	case 4:
		return r.Mode4 == model.Typed
	}
	return true
}

// Editable reports whether the clerk may type the cell.
func (m *Model) Editable(a model.CellAddress) bool {
	f := m.c.Format()
	t, r, c, ok := f.Cell(a)
	if !ok || !m.typed(t) || r.Total || c.Total {
		return false
	}
	if m.c.Report().Art20Mode == model.FromLog && model.IsArt20Cell(f, a) {
		return false
	}
	return true
}

// Addr is the address under the cursor.
func (m *Model) Addr() model.CellAddress {
	if len(m.tables) == 0 {
		return model.CellAddress{}
	}
	d := m.tables[m.cur.t]
	row := d.rows[m.cur.r]
	if row.group || m.cur.c >= len(row.cells) {
		return model.CellAddress{}
	}
	return row.cells[m.cur.c]
}

// Value is the value shown in a cell.
func (m *Model) Value(a model.CellAddress) int64 { return m.vals[a] }

// Blank reports whether the cell shows no value: 未填, or a total with a
// 未填 part.
func (m *Model) Blank(a model.CellAddress) bool { return !m.vals.Has(a) }

// fixRow moves the cursor off group rows in direction dir.
func (m *Model) fixRow(dir int) {
	if len(m.tables) == 0 {
		return
	}
	rows := m.tables[m.cur.t].rows
	for m.cur.r >= 0 && m.cur.r < len(rows) && rows[m.cur.r].group {
		m.cur.r += dir
	}
	if m.cur.r < 0 || m.cur.r >= len(rows) {
		m.cur.r = max(0, min(m.cur.r, len(rows)-1))
		if rows[m.cur.r].group {
			m.fixRow(-dir)
		}
	}
	m.cur.c = max(0, min(m.cur.c, len(m.tables[m.cur.t].labels)-1))
}

// moveRow goes up or down, crossing into the neighbouring table.
func (m *Model) moveRow(dir int) {
	p := m.cur
	for {
		p.r += dir
		if p.r < 0 {
			if p.t == 0 {
				return
			}
			p.t--
			p.r = len(m.tables[p.t].rows) - 1
		} else if p.r >= len(m.tables[p.t].rows) {
			if p.t == len(m.tables)-1 {
				return
			}
			p.t++
			p.r = 0
		}
		if !m.tables[p.t].rows[p.r].group {
			p.c = min(p.c, len(m.tables[p.t].labels)-1)
			m.cur = p
			return
		}
	}
}

// step moves to the next (or previous) editable cell in reading order;
// when no cell is editable it moves to the next cell.
func (m *Model) step(dir int) {
	start := m.cur
	var cells []pos
	for ti, d := range m.tables {
		for ri, r := range d.rows {
			for ci := range r.cells {
				cells = append(cells, pos{ti, ri, ci})
			}
		}
	}
	if len(cells) == 0 {
		return
	}
	idx := 0
	for i, p := range cells {
		if p == start {
			idx = i
		}
	}
	for n := 1; n <= len(cells); n++ {
		p := cells[(idx+dir*n+len(cells)*n)%len(cells)]
		row := m.tables[p.t].rows[p.r]
		if m.Editable(row.cells[p.c]) {
			m.cur = p
			return
		}
	}
	m.cur = cells[(idx+dir+len(cells))%len(cells)]
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return model.SectionTitles[m.section] }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	if m.zone == zoneText {
		return m.text.KeyMap()
	}
	k := m.keys
	if m.editing {
		return keys.Map{Short: []key.Binding{k.Commit, k.Prev, k.Wipe, k.Abandon, k.Save}}
	}
	// A computed table or a total takes no typing: its keys are not offered.
	a := m.Addr()
	editable := !a.IsZero() && m.Editable(a)
	k.Type.SetEnabled(editable)
	k.Clear.SetEnabled(editable)
	return keys.Map{
		Short: []key.Binding{k.Move, k.Type, k.Next, k.Clear, k.Text, k.Back},
		Full:  [][]key.Binding{{k.Move, k.Type, k.Next, k.Prev, k.Clear, k.Undo, k.Text, k.Back}},
	}
}

// gridKeys are the keys of the tables: moving between cells, and (Commit,
// Prev, Wipe, Abandon, Save) while a number is typed into one.
type gridKeys struct {
	Move, Type, Next, Prev, Clear, Undo, Text, Back key.Binding
	Commit, Save, Wipe, Abandon                     key.Binding
}

// Typing implements common.Typing.
func (m *Model) Typing() bool {
	if m.zone == zoneText {
		return m.text.Typing()
	}
	return m.editing
}

// Busy implements common.Busy.
func (m *Model) Busy() bool {
	if m.zone == zoneText {
		return m.text.Busy()
	}
	return m.editing
}

// Dirty implements common.Editing.
func (m *Model) Dirty() bool { return m.text.Dirty() || m.editing && m.in.Value() != "" }

// Err is the message of refused input, if any.
func (m *Model) Err() string { return m.err }

// Update implements common.Screen: the grid's keys and messages, then the
// text's size, the column offset, the scroll, the cell input's scroll and
// the cursor settled for the screen's size, so that View only draws.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	sz, sized := msg.(tea.WindowSizeMsg)
	if sized {
		m.size = sz
		msg = m.textSizeMsg()
	}
	s, cmd := m.update(msg)
	if !sized && m.size.Width > 0 && m.textSizeMsg() != m.textSize {
		// The text's share of the screen changes with the zone.
		_, tcmd := m.text.Update(m.textSizeMsg())
		cmd = tea.Batch(cmd, tcmd)
	}
	m.textSize = m.textSizeMsg()
	m.settle()
	return s, cmd
}

// textSizeMsg is the size of the section's text above the tables.
func (m *Model) textSizeMsg() tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: m.size.Width, Height: m.textHeight(m.size.Height)}
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OrganYearMsg, common.SavedMsg:
		m.rebuild()
	case common.BlurMsg:
		var cmd tea.Cmd
		if m.editing {
			// Keep a valid value typed before leaving; drop an invalid one.
			if c, ok := m.commit(); ok {
				cmd = c
			} else {
				m.cancel()
			}
		}
		_, tcmd := m.text.Update(msg)
		return m, tea.Batch(cmd, tcmd)
	case common.GoToMsg:
		if !msg.Cell.IsZero() {
			m.goTo(msg.Cell)
			return m, nil
		}
		if msg.Entry.Kind == model.EntryBlock {
			m.zone = zoneText
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Text) && !m.Busy() {
			if m.zone == zoneText {
				m.zone = zoneTables
			} else {
				m.zone = zoneText
			}
			return m, nil
		}
		if m.zone == zoneTables {
			return m, m.key(msg)
		}
	case tea.PasteMsg:
		if m.zone == zoneTables {
			if !m.editing {
				m.begin("")
			}
			m.in.Update(msg)
			return m, nil
		}
	}
	_, cmd := m.text.Update(msg)
	return m, cmd
}

func (m *Model) goTo(a model.CellAddress) {
	for ti, d := range m.tables {
		for ri, r := range d.rows {
			for ci, c := range r.cells {
				if c == a {
					m.cur = pos{ti, ri, ci}
					m.zone = zoneTables
					m.editing = false
					return
				}
			}
		}
	}
}

func (m *Model) begin(text string) {
	m.editing = true
	m.err = ""
	m.in.SetValue(text)
	m.in.Focus()
}

func (m *Model) cancel() {
	m.editing = false
	m.err = ""
	m.in.Blur()
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	b := m.keys
	if m.editing {
		switch {
		case key.Matches(k, b.Abandon):
			m.cancel()
			return nil
		case key.Matches(k, b.Save):
			cmd, _ := m.commit()
			return cmd
		case key.Matches(k, b.Wipe):
			m.in.SetValue("")
			m.err = ""
			return nil
		case key.Matches(k, b.Commit, b.Prev):
			cmd, ok := m.commit()
			if !ok {
				return nil
			}
			switch {
			case key.Matches(k, keys.Edit.Up):
				m.moveRow(-1)
			case key.Matches(k, keys.Edit.Down):
				m.moveRow(1)
			case key.Matches(k, b.Prev):
				m.step(-1)
			default:
				m.step(1)
			}
			return cmd
		}
		if m.in.Update(k) {
			m.err = ""
		}
		return nil
	}
	m.err, m.note = "", ""
	switch {
	case key.Matches(k, b.Move):
		// Move is listed as one hint; its keys act as the cursor keys do.
		switch {
		case key.Matches(k, keys.Nav.Up):
			m.moveRow(-1)
		case key.Matches(k, keys.Nav.Down):
			m.moveRow(1)
		case key.Matches(k, keys.Nav.Left):
			m.cur.c = max(0, m.cur.c-1)
		case key.Matches(k, keys.Nav.Right):
			m.cur.c = min(len(m.tables[m.cur.t].labels)-1, m.cur.c+1)
		case key.Matches(k, keys.Nav.Home):
			m.cur.c = 0
		case key.Matches(k, keys.Nav.End):
			m.cur.c = len(m.tables[m.cur.t].labels) - 1
		}
	case key.Matches(k, b.Next):
		m.step(1)
	case key.Matches(k, b.Prev):
		m.step(-1)
	case key.Matches(k, b.Clear):
		a := m.Addr()
		if !a.IsZero() && m.Editable(a) {
			old, had := m.c.Report().Values[a]
			m.undo = &cellUndo{a: a, v: old, had: had}
			m.note = fmt.Sprintf(text.GridCleared, keys.Key(b.Undo))
			return m.store(a, 0, true)
		}
		m.refuseReadOnly()
	case key.Matches(k, b.Undo):
		if m.undo == nil {
			m.note = text.UndoNothing
			return nil
		}
		u := m.undo
		m.undo = nil
		m.goTo(u.a)
		m.note = text.UndoDone
		return m.store(u.a, u.v, !u.had)
	default:
		if components.IsText(k) {
			a := m.Addr()
			if a.IsZero() || !m.Editable(a) {
				m.refuseReadOnly()
				return nil
			}
			m.begin(k.Text)
		}
	}
	return nil
}

func (m *Model) refuseReadOnly() {
	a := m.Addr()
	t, _, c, ok := m.c.Format().Cell(a)
	switch {
	case !ok:
	case !m.typed(t):
		m.err = text.GridComputedRefuse
	case c.Total || m.isTotalRow(a):
		m.err = text.GridTotalRefuse
	default:
		m.err = text.GridArt20Refuse
	}
}

func (m *Model) isTotalRow(a model.CellAddress) bool {
	_, r, _, _ := m.c.Format().Cell(a)
	return r.Total
}

// commit parses the input; on success it stores the value and reports ok.
// Refused input keeps the input open with the message, the old value kept.
func (m *Model) commit() (tea.Cmd, bool) {
	a := m.Addr()
	_, _, col, ok := m.c.Format().Cell(a)
	if !ok {
		m.cancel()
		return nil, true
	}
	typed := strings.TrimSpace(m.in.Value())
	if typed == "" {
		// Nothing typed (or only spaces): the cell keeps its value; delete
		// clears a cell.
		m.cancel()
		return nil, true
	}
	v, err := model.ParseCell(col, typed)
	if err != nil {
		m.err = fmt.Sprintf(text.RefusedKeepOld, err.Error())
		return nil, false
	}
	m.cancel()
	if col.Kind == model.KindMoney {
		// A bare number in a 万元 column: say how it was read.
		m.note = model.BareMoneyNote(typed, col.Unit, v)
	}
	return m.store(a, v, false), true
}

// store sets a cell (clear: returns it to 未填) and the totals that add it
// up, and saves them in one transaction. Each such total is computed when
// all its parts are entered and cleared otherwise; the other totals of the
// table are left as they are.
func (m *Model) store(a model.CellAddress, v int64, clear bool) tea.Cmd {
	t := m.c.Format().Table(a.Table)
	rid := m.c.Report().ID
	set := model.Values{}
	var drop []model.CellAddress
	m.c.Edit(func(oy *model.OrganYear) {
		r := oy.Report
		if clear {
			delete(r.Values, a)
			drop = append(drop, a)
		} else {
			r.Values[a] = v
			set[a] = v
		}
		deps := model.Dependents(t, a)
		if len(deps) == 0 {
			return
		}
		d := model.DerivedTotals(t, r.Values)
		for _, c := range deps {
			x, ok := d[c]
			old, had := r.Values[c]
			switch {
			case ok && (!had || old != x):
				r.Values[c] = x
				set[c] = x
			case !ok && had:
				delete(r.Values, c)
				drop = append(drop, c)
			}
		}
	})
	m.refresh()
	return m.c.Save(func(ctx context.Context, st common.Desk) error {
		return st.SaveCells(ctx, rid, set, drop)
	})
}

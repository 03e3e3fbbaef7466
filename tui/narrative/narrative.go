// Package narrative is the text editor of the report: the sub-headings and
// paragraphs of a section (and the preamble), with the real terminal cursor
// at the insertion point, autosave while typing, 待更新 marks on text carried
// over from last year, and the sentence generated from the tables.
package narrative

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/db"
	"nianbao/export"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/dialog"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// AutosaveDelay is how long typing may pause before the text is saved.
var AutosaveDelay = 3 * time.Second

type mode int

const (
	browsing mode = iota
	editingText
	renaming
)

// autosaveMsg fires AutosaveDelay after a keystroke; only the newest counts.
type autosaveMsg struct {
	section int
	seq     int
}

// blocksMsg carries a section's blocks after a change of structure (add,
// delete, reorder, undo), with the IDs the store gave.
type blocksMsg struct {
	section int
	blocks  []model.Block
	focus   int
	rename  bool
	err     error
}

// Model edits the blocks of one section.
type Model struct {
	c       *common.Common
	section int
	blocks  []model.Block
	cur     int
	mode    mode
	ed      *components.Editor
	in      *components.Input
	dirty   bool
	seq     int
	// undo holds the blocks of the last delete and where they stood.
	undo   []model.Block
	undoAt int
	note   string
	top    int
	curX   int
	curY   int
	keys   narrKeys
}

// New builds the editor of section (1..6) of the open report.
func New(c *common.Common, section int) *Model {
	m := &Model{c: c, section: section, ed: components.NewEditor(), in: components.NewInput()}
	m.ed.Clean = model.CleanText
	m.in.Clean = model.CleanLine
	m.load()
	m.keys = narrKeys{
		Edit:          keys.Bind(text.NarrKeyEditText, "enter", "e", "i"),
		Next:          keys.Bind(text.KeyNext, "tab", "down", "j"),
		Prev:          keys.Bind(text.KeyPrev, "shift+tab", "up", "k"),
		First:         keys.Bind(text.KeyFirst, "home"),
		Last:          keys.Bind(text.KeyLast, "end"),
		Heading:       keys.Bind(text.NarrKeyAddHeading, "a"),
		Para:          keys.Bind(text.NarrKeyAddPara, "p"),
		Rename:        keys.Bind(text.KeyRename, "r"),
		Delete:        keys.Bind(text.KeyDelete, "d", "delete"),
		Undo:          keys.Bind(text.KeyUndo, "ctrl+z", "u"),
		Up:            key.NewBinding(key.WithKeys("alt+up", "ctrl+up"), key.WithHelp("alt+↑", text.KeyMoveUp)),
		Down:          key.NewBinding(key.WithKeys("alt+down", "ctrl+down"), key.WithHelp("alt+↓", text.KeyMoveDown)),
		Generate:      keys.Bind(text.NarrKeyGenerate, "ctrl+g"),
		Save:          keys.Global.Save,
		Done:          keys.Bind(text.NarrKeyDone, "esc"),
		NextPara:      keys.Bind(text.NarrKeyNextPara, "tab"),
		PrevPara:      keys.Bind(text.NarrKeyPrevPara, "shift+tab"),
		RenameDone:    keys.Bind(text.NarrKeyRenameDone, "enter", "tab", "ctrl+s"),
		RenameAbandon: keys.Bind(text.NarrKeyRenameAbandon, "esc"),
	}
	return m
}

// load copies the section's blocks from the report.
func (m *Model) load() {
	if m.c.Report == nil {
		return
	}
	m.blocks = m.c.Report.SectionBlocks(m.section)
	m.cur = max(0, min(m.cur, len(m.blocks)-1))
}

// Section is the report section edited.
func (m *Model) Section() int { return m.section }

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return model.SectionTitles[m.section] }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	k.Generate.SetEnabled(generated(m.c, m.section) != "")
	switch m.mode {
	case renaming:
		return keys.Map{Short: []key.Binding{k.RenameDone, k.RenameAbandon}}
	case editingText:
		k.PrevPara.SetEnabled(m.nextParagraph(-1) >= 0)
		return keys.Map{Short: []key.Binding{k.NextPara, k.PrevPara, k.Generate, k.Save, k.Done}}
	}
	n := len(m.blocks)
	onHeading := m.cur < n && m.blocks[m.cur].Kind == model.BlockHeading
	k.Edit.SetEnabled(n > 0)
	k.Rename.SetEnabled(onHeading)
	k.Delete.SetEnabled(n > 0)
	k.Prev.SetEnabled(m.cur > 0)
	k.First.SetEnabled(m.cur > 0)
	k.Next.SetEnabled(m.cur < n-1)
	k.Last.SetEnabled(m.cur < n-1)
	k.Undo.SetEnabled(len(m.undo) > 0)
	k.Up.SetEnabled(m.canMove(-1))
	k.Down.SetEnabled(m.canMove(1))
	return keys.Map{
		Short: []key.Binding{k.Edit, k.Heading, k.Rename, k.Delete, k.Up, k.Down, k.Generate},
		Full: [][]key.Binding{{k.Edit, k.Next, k.Prev, k.First, k.Last, k.Heading, k.Para, k.Rename, k.Delete,
			k.Undo, k.Up, k.Down, k.Generate}},
	}
}

// narrKeys are the keys of a narrative section: browsing its blocks, and
// (NextPara, PrevPara, Generate, Save, Done) while a paragraph is typed.
type narrKeys struct {
	Edit, Next, Prev, First, Last, Heading, Para, Rename, Delete, Undo, Up, Down, Generate, Save, Done key.Binding
	NextPara, PrevPara, RenameDone, RenameAbandon                                                      key.Binding
}

// Typing implements common.Typing.
func (m *Model) Typing() bool { return m.mode != browsing }

// Busy implements common.Busy: Esc closes the editor or the question first.
func (m *Model) Busy() bool { return m.mode != browsing }

// Dirty implements common.Editing.
func (m *Model) Dirty() bool { return m.dirty }

// Editing reports whether a paragraph is open for typing.
func (m *Model) Editing() bool { return m.mode == editingText }

// Blocks returns the section's blocks as shown (tests).
func (m *Model) Blocks() []model.Block { return m.blocks }

// Current is the index of the block under the cursor.
func (m *Model) Current() int { return m.cur }

// Chars counts the characters of the section's text.
func (m *Model) Chars() int {
	n := 0
	for i, b := range m.blocks {
		if i == m.cur && m.mode == editingText {
			n += m.ed.Len()
			continue
		}
		n += len([]rune(strings.ReplaceAll(b.Text, "\n", "")))
	}
	return n
}

func (m *Model) publish() { m.c.SetSectionBlocks(m.section, append([]model.Block(nil), m.blocks...)) }

// saveBlock stores block i as it is now.
func (m *Model) saveBlock(i int) tea.Cmd {
	if i < 0 || i >= len(m.blocks) || m.c.Report == nil {
		return nil
	}
	b := m.blocks[i]
	rid := m.c.Report.ID
	return m.c.Save(func(ctx context.Context, st *db.Store) error { return st.SaveBlock(ctx, rid, &b) })
}

// commit takes the open editor's text into the block and saves it.
func (m *Model) commit() tea.Cmd {
	if !m.dirty || m.cur >= len(m.blocks) {
		return nil
	}
	b := &m.blocks[m.cur]
	switch m.mode {
	case editingText:
		b.Text = strings.TrimRight(m.ed.Value(), "\n ")
	case renaming:
		b.Text = strings.TrimSpace(m.in.Value())
	}
	b.Stale = false
	m.dirty = false
	m.publish()
	return m.saveBlock(m.cur)
}

func (m *Model) startEdit() {
	if m.cur >= len(m.blocks) {
		return
	}
	b := m.blocks[m.cur]
	if b.Kind == model.BlockHeading {
		m.mode = renaming
		m.in.SetValue(b.Text)
		m.in.Focus()
		return
	}
	m.mode = editingText
	m.ed.SetValue(b.Text)
}

func (m *Model) stopEdit() tea.Cmd {
	cmd := m.commit()
	m.mode = browsing
	m.in.Blur()
	return cmd
}

func (m *Model) tick() tea.Cmd {
	m.seq++
	seq, sec := m.seq, m.section
	return tea.Tick(AutosaveDelay, func(time.Time) tea.Msg { return autosaveMsg{section: sec, seq: seq} })
}

// nextParagraph finds the next (dir 1) or previous (-1) paragraph from cur.
func (m *Model) nextParagraph(dir int) int {
	for i := m.cur + dir; i >= 0 && i < len(m.blocks); i += dir {
		if m.blocks[i].Kind == model.BlockParagraph {
			return i
		}
	}
	return -1
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case autosaveMsg:
		if msg.section == m.section && msg.seq == m.seq && m.dirty && m.mode != browsing {
			if m.mode == editingText {
				return m, m.commitKeepOpen()
			}
		}
		return m, nil
	case blocksMsg:
		if msg.section != m.section {
			return m, nil
		}
		if msg.err != nil {
			m.load()
			return m, func() tea.Msg { return common.SaveFailedMsg{Err: msg.err} }
		}
		m.blocks = msg.blocks
		m.publish()
		m.cur = max(0, min(msg.focus, len(m.blocks)-1))
		if msg.rename {
			m.startEdit()
		}
		return m, func() tea.Msg { return common.SavedMsg{At: m.c.Now()} }
	case deleteYesMsg:
		return m, m.deleteCurrent()
	case common.BlurMsg:
		if m.mode == renaming && strings.TrimSpace(m.in.Value()) == "" {
			m.dirty = false
		}
		if m.mode != browsing {
			return m, m.stopEdit()
		}
		return m, nil
	case common.OrganYearMsg:
		if m.mode == browsing && !m.dirty {
			m.load()
		}
		return m, nil
	case common.GoToMsg:
		if msg.Entry.Kind == model.EntryBlock {
			for i, b := range m.blocks {
				if b.ID == msg.Entry.ID {
					m.cur = i
				}
			}
		}
		return m, nil
	case tea.PasteMsg:
		if m.mode == editingText {
			m.ed.Update(msg)
			m.dirty = true
			return m, m.tick()
		}
		if m.mode == renaming {
			m.in.Update(msg)
			m.dirty = true
		}
		return m, nil
	case tea.KeyPressMsg:
		switch m.mode {
		case editingText:
			return m, m.editKey(msg)
		case renaming:
			return m, m.renameKey(msg)
		}
		return m, m.browseKey(msg)
	}
	return m, nil
}

// commitKeepOpen saves the paragraph being typed without closing it.
func (m *Model) commitKeepOpen() tea.Cmd {
	pos := m.ed.Position()
	cmd := m.commit()
	m.ed.SetPosition(pos)
	return cmd
}

func (m *Model) editKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Done):
		return m.stopEdit()
	case key.Matches(k, m.keys.Save):
		m.dirty = true
		return m.commitKeepOpen()
	case key.Matches(k, m.keys.NextPara, m.keys.PrevPara):
		dir := 1
		if key.Matches(k, m.keys.PrevPara) {
			dir = -1
		}
		cmd := m.stopEdit()
		if n := m.nextParagraph(dir); n >= 0 {
			m.cur = n
			m.startEdit()
		}
		return cmd
	case key.Matches(k, m.keys.Generate):
		return m.insertGenerated()
	}
	if m.ed.Update(k) {
		if k.String() != "left" && k.String() != "right" && k.String() != "up" && k.String() != "down" &&
			k.String() != "home" && k.String() != "end" && !strings.HasPrefix(k.String(), "ctrl+a") && k.String() != "ctrl+e" {
			m.dirty = true
			return m.tick()
		}
	}
	return nil
}

func (m *Model) renameKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.RenameAbandon):
		m.dirty = false
		m.mode = browsing
		m.in.Blur()
		return nil
	case key.Matches(k, m.keys.RenameDone):
		if strings.TrimSpace(m.in.Value()) == "" {
			m.note = text.NarrHeadingEmpty
			return nil
		}
		m.dirty = m.in.Value() != m.blocks[m.cur].Text
		cmd := m.stopEdit()
		if k.String() == "tab" {
			if n := m.nextParagraph(1); n >= 0 {
				m.cur = n
				m.startEdit()
			}
		}
		return cmd
	}
	if m.in.Update(k) {
		m.dirty = true
		m.note = ""
	}
	return nil
}

func (m *Model) browseKey(k tea.KeyPressMsg) tea.Cmd {
	m.note = ""
	b := m.keys
	switch {
	case key.Matches(k, b.Prev):
		m.cur = max(0, m.cur-1)
	case key.Matches(k, b.Next):
		m.cur = max(0, min(len(m.blocks)-1, m.cur+1))
	case key.Matches(k, b.First):
		m.cur = 0
	case key.Matches(k, b.Last):
		m.cur = max(0, len(m.blocks)-1)
	case key.Matches(k, b.Edit):
		m.startEdit()
	case key.Matches(k, b.Rename):
		if m.cur < len(m.blocks) && m.blocks[m.cur].Kind == model.BlockHeading {
			m.startEdit()
		}
	case key.Matches(k, b.Heading):
		return m.addHeading()
	case key.Matches(k, b.Para):
		return m.addParagraph()
	case key.Matches(k, b.Delete):
		if len(m.blocks) == 0 {
			return nil
		}
		return dialog.Delete(m.c, m.blockName(m.cur), deleteYesMsg{})
	case key.Matches(k, b.Undo):
		return m.undoDelete()
	case key.Matches(k, b.Up):
		return m.moveGroup(-1)
	case key.Matches(k, b.Down):
		return m.moveGroup(1)
	case key.Matches(k, b.Generate):
		return m.insertGenerated()
	}
	return nil
}

func (m *Model) blockName(i int) string {
	b := m.blocks[i]
	if b.Kind == model.BlockHeading {
		return b.Text
	}
	t := []rune(strings.TrimSpace(b.Text))
	if len(t) == 0 {
		return text.NarrEmptyPara
	}
	if len(t) > 12 {
		return string(t[:12]) + "……"
	}
	return string(t)
}

// group returns the block range [from, to) of the group at i: a heading and
// the paragraphs under it, or a lone paragraph before any heading.
func (m *Model) group(i int) (int, int) {
	if i < 0 || i >= len(m.blocks) {
		return i, i
	}
	from := i
	for from >= 0 && m.blocks[from].Kind != model.BlockHeading {
		from--
	}
	if from < 0 {
		return i, i + 1
	}
	to := from + 1
	for to < len(m.blocks) && m.blocks[to].Kind != model.BlockHeading {
		to++
	}
	return from, to
}

// restructure stores a new order of blocks (saving new ones first) and
// reports it with blocksMsg.
func (m *Model) restructure(bs []model.Block, deleted []int64, focus int, rename bool) tea.Cmd {
	if m.c.Report == nil {
		return nil
	}
	rid, sec := m.c.Report.ID, m.section
	bs = append([]model.Block(nil), bs...)
	for i := range bs {
		bs[i].Pos = i
		bs[i].Section = sec
	}
	ctx, st := m.c.Ctx, m.c.Store
	return m.c.Track(func() tea.Msg {
		for _, id := range deleted {
			if err := st.DeleteBlock(ctx, id); err != nil {
				return blocksMsg{section: sec, err: err}
			}
		}
		ids := make([]int64, len(bs))
		for i := range bs {
			if bs[i].ID == 0 {
				if err := st.SaveBlock(ctx, rid, &bs[i]); err != nil {
					return blocksMsg{section: sec, err: err}
				}
			}
			ids[i] = bs[i].ID
		}
		if err := st.ReorderBlocks(ctx, rid, sec, ids); err != nil {
			return blocksMsg{section: sec, err: err}
		}
		return blocksMsg{section: sec, blocks: bs, focus: focus, rename: rename}
	})
}

func (m *Model) addHeading() tea.Cmd {
	at := len(m.blocks)
	if len(m.blocks) > 0 {
		_, at = m.group(m.cur)
	}
	bs := append([]model.Block(nil), m.blocks[:at]...)
	bs = append(bs,
		model.Block{Kind: model.BlockHeading, Level: 1, Text: text.NarrNewHeading},
		model.Block{Kind: model.BlockParagraph})
	bs = append(bs, m.blocks[at:]...)
	return m.restructure(bs, nil, at, true)
}

func (m *Model) addParagraph() tea.Cmd {
	at := min(len(m.blocks), m.cur+1)
	bs := append([]model.Block(nil), m.blocks[:at]...)
	bs = append(bs, model.Block{Kind: model.BlockParagraph})
	bs = append(bs, m.blocks[at:]...)
	return m.restructure(bs, nil, at, false)
}

// canMove reports whether the group under the cursor can move one place
// in direction dir (-1 up, 1 down).
func (m *Model) canMove(dir int) bool {
	from, to := m.group(m.cur)
	if from < 0 || to <= from {
		return false
	}
	if dir < 0 {
		return from > 0
	}
	return to < len(m.blocks)
}

func (m *Model) moveGroup(dir int) tea.Cmd {
	from, to := m.group(m.cur)
	if from < 0 || to <= from {
		return nil
	}
	var bs []model.Block
	focus := m.cur
	if dir < 0 {
		if from == 0 {
			return nil
		}
		pf, _ := m.group(from - 1)
		bs = append(bs, m.blocks[:pf]...)
		bs = append(bs, m.blocks[from:to]...)
		bs = append(bs, m.blocks[pf:from]...)
		bs = append(bs, m.blocks[to:]...)
		focus = m.cur - (from - pf)
	} else {
		if to >= len(m.blocks) {
			return nil
		}
		_, nt := m.group(to)
		bs = append(bs, m.blocks[:from]...)
		bs = append(bs, m.blocks[to:nt]...)
		bs = append(bs, m.blocks[from:to]...)
		bs = append(bs, m.blocks[nt:]...)
		focus = m.cur + (nt - to)
	}
	return m.restructure(bs, nil, focus, false)
}

// deleteYesMsg is the answer yes to the delete question.
type deleteYesMsg struct{}

// deleteCurrent deletes the block under the cursor (a heading with its
// paragraphs), keeping it for undo.
func (m *Model) deleteCurrent() tea.Cmd {
	if m.cur >= len(m.blocks) {
		return nil
	}
	from, to := m.cur, m.cur+1
	if m.blocks[m.cur].Kind == model.BlockHeading {
		from, to = m.group(m.cur)
	}
	m.undo = append([]model.Block(nil), m.blocks[from:to]...)
	m.undoAt = from
	var ids []int64
	for _, b := range m.blocks[from:to] {
		ids = append(ids, b.ID)
	}
	bs := append(append([]model.Block(nil), m.blocks[:from]...), m.blocks[to:]...)
	m.note = text.NarrDeleted
	return m.restructure(bs, ids, max(0, from-1), false)
}

func (m *Model) undoDelete() tea.Cmd {
	if len(m.undo) == 0 {
		m.note = text.UndoNothing
		return nil
	}
	back := append([]model.Block(nil), m.undo...)
	for i := range back {
		back[i].ID = 0
	}
	at := min(m.undoAt, len(m.blocks))
	bs := append([]model.Block(nil), m.blocks[:at]...)
	bs = append(bs, back...)
	bs = append(bs, m.blocks[at:]...)
	m.undo = nil
	m.note = text.UndoDone
	return m.restructure(bs, nil, at, false)
}

// insertGenerated puts the sentence generated from the tables into the
// current paragraph: at the cursor while typing, else at the end.
func (m *Model) insertGenerated() tea.Cmd {
	s := generated(m.c, m.section)
	if s == "" {
		m.note = text.NarrNoGenerated
		return nil
	}
	if m.mode == editingText {
		m.ed.Insert(s)
		m.dirty = true
		m.note = text.NarrGenerated
		return m.commitKeepOpen()
	}
	i := m.cur
	if i >= len(m.blocks) || m.blocks[i].Kind != model.BlockParagraph {
		i = -1
		for j := m.cur; j < len(m.blocks); j++ {
			if m.blocks[j].Kind == model.BlockParagraph {
				i = j
				break
			}
		}
	}
	if i < 0 {
		// No paragraph to put it in: the sentence becomes a new one.
		bs := append(append([]model.Block(nil), m.blocks...), model.Block{Kind: model.BlockParagraph, Text: s})
		m.note = text.NarrGenerated
		return m.restructure(bs, nil, len(bs)-1, false)
	}
	m.cur = i
	b := &m.blocks[i]
	if strings.TrimSpace(b.Text) == "" {
		b.Text = s
	} else {
		b.Text = strings.TrimRight(b.Text, "\n ") + s
	}
	b.Stale = false
	m.publish()
	m.note = text.NarrGenerated
	return m.saveBlock(i)
}

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	st := m.c.Styles
	head := st.Heading.Render(model.SectionTitles[m.section]) + "  " + st.Muted.Render(fmt.Sprintf(text.NarrChars, m.Chars()))
	var foot string
	switch {
	case m.note != "":
		foot = st.Muted.Render(m.note)
	case m.cur < len(m.blocks) && m.blocks[m.cur].Stale:
		foot = st.Stale.Render(text.NarrStaleHint)
	}
	bodyH := height - 2
	if bodyH < 1 {
		bodyH = 1
	}
	textW := max(4, width-2)
	var lines []string
	curFrom, curTo := 0, 0
	m.curX, m.curY = -1, -1
	heading := 0
	for i, b := range m.blocks {
		if i == m.cur {
			curFrom = len(lines)
		}
		gutter := "  "
		if i == m.cur {
			gutter = st.Heading.Render("▌ ")
		}
		stale := ""
		if b.Stale {
			stale = st.Stale.Render("【" + text.MarkStale + "】")
		}
		if b.Kind == model.BlockHeading {
			heading++
			num := "（" + export.ChineseNumber(heading) + "）"
			if b.Level >= 2 {
				num = fmt.Sprintf("%d.", heading)
			}
			if i == m.cur && m.mode == renaming {
				nw := components.StringWidth(num)
				view := m.in.View(max(2, textW-nw))
				m.curX, m.curY = 2+nw+m.in.CursorX(), len(lines)
				lines = append(lines, gutter+st.Heading.Render(num)+st.Focused.Render(view))
			} else {
				t := num + b.Text
				if i == m.cur && m.mode == browsing {
					t = st.Selected.Render(components.Fit(t, textW-components.StringWidth(stale)))
				} else {
					t = st.Heading.Render(t)
				}
				lines = append(lines, components.Fit(gutter+stale+t, width))
			}
		} else if i == m.cur && m.mode == editingText {
			n := len(components.Wrap(m.ed.Value(), textW-1)) + 1
			h := max(3, min(n, bodyH-2))
			view := strings.Split(m.ed.View(textW, h), "\n")
			x, y := m.ed.CursorXY()
			m.curX, m.curY = 2+x, len(lines)+y
			for _, l := range view {
				lines = append(lines, gutter+l)
			}
		} else {
			body := b.Text
			if strings.TrimSpace(body) == "" {
				lines = append(lines, gutter+stale+st.Muted.Render(text.NarrEmpty))
			} else {
				for j, l := range components.Wrap(body, textW) {
					if j == 0 && stale != "" {
						l = stale + l
					}
					if b.Stale {
						l = st.Stale.Render(l)
					}
					lines = append(lines, components.Fit(gutter+l, width))
				}
			}
		}
		if i == m.cur {
			curTo = len(lines)
		}
	}
	if len(m.blocks) == 0 {
		lines = append(lines, st.Muted.Render(text.NarrNoBlocks))
	}
	// Scroll so the current block (or at least its cursor) is visible.
	if curFrom < m.top {
		m.top = curFrom
	}
	if curTo > m.top+bodyH {
		m.top = curTo - bodyH
		if m.mode == browsing && m.top > curFrom {
			// A block taller than the view is shown from its start.
			m.top = curFrom
		}
		if m.curY >= 0 && m.curY < m.top {
			m.top = m.curY
		}
	}
	m.top = max(0, min(m.top, max(0, len(lines)-1)))
	if m.curY >= 0 {
		m.curY = m.curY - m.top + 1
	}
	body := components.Block(strings.Join(lines[m.top:], "\n"), width, bodyH)
	return components.Block(head+"\n"+body+"\n"+foot, width, height)
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor {
	if m.mode == browsing || m.curX < 0 || m.curY < 0 {
		return nil
	}
	c := tea.NewCursor(m.curX, m.curY)
	c.Shape = tea.CursorBar
	return c
}

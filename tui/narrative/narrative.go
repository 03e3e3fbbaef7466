// Package narrative is the text editor of the report: the sub-headings and
// paragraphs of a section (and the preamble), with the real terminal cursor
// at the insertion point, autosave while typing, 待更新 marks on text carried
// over from last year, and the sentence generated from the tables.
//
// The sub-headings of section 一 that the format lists (model.OfficialHeading)
// are fixed text: shown, never selected or typed into. The cursor moves over
// the paragraphs (and the clerk's own extra headings); Enter anywhere in a
// sub-section edits its body. Every heading has a paragraph under it — one
// not stored yet is added in memory and stored when first typed into. An
// extra heading is added only with a (加小标题) and renamed only with r.
package narrative

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
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
// delete, reorder, undo, the first save of a paragraph), with the IDs the
// store gave.
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
	// storing is set while a change of structure is being stored: a
	// paragraph not stored yet waits for it instead of being stored twice.
	storing bool
	note    string
	warn    bool
	top     int
	curX    int
	curY    int
	// width and height are the screen's size (tea.WindowSizeMsg).
	width, height int
	keys          keyMap
}

// New builds the editor of section (1..6) of the open report.
func New(c *common.Common, section int) *Model {
	m := &Model{c: c, section: section, ed: components.NewEditor(), in: components.NewInput(), keys: narrKeys}
	m.ed.Clean = model.CleanText
	m.in.Clean = model.CleanLine
	m.load()
	return m
}

// load copies the section's blocks from the report.
func (m *Model) load() {
	if m.c.Report() == nil {
		return
	}
	m.setBlocks(m.c.Report().SectionBlocks(m.section), m.cur)
}

// setBlocks takes a section's blocks, adds an unstored paragraph under every
// heading that has none (and one to an empty section), and puts the cursor
// on the nearest block it may stand on from focus.
func (m *Model) setBlocks(bs []model.Block, focus int) {
	var out []model.Block
	for i, b := range bs {
		out = append(out, b)
		if b.Kind == model.BlockHeading && (i+1 == len(bs) || bs[i+1].Kind == model.BlockHeading) {
			out = append(out, model.Block{Section: m.section, Kind: model.BlockParagraph})
			if i < focus {
				focus++
			}
		}
	}
	if len(out) == 0 {
		out = append(out, model.Block{Section: m.section, Kind: model.BlockParagraph})
	}
	m.blocks = out
	m.cur = m.stop(max(0, min(focus, len(out)-1)), 1)
}

// fixed reports whether block i is one of the format's headings.
func (m *Model) fixed(i int) bool { return model.OfficialHeading(m.blocks[i]) }

// stop returns the nearest block from i (looking in dir first) that the
// cursor may stand on: anything but a fixed heading.
func (m *Model) stop(i, dir int) int {
	for _, d := range []int{dir, -dir} {
		for j := i; j >= 0 && j < len(m.blocks); j += d {
			if !m.fixed(j) {
				return j
			}
		}
	}
	return i
}

// step moves from cur to the next stop in dir, or -1 at the end.
func (m *Model) step(dir int, paragraphsOnly bool) int {
	for i := m.cur + dir; i >= 0 && i < len(m.blocks); i += dir {
		if m.fixed(i) || paragraphsOnly && m.blocks[i].Kind != model.BlockParagraph {
			continue
		}
		return i
	}
	return -1
}

// Section is the report section edited.
func (m *Model) Section() int { return m.section }

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return model.SectionTitles[m.section] }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	switch m.mode {
	case editingText:
		return m.keys.editMap()
	case renaming:
		return m.keys.renameMap()
	}
	// Keys that cannot act where the cursor stands are not offered.
	k := m.keys
	atFirst, atLast := m.step(-1, false) < 0, m.step(1, false) < 0
	k.Up.SetEnabled(!atFirst)
	k.Top.SetEnabled(!atFirst)
	k.Down.SetEnabled(!atLast)
	k.Bottom.SetEnabled(!atLast)
	from, to := m.group(m.cur)
	k.MoveUp.SetEnabled(from > 0 && to > from)
	k.MoveDown.SetEnabled(from >= 0 && to > from && to < len(m.blocks))
	return k.browseMap()
}

// Typing implements common.Typing.
func (m *Model) Typing() bool { return m.mode != browsing }

// Busy implements common.Busy: Esc closes the editor or the question first.
func (m *Model) Busy() bool { return m.mode != browsing }

// Dirty implements common.Editing.
func (m *Model) Dirty() bool { return m.dirty }

// Editing reports whether a paragraph is open for typing.
func (m *Model) Editing() bool { return m.mode == editingText }

// Renaming reports whether an extra heading is open for typing.
func (m *Model) Renaming() bool { return m.mode == renaming }

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

// stored returns the blocks that are stored or have text: an empty
// paragraph added in memory is left out.
func (m *Model) stored() []model.Block {
	var out []model.Block
	for _, b := range m.blocks {
		if b.ID != 0 || strings.TrimSpace(b.Text) != "" || b.Kind == model.BlockHeading {
			out = append(out, b)
		}
	}
	return out
}

// publish makes the section's stored blocks as they are now part of the
// open organ-year, so every screen reads the text as saved.
func (m *Model) publish() {
	bs := m.stored()
	m.c.Edit(func(oy *model.OrganYear) { oy.Report.Blocks = desk.ReplaceSection(oy.Report.Blocks, m.section, bs) })
}

// saveBlock stores block i as it is now; a block not stored yet is stored
// with the section's order.
func (m *Model) saveBlock(i int) tea.Cmd {
	if i < 0 || i >= len(m.blocks) || m.c.Report() == nil {
		return nil
	}
	if m.blocks[i].ID == 0 {
		if m.storing {
			m.dirty = true // stored once the change in flight is through
			return nil
		}
		return m.restructure(m.blocks, nil, m.cur, false)
	}
	b := m.blocks[i]
	rid := m.c.Report().ID
	return m.c.Save(func(ctx context.Context, st common.Desk) error { return st.SaveBlock(ctx, rid, &b) })
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

// editBody opens the body of the sub-section at the cursor: the paragraph
// itself, or the first paragraph under an extra heading.
func (m *Model) editBody() {
	if m.cur >= len(m.blocks) {
		return
	}
	if m.blocks[m.cur].Kind == model.BlockHeading {
		if m.cur+1 >= len(m.blocks) || m.blocks[m.cur+1].Kind != model.BlockParagraph {
			return
		}
		m.cur++
	}
	m.mode = editingText
	m.ed.SetValue(m.blocks[m.cur].Text)
}

// headingOf returns the heading of the sub-section at i, or -1.
func (m *Model) headingOf(i int) int {
	for ; i >= 0; i-- {
		if m.blocks[i].Kind == model.BlockHeading {
			return i
		}
	}
	return -1
}

// startRename opens the extra heading of the sub-section at the cursor.
func (m *Model) startRename() {
	h := m.headingOf(m.cur)
	switch {
	case h < 0:
		m.note = fmt.Sprintf(text.NarrNoHeading, keys.Key(m.keys.AddHeading))
		return
	case m.fixed(h):
		m.note = fmt.Sprintf(text.NarrOfficialFixed, m.blocks[h].Text, keys.Key(m.keys.AddHeading))
		return
	}
	m.cur = h
	m.mode = renaming
	m.in.SetValue(m.blocks[h].Text)
	m.in.Focus()
	m.shapeNote()
}

// shapeNote warns while an extra heading reads like a paragraph (rule B4).
func (m *Model) shapeNote() {
	m.note, m.warn = "", false
	if p := model.HeadingProblem(m.in.Value()); p != "" {
		m.note, m.warn = fmt.Sprintf(text.NarrHeadingShape, p), true
	}
}

func (m *Model) stopEdit() tea.Cmd {
	if m.mode == renaming && strings.TrimSpace(m.in.Value()) == "" {
		// An empty heading is not kept: the old name stays.
		m.note = fmt.Sprintf(text.NarrHeadingKept, m.blocks[m.cur].Text)
		m.dirty = false
	}
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

// Update implements common.Screen: the section's keys and messages, then
// the scroll, the editor's or heading input's scroll and the cursor
// settled for the screen's size, so that View only draws.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.width, m.height = sz.Width, sz.Height
	}
	s, cmd := m.update(msg)
	w, h := m.width, m.height
	if w <= 0 {
		// Not yet told its size (a screen driven on its own): settle
		// for the smallest terminal the workstation is made for.
		w, h = 80, 22
	}
	_, m.top, m.curX, m.curY = m.render(w, h, true)
	return s, cmd
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case autosaveMsg:
		if msg.section == m.section && msg.seq == m.seq && m.dirty && m.mode == editingText {
			return m, m.commitKeepOpen()
		}
		return m, nil
	case blocksMsg:
		if msg.section != m.section {
			return m, nil
		}
		m.storing = false
		if msg.err != nil {
			m.load()
			return m, common.SaveFailed(msg.err)
		}
		m.takeStored(msg.blocks, msg.focus)
		m.publish()
		if msg.rename {
			m.startRename()
		}
		saved := func() tea.Msg { return common.SavedMsg{At: m.c.Now()} }
		if m.dirty && m.mode == editingText {
			// Typed on while the paragraph was first stored.
			return m, tea.Batch(saved, m.commitKeepOpen())
		}
		return m, saved
	case deleteYesMsg:
		return m, m.deleteCurrent()
	case common.BlurMsg:
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
				if b.ID == msg.Entry.ID && msg.Entry.ID != 0 {
					m.cur = i
					if m.fixed(i) && i+1 < len(m.blocks) {
						m.cur = i + 1 // its body
					}
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
			m.shapeNote()
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

// takeStored puts the stored blocks in place, keeping the text being typed
// in the paragraph under the cursor.
func (m *Model) takeStored(bs []model.Block, focus int) {
	if m.mode == editingText && focus == m.cur && m.cur < len(m.blocks) {
		// The paragraph stays open: match it by position among the stored.
		m.setBlocks(bs, focus)
		if m.cur < len(m.blocks) && m.blocks[m.cur].Kind == model.BlockParagraph {
			return
		}
	}
	m.setBlocks(bs, focus)
}

// commitKeepOpen saves the paragraph being typed without closing it.
func (m *Model) commitKeepOpen() tea.Cmd {
	pos := m.ed.Position()
	cmd := m.commit()
	m.ed.SetPosition(pos)
	return cmd
}

// moveEdit closes the paragraph and opens the next one in dir; at either end
// the paragraph stays open with a note.
func (m *Model) moveEdit(dir int) tea.Cmd {
	n := m.step(dir, true)
	if n < 0 {
		m.note = fmt.Sprintf(text.NarrLastPara, keys.Key(m.keys.Done))
		if dir < 0 {
			m.note = text.NarrFirstPara
		}
		return m.commitKeepOpen()
	}
	cmd := m.stopEdit()
	m.cur = n
	m.editBody()
	return cmd
}

func (m *Model) editKey(k tea.KeyPressMsg) tea.Cmd {
	m.note = ""
	switch {
	case key.Matches(k, m.keys.Done):
		return m.stopEdit()
	case key.Matches(k, m.keys.Save):
		m.dirty = true
		return m.commitKeepOpen()
	case key.Matches(k, m.keys.NextPara):
		return m.moveEdit(1)
	case key.Matches(k, m.keys.PrevPara):
		return m.moveEdit(-1)
	case key.Matches(k, m.keys.Generate):
		return m.insertGenerated()
	}
	before := m.ed.Value()
	if m.ed.Update(k) && m.ed.Value() != before {
		m.dirty = true
		return m.tick()
	}
	return nil
}

func (m *Model) renameKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Done), key.Matches(k, m.keys.Confirm), key.Matches(k, m.keys.Save):
		m.dirty = m.in.Value() != m.blocks[m.cur].Text
		next := key.Matches(k, m.keys.NextPara)
		cmd := m.stopEdit()
		if next {
			m.editBody()
		}
		return cmd
	}
	if m.in.Update(k) {
		m.dirty = true
		m.shapeNote()
	}
	return nil
}

func (m *Model) browseKey(k tea.KeyPressMsg) tea.Cmd {
	m.note, m.warn = "", false
	switch {
	case key.Matches(k, m.keys.Up):
		if n := m.step(-1, false); n >= 0 {
			m.cur = n
		}
	case key.Matches(k, m.keys.Down):
		if n := m.step(1, false); n >= 0 {
			m.cur = n
		}
	case key.Matches(k, m.keys.Top):
		m.cur = m.stop(0, 1)
	case key.Matches(k, m.keys.Bottom):
		m.cur = m.stop(len(m.blocks)-1, -1)
	case key.Matches(k, m.keys.Edit):
		m.editBody()
	case key.Matches(k, m.keys.Rename):
		m.startRename()
	case key.Matches(k, m.keys.AddHeading):
		return m.addHeading()
	case key.Matches(k, m.keys.AddPara):
		return m.addParagraph()
	case key.Matches(k, m.keys.Delete):
		b := m.blocks[m.cur]
		if b.Kind == model.BlockParagraph && b.ID == 0 && strings.TrimSpace(b.Text) == "" {
			m.note = text.NarrNothingToDel
			return nil
		}
		return dialog.Delete(m.c, m.blockName(m.cur), deleteYesMsg{})
	case key.Matches(k, m.keys.Undo):
		return m.undoDelete()
	case key.Matches(k, m.keys.MoveUp):
		return m.moveGroup(-1)
	case key.Matches(k, m.keys.MoveDown):
		return m.moveGroup(1)
	case key.Matches(k, m.keys.Generate):
		return m.insertGenerated()
	case key.Matches(k, m.keys.Save):
		return func() tea.Msg { return common.SavedMsg{At: m.c.Now()} }
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
	from := m.headingOf(i)
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
	if m.c.Report() == nil {
		return nil
	}
	rid, sec := m.c.Report().ID, m.section
	keep := append([]model.Block(nil), bs...)
	for i := range keep {
		keep[i].Pos = i
		keep[i].Section = sec
	}
	m.storing = true
	ctx, st := m.c.Ctx, m.c.Store
	return m.c.Track(func() tea.Msg {
		for _, id := range deleted {
			if id == 0 {
				continue
			}
			if err := st.DeleteBlock(ctx, id); err != nil {
				return blocksMsg{section: sec, err: err}
			}
		}
		ids := make([]int64, len(keep))
		for i := range keep {
			if keep[i].ID == 0 {
				if err := st.SaveBlock(ctx, rid, &keep[i]); err != nil {
					return blocksMsg{section: sec, err: err}
				}
			}
			ids[i] = keep[i].ID
		}
		if err := st.ReorderBlocks(ctx, rid, sec, ids); err != nil {
			return blocksMsg{section: sec, err: err}
		}
		return blocksMsg{section: sec, blocks: keep, focus: focus, rename: rename}
	})
}

// addHeading adds an extra heading with an empty paragraph after the
// current sub-section and opens it for naming.
func (m *Model) addHeading() tea.Cmd {
	_, at := m.group(m.cur)
	bs := append([]model.Block(nil), m.blocks[:at]...)
	bs = append(bs,
		model.Block{Kind: model.BlockHeading, Level: 1, Text: text.NarrNewHeading},
		model.Block{Kind: model.BlockParagraph, Text: ""})
	bs = append(bs, m.blocks[at:]...)
	return m.restructure(bs, nil, at, true)
}

// addParagraph adds an empty paragraph after the cursor and opens it.
func (m *Model) addParagraph() tea.Cmd {
	at := min(len(m.blocks), m.cur+1)
	bs := append([]model.Block(nil), m.blocks[:at]...)
	bs = append(bs, model.Block{Kind: model.BlockParagraph})
	bs = append(bs, m.blocks[at:]...)
	m.blocks = bs
	m.cur = at
	m.mode = editingText
	m.ed.SetValue("")
	return nil
}

func (m *Model) moveGroup(dir int) tea.Cmd {
	from, to := m.group(m.cur)
	if from < 0 || to <= from {
		return nil
	}
	if m.fixed(from) {
		m.note = text.NarrOfficialOrder
		return nil
	}
	var bs []model.Block
	var focus int
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

// deleteCurrent deletes the paragraph under the cursor, or an extra heading
// with its paragraphs, keeping them for undo.
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
	m.note = fmt.Sprintf(text.NarrDeleted, keys.Key(m.keys.Undo))
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

// View implements common.Screen: it only draws, at the scroll Update
// settled.
func (m *Model) View(width, height int) string {
	frame, _, _, _ := m.render(width, height, false)
	return frame
}

// render lays the section out in width×height cells and returns the frame,
// the first body line shown (so the current block, or at least its cursor,
// is visible) and the cursor cell (-1, -1 when nothing is edited). Only
// with settle does it scroll the open editor or heading input; it writes
// nothing else.
func (m *Model) render(width, height int, settle bool) (frame string, top, curX, curY int) {
	st := m.c.Styles
	head := st.Heading.Render(model.SectionTitles[m.section]) + "  " + st.Muted.Render(fmt.Sprintf(text.NarrChars, m.Chars()))
	var foot string
	switch {
	case m.note != "" && m.warn:
		foot = st.Warning.Render(m.note)
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
	curX, curY = -1, -1
	heading := 0
	for i, b := range m.blocks {
		if i == m.cur {
			curFrom = len(lines)
		}
		gutter := "  "
		if i == m.cur {
			gutter = st.Heading.Render("▸ ")
		}
		stale := ""
		if b.Stale {
			stale = st.Stale.Render("【" + text.MarkStale + "】")
		}
		if b.Kind == model.BlockHeading {
			heading++
			num := "（" + desk.ChineseNumber(heading) + "）"
			if b.Level >= 2 {
				num = fmt.Sprintf("%d.", heading)
			}
			if i == m.cur && m.mode == renaming {
				nw := components.StringWidth(num)
				if settle {
					m.in.Scroll(max(2, textW-nw))
				}
				view := m.in.Draw(max(2, textW-nw))
				curX, curY = 2+nw+m.in.CursorX(), len(lines)
				lines = append(lines, gutter+st.Heading.Render(num)+st.Focused.Render(view))
			} else {
				t := num + b.Text
				mark := ""
				if m.section == 1 && !m.fixed(i) {
					mark = st.Muted.Render(text.NarrExtraMark)
				}
				if i == m.cur && m.mode == browsing {
					t = st.Selected.Render(t)
				} else {
					t = st.Heading.Render(t)
				}
				t += mark
				lines = append(lines, components.Fit(gutter+stale+t, width))
			}
		} else if i == m.cur && m.mode == editingText {
			n := len(components.Wrap(m.ed.Value(), textW-1)) + 1
			h := max(3, min(n, bodyH-2))
			if settle {
				m.ed.Scroll(textW, h)
			}
			view := strings.Split(m.ed.Draw(textW, h), "\n")
			x, y := m.ed.CursorXY()
			curX, curY = 2+x, len(lines)+y
			for j, l := range view {
				if j > 0 {
					gutter = "  "
				}
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
					if j == 1 {
						gutter = "  " // the marker on the paragraph's first line only
					}
					lines = append(lines, components.Fit(gutter+l, width))
				}
			}
		}
		if i == m.cur {
			curTo = len(lines)
		}
	}
	// Scroll so the current block (or at least its cursor) is visible.
	top = m.top
	if curFrom < top {
		top = curFrom
	}
	if curTo > top+bodyH {
		top = curTo - bodyH
		if m.mode == browsing && top > curFrom {
			// A block taller than the view is shown from its start.
			top = curFrom
		}
		if curY >= 0 && curY < top {
			top = curY
		}
	}
	top = max(0, min(top, max(0, len(lines)-1)))
	if curY >= 0 {
		curY = curY - top + 1
	}
	body := components.Block(strings.Join(lines[top:], "\n"), width, bodyH)
	return components.Block(head+"\n"+body+"\n"+foot, width, height), top, curX, curY
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

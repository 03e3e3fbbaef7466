// Package check is the check screen: every finding of the open organ-year
// grouped by section, errors first; Enter jumps to the cell or entry, and a
// warning can be acknowledged with a reason.
package check

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// line is one drawn line of the list: a section heading or a finding.
type line struct {
	heading string
	finding int // index into items, -1 for a heading
}

// Model is the check screen.
type Model struct {
	c      *common.Common
	items  []model.Finding
	lines  []line
	list   components.List // over items
	acking bool
	in     *components.Input
	err    string
	note   string
	top    int
	curX   int
	curY   int
	keys   checkKeys
	// width and height are the screen's size (tea.WindowSizeMsg).
	width, height int

	// drawn caches the list's lines as drawn without the cursor, by line,
	// for one snapshot and width: a key moves the cursor over thousands of
	// findings and only the two lines it leaves and reaches change.
	drawn struct {
		version uint64
		width   int
		lines   []string
	}
}

// New builds the check screen.
func New(c *common.Common) common.Screen {
	m := &Model{c: c, in: components.NewInput()}
	m.in.Clean = model.CleanLine
	m.keys = checkKeys{
		Up:      keys.Bind(text.KeyUp, "up", "shift+tab", "k"),
		Down:    keys.Bind(text.KeyDown, "down", "tab", "j"),
		Page:    key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", text.ReqKeyPage)),
		Jump:    keys.Bind(text.CheckKeyJump, "enter"),
		Ack:     keys.Bind(text.CheckKeyAck, "a"),
		Unack:   keys.Bind(text.CheckKeyUnack, "x"),
		Back:    keys.Bind(text.KeyBack, "esc"),
		Confirm: keys.Bind(text.KeyConfirm, "enter"),
		Cancel:  keys.Bind(text.KeyCancel, "esc"),
	}
	m.rebuild()
	return m
}

// order ranks outline entries for grouping.
func order(sec string) int {
	for i, s := range common.Outline {
		if s == sec {
			return i
		}
	}
	return len(common.Outline)
}

func (m *Model) rebuild() {
	items := append([]model.Finding(nil), m.c.Findings()...)
	sort.SliceStable(items, func(i, j int) bool {
		a, b := order(common.SectionOf(items[i])), order(common.SectionOf(items[j]))
		if a != b {
			return a < b
		}
		return items[i].Severity < items[j].Severity
	})
	m.items = items
	m.lines = nil
	m.drawn.lines = nil // drawn again from the new findings
	prev := ""
	for i, f := range items {
		sec := common.SectionOf(f)
		if sec != prev {
			m.lines = append(m.lines, line{heading: common.EntryTitle(sec), finding: -1})
			prev = sec
		}
		m.lines = append(m.lines, line{finding: i})
	}
	m.list.SetLen(len(items))
}

// Items are the findings in the order shown (tests).
func (m *Model) Items() []model.Finding { return m.items }

// Selected is the finding under the cursor.
func (m *Model) Selected() (model.Finding, bool) {
	if len(m.items) == 0 {
		return model.Finding{}, false
	}
	return m.items[m.list.Cursor], true
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return text.CheckTitle }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	if m.acking {
		return keys.Map{Short: []key.Binding{k.Confirm, k.Cancel}}
	}
	f, ok := m.Selected()
	k.Up.SetEnabled(m.list.Cursor > 0)
	k.Down.SetEnabled(m.list.Cursor < m.list.Len-1)
	k.Page.SetEnabled(m.list.Len > 1)
	k.Jump.SetEnabled(ok)
	k.Ack.SetEnabled(ok && f.Severity == model.Warning)
	k.Unack.SetEnabled(ok && f.Acked)
	return keys.Map{
		Short: []key.Binding{k.Jump, k.Ack, k.Unack, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.Page, k.Jump, k.Ack, k.Unack, k.Back}},
	}
}

// checkKeys are the keys of the check list and of the reason typed when a
// 提示 is acknowledged (Confirm, Cancel).
type checkKeys struct{ Up, Down, Page, Jump, Ack, Unack, Back, Confirm, Cancel key.Binding }

// Typing implements common.Typing.
func (m *Model) Typing() bool { return m.acking }

// Busy implements common.Busy.
func (m *Model) Busy() bool { return m.acking }

// Update implements common.Screen: the screen's keys and messages, then
// the scroll, the reason input's scroll and the cursor settled for the
// screen's size, so that View only draws.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.width, m.height = sz.Width, sz.Height
	}
	s, cmd := m.update(msg)
	m.settle()
	return s, cmd
}

// heights are the list's and the detail's heights on a screen of height
// lines (under the heading; a rule line above the detail).
func heights(height int) (listH, detailH int) {
	detailH = min(6, max(3, height/3))
	return max(1, height-1-detailH-1), detailH
}

// settle scrolls the list to the cursor's finding, fills the cache of the
// lines now in view, scrolls the reason input and places the cursor.
func (m *Model) settle() {
	m.curX, m.curY = -1, -1
	if len(m.items) == 0 || m.width <= 0 {
		return
	}
	listH, _ := heights(m.height)
	curLine := 0
	for li, l := range m.lines {
		if l.finding >= 0 && l.finding == m.list.Cursor {
			curLine = li
			break
		}
	}
	if curLine < m.top {
		m.top = max(0, curLine-1)
	}
	if curLine >= m.top+listH {
		m.top = curLine - listH + 1
	}
	m.top = max(0, min(m.top, len(m.lines)-1))
	var version uint64
	if m.c.Snap != nil {
		version = m.c.Snap.Version()
	}
	if d := &m.drawn; d.version != version || d.width != m.width || len(d.lines) != len(m.lines) {
		d.version, d.width, d.lines = version, m.width, make([]string, len(m.lines))
	}
	for li := m.top; li < min(len(m.lines), m.top+listH); li++ {
		if l := m.lines[li]; m.drawn.lines[li] == "" && l.finding != m.list.Cursor {
			m.drawn.lines[li] = m.drawLine(l, m.width, false)
		}
	}
	if m.acking {
		m.in.Scroll(m.inputWidth(m.width))
	}
	_, m.curX, m.curY = m.detail(m.width, m.height)
}

// inputWidth is the room for the reason after its prompt.
func (m *Model) inputWidth(width int) int {
	return max(4, width-components.StringWidth(text.CheckAckPrompt+"："))
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.OrganYearMsg, common.SavedMsg:
		m.rebuild()
	case tea.PasteMsg:
		if m.acking {
			m.in.Update(msg)
		}
	case tea.KeyPressMsg:
		if m.acking {
			return m, m.ackKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(k tea.KeyPressMsg) tea.Cmd {
	m.err, m.note = "", ""
	b := m.keys
	switch {
	case key.Matches(k, b.Up):
		m.list.Move(-1)
		return nil
	case key.Matches(k, b.Down):
		m.list.Move(1)
		return nil
	case key.Matches(k, b.Page):
		m.list.HandleKey(k, 10)
		return nil
	}
	f, ok := m.Selected()
	if !ok {
		return nil
	}
	switch {
	case key.Matches(k, b.Jump):
		g := common.GoToMsg{Section: common.SectionOf(f), Cell: f.Cell, Entry: f.Entry}
		return func() tea.Msg { return g }
	case key.Matches(k, b.Ack):
		if f.Severity == model.Error {
			m.err = text.CheckAckError
			return nil
		}
		m.acking = true
		m.in.SetValue(f.AckReason)
		m.in.Focus()
	case key.Matches(k, b.Unack):
		if !f.Acked {
			return nil
		}
		m.setAck(f, nil)
		rid := m.c.Report().ID
		return m.c.Save(func(ctx context.Context, st common.Desk) error {
			return st.DeleteAck(ctx, rid, f.Rule, f.Target())
		})
	}
	return nil
}

// setAck replaces the acknowledgement of finding f in the open report by
// ack (none when ack is nil).
func (m *Model) setAck(f model.Finding, ack *model.Ack) {
	m.c.Edit(func(oy *model.OrganYear) {
		var keep []model.Ack
		for _, a := range oy.Report.Acks {
			if a.Rule != f.Rule || a.Target != f.Target() {
				keep = append(keep, a)
			}
		}
		if ack != nil {
			keep = append(keep, *ack)
		}
		oy.Report.Acks = keep
	})
}

func (m *Model) ackKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Cancel):
		m.acking = false
		m.in.Blur()
		m.err = ""
		return nil
	case key.Matches(k, m.keys.Confirm):
		reason := strings.TrimSpace(m.in.Value())
		if reason == "" {
			m.err = text.CheckAckNeeded
			return nil
		}
		f, _ := m.Selected()
		ack := model.Ack{Rule: f.Rule, Target: f.Target(), Reason: reason}
		m.setAck(f, &ack)
		m.acking = false
		m.in.Blur()
		m.err = ""
		rid := m.c.Report().ID
		return m.c.Save(func(ctx context.Context, st common.Desk) error {
			if reason == "" {
				return errors.New(text.CheckAckNeeded)
			}
			return st.SaveAck(ctx, rid, ack)
		})
	}
	m.in.Update(k)
	m.err = ""
	return nil
}

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	st := m.c.Styles
	e, w := m.c.CountFindings("")
	head := st.Heading.Render(text.CheckTitle) + "  " + st.Muted.Render(fmt.Sprintf(text.StatusFindings, e, w))
	if len(m.items) == 0 {
		return components.Block(head+"\n\n"+st.OK.Render(text.CheckNone), width, height)
	}
	listH, detailH := heights(height)
	// Only the visible lines are drawn: at 50,000 requests a check run
	// holds thousands of findings, and drawing them all took 14–21 ms a key.
	// Update drew them into the cache; a line missing there (a new
	// snapshot not yet heard of) is drawn here and not kept.
	top := max(0, min(m.top, len(m.lines)-1))
	var version uint64
	if m.c.Snap != nil {
		version = m.c.Snap.Version()
	}
	cached := m.drawn.version == version && m.drawn.width == width && len(m.drawn.lines) == len(m.lines)
	var out []string
	for li := top; li < min(len(m.lines), top+listH); li++ {
		l := m.lines[li]
		switch {
		case l.finding == m.list.Cursor && l.finding >= 0:
			out = append(out, m.drawLine(l, width, true))
		case cached && m.drawn.lines[li] != "":
			out = append(out, m.drawn.lines[li])
		default:
			out = append(out, m.drawLine(l, width, false))
		}
	}
	list := components.Block(strings.Join(out, "\n"), width, listH)
	det, _, _ := m.detail(width, height)
	detail := components.Block(strings.Join(det, "\n"), width, detailH+1)
	return components.Block(head+"\n"+list+"\n"+detail, width, height)
}

// detail is the selected finding's detail under the list, with the reason
// input while acknowledging, and where the cursor is in the screen (-1, -1
// when there is no input). It changes nothing: Update scrolled the input.
func (m *Model) detail(width, height int) (det []string, curX, curY int) {
	st := m.c.Styles
	listH, detailH := heights(height)
	f, _ := m.Selected()
	det = append(det, st.Border.Render(strings.Repeat("─", width)))
	det = append(det, st.Label.Render(components.Fit(f.Place(m.c.Format()), width)))
	det = append(det, components.Wrap(f.Message, width)...)
	if f.Acked {
		det = append(det, st.Muted.Render(fmt.Sprintf(text.CheckAckedLabel, f.AckReason)))
	}
	curX, curY = -1, -1
	if m.acking {
		label := text.CheckAckPrompt + "："
		lw := components.StringWidth(label)
		det = append(det, st.Label.Render(label)+m.in.Draw(m.inputWidth(width)))
		curX, curY = lw+m.in.CursorX(), 1+listH+len(det)-1
	}
	if m.err != "" {
		det = append(det, st.Error.Render(m.err))
	}
	if m.acking && len(det) > detailH+1 {
		// Keep the reason input visible.
		det = append(det[:1], det[len(det)-detailH:]...)
		curY = 1 + listH + len(det) - 1
		if m.err != "" {
			curY--
		}
	}
	return det, curX, curY
}

// drawLine draws one line of the list: a section heading, or a finding
// (selected: under the cursor).
func (m *Model) drawLine(l line, width int, selected bool) string {
	st := m.c.Styles
	if l.finding < 0 {
		return st.Label.Render(components.Fit(l.heading, width))
	}
	f := m.items[l.finding]
	mark, style := text.MarkError, st.Error
	if f.Severity == model.Warning {
		mark, style = text.MarkWarning, st.Warning
		if f.Acked {
			mark, style = text.MarkDone, st.Muted
		}
	}
	line := fmt.Sprintf("%s %s %-3s %s", mark, f.Severity.Label(), f.Rule, f.Message)
	if f.Acked {
		line = fmt.Sprintf("%s %s %-3s 〔%s〕%s", mark, f.Severity.Label(), f.Rule, text.MarkAcked, f.Message)
	}
	s := components.Fit(line, max(1, width-2))
	if selected {
		return components.CursorMark(true) + st.Selected.Render(s)
	}
	return components.CursorMark(false) + style.Render(s)
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor {
	if !m.acking || m.curX < 0 {
		return nil
	}
	return tea.NewCursor(m.curX, m.curY)
}

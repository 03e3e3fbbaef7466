// Package entrylist is the list screen shared by the short entry lists of
// an organ-year (review and litigation cases, improvement measures): the
// entries of the open year, n to add, enter to edit in the entry's form, d
// to delete after a y/n question, u to bring the last deleted entry back,
// and a jump from the check screen that puts the cursor on its entry. Each
// list says how its entries are read, stored and drawn in a Spec.
package entrylist

import (
	"context"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/entrydelete"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// Spec describes one kind of entry.
type Spec[T any] struct {
	Title string
	Kind  string // model.EntryCase, model.EntryMeasure …
	// Part is the part of the organ-year the entries are: the app reads
	// it back after a delete or an undo (common.ReloadParts).
	Part desk.Parts
	// Entries lists the open year's entries in the order shown.
	Entries func(oy *model.OrganYear) []T
	ID      func(x *T) int64
	// Name names an entry in the delete question; Deleted is the note
	// shown after deleting it.
	Name    func(x *T) string
	Deleted func(x *T) string
	// Delete removes an entry and returns it as it was; Restore stores a
	// deleted entry again as a new one and returns it with its new id.
	Delete  func(ctx context.Context, st common.Desk, id int64) (T, error)
	Restore func(ctx context.Context, st common.Desk, x T) (T, error)
	// Form opens the entry's form: a new entry when x is nil.
	Form func(c *common.Common, x *T) common.Screen
	// Heading, Hint and Empty are the list's first line, its key hint and
	// the line shown when there is no entry (its %s is the key that adds
	// one).
	Heading func(n int) string
	Note    string
	Empty   string
	// Header and Row draw the column heads and the row of entry i in
	// width cells; Footer adds lines under the rows (may be nil).
	Header func(width int) string
	Row    func(i int, x *T, width int) string
	Footer func(c *common.Common) []string
}

// List is the list screen of one kind of entry.
type List[T any] struct {
	c       *common.Common
	spec    *Spec[T]
	list    components.List
	del     *entrydelete.Bin[T]
	note    string
	keys    listKeys
	pending int64
	// height is the screen's height (tea.WindowSizeMsg).
	height int
}

// New builds the list of the open organ-year.
func New[T any](c *common.Common, spec *Spec[T]) *List[T] {
	del := entrydelete.New(c, entrydelete.Spec[T]{ID: spec.ID, Name: spec.Name, Deleted: spec.Deleted, Delete: spec.Delete, Restore: spec.Restore,
		Reload: func(*T) tea.Cmd { return common.ReloadParts(spec.Part) }})
	return &List[T]{c: c, spec: spec, del: del, keys: listKeys{
		New: keys.Bind(text.KeyAdd, "n"), Edit: keys.Bind(text.KeyEdit, "enter", "e"),
		Delete: keys.Bind(text.KeyDelete, "d", "delete"), Undo: keys.Bind(text.KeyUndo, "u", "ctrl+z"),
		Up: keys.Bind(text.KeyUp, "up", "k"), Down: keys.Bind(text.KeyDown, "down", "j"),
		Page: key.NewBinding(key.WithKeys("pgup", "pgdown", "home", "end"), key.WithHelp("pgup/pgdn", text.ReqKeyPage)),
	}}
}

// listKeys are the keys of a list of cases or measures.
type listKeys struct{ New, Edit, Delete, Undo, Up, Down, Page key.Binding }

// Entries is the open year's entries in the order shown.
func (m *List[T]) Entries() []T {
	if m.c.OrganYear() == nil {
		return nil
	}
	return m.spec.Entries(m.c.OrganYear())
}

// Title implements common.Screen.
func (m *List[T]) Title() string { return m.spec.Title }

// Init implements common.Screen.
func (m *List[T]) Init() tea.Cmd { m.list.SetLen(len(m.Entries())); return nil }

// KeyMap implements common.Screen.
func (m *List[T]) KeyMap() help.KeyMap {
	k, n := m.keys, len(m.Entries())
	k.Edit.SetEnabled(n > 0)
	k.Delete.SetEnabled(n > 0)
	k.Up.SetEnabled(m.list.Cursor > 0)
	k.Down.SetEnabled(m.list.Cursor < n-1)
	k.Page.SetEnabled(n > 1)
	return keys.Map{
		Short: []key.Binding{k.New, k.Edit, k.Delete, k.Undo, k.Up, k.Down},
		Full:  [][]key.Binding{{k.New, k.Edit, k.Delete, k.Undo, k.Up, k.Down, k.Page}},
	}
}

// Cursor implements common.Screen.
func (m *List[T]) Cursor() *tea.Cursor { return nil }

// Update implements common.Screen: the list's keys and messages, then its
// scroll settled for the screen's height, so that View only draws.
func (m *List[T]) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.height = sz.Height
	}
	s, cmd := m.update(msg)
	n := len(m.Entries())
	m.list.SetLen(n)
	m.list.Visible(m.rows(m.height, n))
	return s, cmd
}

// rows is the number of entry rows a screen of height lines shows for n
// entries: all but the heading, note, column header, empty-list note and
// footer.
func (m *List[T]) rows(height, n int) int {
	head := 3
	if n == 0 {
		head++
	}
	foot := 0
	if m.spec.Footer != nil {
		foot = len(m.spec.Footer(m.c))
	}
	return max(1, height-head-foot)
}

func (m *List[T]) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if ok, ev, cmd := m.del.Update(msg); ok {
		m.note = ev.Note
		if ev.Restored != 0 {
			m.pending = ev.Restored
		}
		return m, cmd
	}
	switch msg := msg.(type) {
	case common.OrganYearMsg:
		m.list.SetLen(len(m.Entries()))
		m.selectPending()
	case common.GoToMsg:
		if msg.Entry.Kind == m.spec.Kind {
			m.pending = msg.Entry.ID
			m.selectPending()
		}
	case tea.KeyPressMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *List[T]) selectPending() {
	if m.pending == 0 {
		return
	}
	xs := m.Entries()
	for i := range xs {
		if m.spec.ID(&xs[i]) == m.pending {
			m.list.Cursor = i
			m.pending = 0
			return
		}
	}
}

func (m *List[T]) key(k tea.KeyPressMsg) tea.Cmd {
	m.note = ""
	xs := m.Entries()
	m.list.SetLen(len(xs))
	b := m.keys
	if key.Matches(k, b.Up, b.Down, b.Page) {
		m.list.HandleKey(k, 10)
		return nil
	}
	switch {
	case key.Matches(k, b.New):
		return common.Push(m.spec.Form(m.c, nil))
	case key.Matches(k, b.Edit):
		if m.list.Cursor < len(xs) {
			x := xs[m.list.Cursor]
			return common.Push(m.spec.Form(m.c, &x))
		}
	case key.Matches(k, b.Delete):
		if m.list.Cursor < len(xs) {
			return m.del.Ask(xs[m.list.Cursor])
		}
	case key.Matches(k, b.Undo):
		cmd, note := m.del.Undo()
		m.note = note
		return cmd
	}
	return nil
}

// View implements common.Screen.
func (m *List[T]) View(width, height int) string {
	st := m.c.Styles
	xs := m.Entries()
	lines := []string{st.Heading.Render(m.spec.Heading(len(xs)))}
	switch {
	case m.note != "":
		lines = append(lines, st.OK.Render(m.note))
	default:
		note := "；" + m.spec.Note
		hints := components.KeyHints(m.KeyMap().ShortHelp(), key.Binding{}, width-components.StringWidth(note))
		lines = append(lines, st.Muted.Render(hints+note))
	}
	rw := max(1, width-2) // behind the cursor column
	lines = append(lines, "  "+st.Label.Render(m.spec.Header(rw)))
	if len(xs) == 0 {
		lines = append(lines, st.Muted.Render(fmt.Sprintf(m.spec.Empty, keys.Key(m.keys.New))))
	}
	var foot []string
	if m.spec.Footer != nil {
		foot = m.spec.Footer(m.c)
	}
	from, to := m.list.Window(m.rows(height, len(xs)))
	for i := from; i < min(to, len(xs)); i++ {
		line := m.spec.Row(i, &xs[i], rw)
		if i == m.list.Cursor {
			line = st.Selected.Render(components.Fit(line, rw))
		}
		line = components.CursorMark(i == m.list.Cursor) + line
		lines = append(lines, line)
	}
	lines = append(lines, foot...)
	return components.Block(strings.Join(lines, "\n"), width, height)
}

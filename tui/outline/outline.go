// Package outline is the report outline: the list of sections on the left
// (基本信息, 一 … 六, the logs, 检查, 导出) with a completion mark and a
// finding count each, and the selected section's screen on the right.
package outline

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/model"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// ListWidth is the width of the section list.
const ListWidth = 22

// WideEnough is the terminal width from which the list stays visible while
// a section has the focus.
const WideEnough = 100

func keyOf(sec string) string {
	if e, ok := common.Entry(sec); ok && e.Key != "" {
		return e.Key
	}
	return " "
}

// jumpTo is the entry whose jump key is k (one of jumpBinding's keys).
func jumpTo(k string) string {
	for _, e := range common.Entries {
		if e.Key == k {
			return e.ID
		}
	}
	return ""
}

// jumpBinding is the outline's jump keys as one binding, its help listing
// them as the registry has them ("0-6" for the report's sections).
func jumpBinding() key.Binding {
	var ks, digits, letters []string
	for _, e := range common.Entries {
		if e.Key == "" {
			continue
		}
		ks = append(ks, e.Key)
		if e.Section == 0 && e.ID != common.SecProfile {
			letters = append(letters, e.Key)
		} else {
			digits = append(digits, e.Key)
		}
	}
	h := strings.Join(letters, " ")
	if len(digits) > 0 {
		// The profile and the sections have the digit keys in order: one
		// range says them.
		h = digits[0] + "-" + digits[len(digits)-1] + " " + h
	}
	return key.NewBinding(key.WithKeys(ks...), key.WithHelp(h, text.OutlineKeyJump))
}

// Model is the outline screen.
type Model struct {
	c          *common.Common
	factories  map[string]common.Factory
	cursor     int
	focusRight bool
	children   map[string]common.Screen
	keys       outlineKeys
	// size is the outline's size (tea.WindowSizeMsg); sized is the size
	// each child was last told, so a child hears of its width changing
	// when the list shows or hides beside it.
	size  tea.WindowSizeMsg
	sized map[string]tea.WindowSizeMsg
	// list is the section list as last drawn, kept while what it shows is
	// the same (listKey): drawing it again was more than a third of a key
	// on the request log at 200×60, beside a list that changes.
	list struct {
		key   listKey
		lines []string
	}
}

// listKey is everything the section list is drawn from: the year's
// snapshot (immutable: a save makes a new one) or, while it loads, the
// report's head; the organ's fields the profile's ✓ reads; the cursor,
// the focus, the height and the style sheet.
type listKey struct {
	snap       *desk.Year
	report     *model.Report
	organ      [3]string
	cursor     int
	focusRight bool
	height     int
	styles     *styles.Sheet
}

// outlineKeys are the section list's keys, and the two that change
// section while one has the focus.
type outlineKeys struct {
	Open, Next, Prev, Jump, Back, Quit, First, Last key.Binding
	NextSection, PrevSection, Leave                 key.Binding
}

// New builds the outline for the open organ-year. factories maps outline
// entries to their screens; an entry without one shows a note.
func New(c *common.Common, factories map[string]common.Factory) *Model {
	m := &Model{c: c, factories: factories, children: map[string]common.Screen{}, sized: map[string]tea.WindowSizeMsg{}}
	m.keys = outlineKeys{
		Open:        keys.Bind(text.KeyOpen, "enter", "right", "l"),
		Next:        keys.Bind(text.KeyNext, "tab", "down"),
		Prev:        keys.Bind(text.KeyPrev, "shift+tab", "up"),
		Jump:        jumpBinding(),
		Back:        keys.Bind(text.OutlineKeyBack, "esc"),
		Quit:        keys.Bind(text.KeyQuit, "q"),
		First:       keys.Keys(keys.Nav.Home, "home"),
		Last:        keys.Keys(keys.Nav.End, "end"),
		NextSection: keys.Bind(text.OutlineKeyNextSec, "ctrl+n", "ctrl+pgdown"),
		PrevSection: keys.Bind(text.OutlineKeyPrevSec, "ctrl+p", "ctrl+pgup"),
		Leave:       keys.Bind(text.OutlineKeyLeave, "esc"),
	}
	m.build()
	return m
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return m.child().Init() }

// Title implements common.Screen.
func (m *Model) Title() string {
	t := m.c.Organ.Name + " " + fmt.Sprintf(text.StatusYear, m.c.Year)
	if m.focusRight {
		t += " › " + common.EntryTitle(m.Current())
	}
	return t
}

// Current is the selected entry.
func (m *Model) Current() string { return common.Outline[m.cursor] }

// ListFocused reports whether the section list has the keys.
func (m *Model) ListFocused() bool { return !m.focusRight }

// Child is the screen of the selected entry.
func (m *Model) Child() common.Screen { return m.child() }

// child is the selected entry's screen, built when the entry was selected
// (New, selectEntry): View, Cursor and KeyMap only look it up.
func (m *Model) child() common.Screen {
	if s, ok := m.children[m.Current()]; ok {
		return s
	}
	// Not reached: every change of the selection builds its screen.
	return newNote(m.c, m.Current())
}

// build makes the selected entry's screen if it is not made yet, and
// returns it.
func (m *Model) build() common.Screen {
	sec := m.Current()
	if s, ok := m.children[sec]; ok {
		return s
	}
	var s common.Screen
	if f, ok := m.factories[sec]; ok && f != nil {
		s = f(m.c)
	} else {
		s = newNote(m.c, sec)
	}
	m.children[sec] = s
	return s
}

// Typing implements common.Typing.
func (m *Model) Typing() bool { return m.focusRight && common.IsTyping(m.child()) }

// Dirty implements common.Editing.
func (m *Model) Dirty() bool {
	for _, s := range m.children {
		if common.IsDirty(s) {
			return true
		}
	}
	return false
}

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	if m.focusRight {
		// The section's keys, then the two that change section.
		ck := m.child().KeyMap()
		full := append(append([][]key.Binding{}, ck.FullHelp()...), []key.Binding{k.NextSection, k.PrevSection})
		return keys.Map{Short: ck.ShortHelp(), Full: full}
	}
	// Letters are jump keys here, so the list moves by arrows and Tab only.
	k.First.SetEnabled(m.cursor > 0)
	k.Last.SetEnabled(m.cursor < len(common.Outline)-1)
	return keys.Map{
		Short: []key.Binding{k.Open, k.Next, k.Jump, k.Back, k.Quit},
		Full:  [][]key.Binding{{k.Open, k.Next, k.Prev, k.First, k.Last, k.Jump, k.Back, k.Quit}},
	}
}

func (m *Model) selectEntry(sec string) tea.Cmd {
	for i, s := range common.Outline {
		if s == sec {
			_, built := m.children[sec]
			m.cursor = i
			if !built {
				return m.build().Init()
			}
			return nil
		}
	}
	return nil
}

func (m *Model) move(delta int) tea.Cmd {
	n := len(common.Outline)
	return m.selectEntry(common.Outline[(m.cursor+delta+n)%n])
}

// Update implements common.Screen.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	if sz, ok := msg.(tea.WindowSizeMsg); ok {
		m.size = sz
		return m, m.sizeChild()
	}
	s, cmd := m.update(msg)
	return s, tea.Batch(cmd, m.sizeChild())
}

// sizeChild tells the selected entry's screen its size when it differs
// from what it was last told: the outline's, less the list when the list
// is drawn beside it.
func (m *Model) sizeChild() tea.Cmd {
	if m.size.Width <= 0 {
		return nil
	}
	sz := m.size
	if m.showList(sz.Width) {
		sz.Width = sz.Width - ListWidth - 1
	}
	sec := m.Current()
	if m.sized[sec] == sz {
		return nil
	}
	m.sized[sec] = sz
	return m.toChild(sz)
}

func (m *Model) update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if m.focusRight {
			return m, m.rightKey(msg)
		}
		return m, m.listKey(msg)
	case tea.PasteMsg:
		if m.focusRight {
			return m, m.toChild(msg)
		}
		return m, nil
	case common.GoToMsg:
		var blur tea.Cmd
		if m.focusRight && msg.Section != m.Current() {
			blur = m.toChild(common.BlurMsg{})
		}
		cmd := tea.Batch(blur, m.selectEntry(msg.Section))
		m.focusRight = true
		return m, tea.Batch(cmd, m.toChild(msg))
	case common.BackMsg:
		m.focusRight = false
		return m, m.toChild(common.BlurMsg{})
	}
	// Everything else (saves, reloads, a screen's own replies) goes to every
	// built screen: a reply may arrive after the clerk moved on.
	var cmds []tea.Cmd
	for sec, s := range m.children {
		ns, cmd := s.Update(msg)
		m.children[sec] = ns
		cmds = append(cmds, cmd)
	}
	return m, tea.Batch(cmds...)
}

func (m *Model) toChild(msg tea.Msg) tea.Cmd {
	s, cmd := m.child().Update(msg)
	m.children[m.Current()] = s
	return cmd
}

func (m *Model) listKey(k tea.KeyPressMsg) tea.Cmd {
	b := m.keys
	switch {
	case key.Matches(k, b.Prev):
		return m.move(-1)
	case key.Matches(k, b.Next):
		return m.move(1)
	case key.Matches(k, b.First):
		return m.selectEntry(common.Outline[0])
	case key.Matches(k, b.Last):
		return m.selectEntry(common.Outline[len(common.Outline)-1])
	case key.Matches(k, b.Open):
		m.focusRight = true
		return nil
	case key.Matches(k, b.Back):
		return func() tea.Msg { return common.BackMsg{} }
	case key.Matches(k, b.Jump):
		cmd := m.selectEntry(jumpTo(k.String()))
		m.focusRight = true
		return cmd
	}
	return nil
}

func (m *Model) rightKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, m.keys.Leave):
		if !common.IsBusy(m.child()) {
			m.focusRight = false
			return m.toChild(common.BlurMsg{})
		}
	case key.Matches(k, m.keys.NextSection):
		blur := m.toChild(common.BlurMsg{})
		return tea.Batch(blur, m.move(1))
	case key.Matches(k, m.keys.PrevSection):
		blur := m.toChild(common.BlurMsg{})
		return tea.Batch(blur, m.move(-1))
	}
	return m.toChild(k)
}

// showList reports whether the list is drawn at this width.
func (m *Model) showList(width int) bool { return !m.focusRight || width >= WideEnough }

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	if !m.showList(width) {
		return components.Block(m.child().View(width, height), width, height)
	}
	rw := width - ListWidth - 1
	right := strings.Split(components.Block(m.child().View(rw, height), rw, height), "\n")
	left := m.listLines(height)
	sep := m.c.Styles.Border.Render("│")
	out := make([]string, height)
	for i := range height {
		out[i] = left[i] + sep + right[i]
	}
	return strings.Join(out, "\n")
}

// listLines is the section list drawn in height lines, drawn again only
// when its listKey changed.
func (m *Model) listLines(height int) []string {
	o := m.c.Organ
	k := listKey{snap: m.c.Snap, report: m.c.Report(), organ: [3]string{o.Name, o.Office, o.Phone},
		cursor: m.cursor, focusRight: m.focusRight, height: height, styles: m.c.Styles}
	if m.list.lines == nil || m.list.key != k {
		m.list.key, m.list.lines = k, strings.Split(m.listView(height), "\n")
	}
	return m.list.lines
}

func (m *Model) listView(height int) string {
	st := m.c.Styles
	var lines []string
	curLine := 0
	for i, sec := range common.Outline {
		e, w := m.c.CountFindings(sec)
		mark := text.MarkOpen
		if m.complete(sec, e) {
			mark = text.MarkDone
		}
		count := ""
		switch {
		case e > 0:
			count = st.Error.Render(fmt.Sprintf("%d", e+w))
		case w > 0:
			count = st.Warning.Render(fmt.Sprintf("%d", w))
		}
		markS := st.Muted.Render(mark)
		if mark == text.MarkDone {
			markS = st.OK.Render(mark)
		}
		entry, _ := common.Entry(sec)
		label := components.Fit(keyOf(sec)+" "+entry.Short, ListWidth-6)
		prefix := markS
		if i == m.cursor && m.focusRight {
			prefix = st.Heading.Render("▸")
		}
		line := prefix + " " + label + components.FitRight(count, 3) + " "
		if i == m.cursor && !m.focusRight {
			line = st.Selected.Render(components.Fit(mark+" "+label+components.FitRight(nz(e+w), 3)+" ", ListWidth))
		}
		if i == m.cursor {
			curLine = len(lines)
		}
		lines = append(lines, components.Fit(line, ListWidth))
		if entry.RuleAfter {
			lines = append(lines, st.Border.Render(strings.Repeat("─", ListWidth)))
		}
	}
	// On a short terminal the list scrolls to keep the cursor in view.
	if top := curLine - height + 1; top > 0 {
		lines = lines[top:]
	}
	return components.Block(strings.Join(lines, "\n"), ListWidth, height)
}

func nz(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// complete decides the ✓ of an entry: no errors, and its text written.
func (m *Model) complete(sec string, errs int) bool {
	if errs > 0 || m.c.Report() == nil {
		return false
	}
	r := m.c.Report()
	switch sec {
	case common.SecProfile:
		o := m.c.Organ
		return o.Name != "" && o.Office != "" && o.Phone != ""
	case common.SecCheck:
		e, _ := m.c.CountFindings("")
		return e == 0
	case common.SecExport:
		return r.Status == model.StatusExported
	case common.SecPreview, common.SecOverview:
		return false // a view of the report, never a task of its own
	case common.SecItems, common.SecRequests, common.SecCases, common.SecMeasures, common.SecFees:
		return true
	}
	n := common.SectionNumber(sec)
	bs := r.SectionBlocks(n)
	if len(bs) == 0 {
		return false
	}
	for _, b := range bs {
		if b.Stale || strings.TrimSpace(b.Text) == "" {
			return false
		}
	}
	return true
}

// Cursor implements common.Screen.
func (m *Model) Cursor() *tea.Cursor {
	if !m.focusRight {
		return nil
	}
	c := m.child().Cursor()
	if c == nil {
		return nil
	}
	w := m.size.Width
	if w <= 0 {
		w = m.c.Width
	}
	if m.showList(w) {
		c.X += ListWidth + 1
	}
	return c
}

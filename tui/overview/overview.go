// Package overview is the year overview (年度概览): the figures of the
// 图解 drawn as bar charts of block characters — the key figures, 主动公开,
// the requests by applicant and by outcome, 复议 and 诉讼, last year beside
// this year when it is kept, and the measures with their status. The page
// is the snapshot's 图解 (desk.Year.Tujie), the one the 图解 export prints,
// so the two never differ.
package overview

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/desk"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// KeyMap is the overview's keys: it only scrolls (Esc, back to the
// outline, is the outline's).
type KeyMap struct {
	Down, Up, PgDown, PgUp, Home, End key.Binding
}

// Keys are the overview's bindings.
var Keys = KeyMap{
	Down:   keys.Bind(text.OverviewKeyScroll, "down", "j"),
	Up:     keys.Bind(text.OverviewKeyScrollUp, "up", "k"),
	PgDown: keys.Bind(text.OverviewKeyPage, "pgdown", "space"),
	PgUp:   keys.Bind(text.OverviewKeyPageUp, "pgup"),
	Home:   keys.Bind(text.OverviewKeyHome, "home"),
	End:    keys.Bind(text.OverviewKeyEnd, "end"),
}

// Model is the year overview screen.
type Model struct {
	c   *common.Common
	top int
	// width and height are the screen's size (tea.WindowSizeMsg).
	width, height int
}

// New builds the year overview.
func New(c *common.Common) common.Screen {
	return &Model{c: c}
}

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return text.TitleOverview }

// KeyMap implements common.Screen: the keys back to the top are offered
// once the overview has scrolled.
func (m *Model) KeyMap() help.KeyMap {
	k := Keys
	for _, b := range []*key.Binding{&k.Up, &k.PgUp, &k.Home} {
		b.SetEnabled(m.top > 0)
	}
	back := keys.Bind(text.KeyBack, "esc")
	return keys.Map{
		Short: []key.Binding{k.Down, k.PgDown, back},
		Full:  [][]key.Binding{{k.Down, k.Up, k.PgDown, k.PgUp, k.Home, k.End, back}},
	}
}

// Cursor implements common.Screen: the overview has no input.
func (m *Model) Cursor() *tea.Cursor { return nil }

// Page is the 图解 page of the open organ-year (laid out once per snapshot).
func (m *Model) Page() *desk.TujiePage {
	if m.c.Snap == nil {
		return nil
	}
	return m.c.Snap.Tujie()
}

// Update implements common.Screen: the scroll keys, then the scroll
// clamped to the page's length at the screen's size, so that View only
// draws.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		m.key(msg)
	}
	if p := m.Page(); p != nil && m.width > 0 {
		m.top = clampTop(m.top, len(Lines(p, m.width, m.c.Styles)), m.height)
	}
	return m, nil
}

// clampTop keeps the first shown line of n inside a window of height
// lines: never past the point where the last line is at the bottom.
func clampTop(top, n, height int) int {
	return max(0, min(top, n-max(1, height)))
}

func (m *Model) key(k tea.KeyPressMsg) {
	step := max(1, m.c.Height-6)
	switch {
	case key.Matches(k, Keys.Down):
		m.top++
	case key.Matches(k, Keys.Up):
		m.top--
	case key.Matches(k, Keys.PgDown):
		m.top += step
	case key.Matches(k, Keys.PgUp):
		m.top -= step
	case key.Matches(k, Keys.Home):
		m.top = 0
	case key.Matches(k, Keys.End):
		m.top = 1 << 30
	}
	m.top = max(0, m.top)
}

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	p := m.Page()
	if p == nil {
		return components.Block(m.c.Styles.Muted.Render(text.OverviewNoYear), width, height)
	}
	lines := Lines(p, width, m.c.Styles)
	top := clampTop(m.top, len(lines), height)
	return components.Block(joinLines(lines[top:min(len(lines), top+max(1, height))]), width, height)
}

func joinLines(ls []string) string {
	s := ""
	for i, l := range ls {
		if i > 0 {
			s += "\n"
		}
		s += l
	}
	return s
}

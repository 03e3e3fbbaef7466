// Package preview shows the whole report as it will be exported — the
// preamble, the six sections, tables 二/三/四 laid out, the measures of 五 and
// the fee sentence of 六 — built from the same export Document every file
// renderer reads, so the clerk sees what the county will see.
package preview

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/desk"
	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

type keyMap struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Left, Right, Back key.Binding
}

var previewKeys = keyMap{
	Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑", text.KeyUp)),
	Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓", text.KeyDown)),
	PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup", text.PreviewKeyPageUp)),
	PageDown: key.NewBinding(key.WithKeys("pgdown", "space", " "), key.WithHelp("pgdn/空格", text.PreviewKeyPageDown)),
	Top:      keys.Bind(text.PreviewKeyTop, "home"),
	Bottom:   keys.Bind(text.PreviewKeyBottom, "end"),
	Left:     key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", text.PreviewKeyLeft)),
	Right:    key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", text.PreviewKeyRight)),
	Back:     keys.Bind(text.KeyBack, "esc"),
}

// Model is the preview screen.
type Model struct {
	c         *common.Common
	top, left int
	keys      keyMap
}

// New builds the preview of the open organ-year.
func New(c *common.Common) common.Screen { return &Model{c: c, keys: previewKeys} }

// Init implements common.Screen.
func (m *Model) Init() tea.Cmd { return nil }

// Title implements common.Screen.
func (m *Model) Title() string { return text.TitlePreview }

// Cursor implements common.Screen: no input.
func (m *Model) Cursor() *tea.Cursor { return nil }

// KeyMap implements common.Screen.
func (m *Model) KeyMap() help.KeyMap {
	k := m.keys
	for _, b := range []*key.Binding{&k.Up, &k.PageUp, &k.Top} {
		b.SetEnabled(m.top > 0)
	}
	k.Left.SetEnabled(m.left > 0)
	return keys.Map{
		Short: []key.Binding{k.Down, k.PageDown, k.PageUp, k.Right, k.Left, k.Back},
		Full:  [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom, k.Left, k.Right, k.Back}},
	}
}

// Lines lays the report out at width: the export Document of the open
// organ-year, marked 草稿 as the export would be while errors remain.
func (m *Model) Lines(width int) []desk.PreviewLine {
	if m.c.Snap == nil {
		return nil
	}
	return m.c.Snap.PreviewLines(width)
}

// bodyHeight is the number of report lines the screen shows at height.
func bodyHeight(height int) int { return max(1, height-2) }

// width is the text width of the screen (the terminal's, less a margin).
func (m *Model) width() int { return max(20, min(m.c.Width, 100)-2) }

// Update implements common.Screen: scrolling, clamped to the report.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	page := bodyHeight(max(3, m.c.Height-4)) - 1
	switch {
	case key.Matches(k, m.keys.Up):
		m.top--
	case key.Matches(k, m.keys.Down):
		m.top++
	case key.Matches(k, m.keys.PageUp):
		m.top -= page
	case key.Matches(k, m.keys.PageDown):
		m.top += page
	case key.Matches(k, m.keys.Top):
		m.top = 0
	case key.Matches(k, m.keys.Bottom):
		m.top = 1 << 30
	case key.Matches(k, m.keys.Left):
		m.left -= 16
	case key.Matches(k, m.keys.Right):
		m.left += 16
	default:
		return m, nil
	}
	lines := m.Lines(m.width())
	m.top = max(0, min(m.top, len(lines)-1))
	widest := 0
	for _, l := range lines {
		widest = max(widest, ansi.StringWidth(l.Text))
	}
	m.left = max(0, min(m.left, widest-m.width()))
	return m, nil
}

// View implements common.Screen.
func (m *Model) View(width, height int) string {
	st := m.c.Styles
	tw := max(20, min(width, 100)-2)
	lines := m.Lines(tw)
	bh := bodyHeight(height)
	top := max(0, min(m.top, len(lines)-1))
	end := min(len(lines), top+bh)
	head := st.Heading.Render(text.TitlePreview) + "  " + st.Muted.Render(fmt.Sprintf(text.PreviewNote, keys.Key(m.keys.Left)+"/"+keys.Key(m.keys.Right)))
	out := []string{components.Fit(head, width)}
	if len(lines) == 0 {
		out = append(out, st.Muted.Render(text.ReqNoReport))
	}
	for _, l := range lines[top:end] {
		s := l.Text
		if l.Kind == desk.LineTable && m.left > 0 {
			s = ansi.Cut(s, m.left, m.left+width-1)
		}
		s = components.Fit(" "+s, width)
		switch l.Kind {
		case desk.LineTitle, desk.LineSection:
			s = st.Heading.Render(s)
		case desk.LineHeading:
			s = st.Label.Render(s)
		case desk.LineNote:
			s = st.Warning.Render(s)
		}
		out = append(out, s)
	}
	body := components.Block(strings.Join(out, "\n"), width, height-1)
	pos := fmt.Sprintf(text.PreviewPosition, min(top+1, len(lines)), len(lines))
	if m.left > 0 {
		pos += fmt.Sprintf(text.PreviewShifted, m.left)
	}
	return body + "\n" + components.Fit(st.Muted.Render(pos), width)
}

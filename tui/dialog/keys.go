package dialog

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/styles"
	"nianbao/tui/text"
)

// SizeMsg gives a dialog the inner size of its box (the app sends it when
// the dialog opens and when the terminal is resized), so scrolling is
// clamped in Update and View only draws.
type SizeMsg struct{ Width, Height int }

// Section is one titled group of bindings in the key overlay.
type Section struct {
	Title string
	Keys  [][]key.Binding
}

// Keys is the overlay listing every key of the current screen and the
// global ones, rendered from the bindings themselves. It scrolls when the
// list is longer than the box.
type Keys struct {
	styles *styles.Sheet
	secs   []Section
	width  int
	height int
	scroll int
}

// keys of the overlay itself.
var keysScroll = struct{ Up, Down, PgUp, PgDown, Close key.Binding }{
	Up:     keys.Nav.Up,
	Down:   keys.Nav.Down,
	PgUp:   keys.Bind(text.KeyPageUp, "pgup"),
	PgDown: keys.Bind(text.KeyPageDown, "pgdown", "space"),
	Close:  key.NewBinding(key.WithKeys("esc", "?", "q", "f1", "ctrl+o"), key.WithHelp("esc", text.KeyClose)),
}

// NewKeys builds the overlay of the given sections.
func NewKeys(c *common.Common, secs ...Section) *Keys {
	return &Keys{styles: c.Styles, secs: secs, width: 60, height: 10}
}

// Init implements common.Screen.
func (d *Keys) Init() tea.Cmd { return nil }

// Size implements Sized: the overlay takes all the room it is offered.
func (d *Keys) Size(maxW, maxH int) (int, int) { return maxW, maxH }

// lines are the overlay's rows at the current width: a key column as wide
// as the widest key (at most a third of the box) and the description
// wrapped beside it, so nothing is cut.
func (d *Keys) lines() []string {
	kw := 0
	for _, s := range d.secs {
		for _, g := range s.Keys {
			for _, b := range g {
				if b.Enabled() {
					kw = max(kw, components.StringWidth(b.Help().Key))
				}
			}
		}
	}
	kw = min(kw+2, max(8, d.width/3))
	var out []string
	for _, s := range d.secs {
		out = append(out, d.styles.Label.Render(s.Title))
		for _, g := range s.Keys {
			for _, b := range g {
				if !b.Enabled() || b.Help().Desc == "" {
					continue
				}
				keyLines := components.Wrap(b.Help().Key, kw-2)
				descLines := components.Wrap(b.Help().Desc, max(4, d.width-kw-2))
				for i := range max(len(keyLines), len(descLines)) {
					k, desc := "", ""
					if i < len(keyLines) {
						k = keyLines[i]
					}
					if i < len(descLines) {
						desc = descLines[i]
					}
					out = append(out, "  "+components.Fit(d.styles.Key.Render(k), kw)+desc)
				}
			}
		}
		out = append(out, "")
	}
	return out
}

// body is the number of rows left for the list under the heading.
func (d *Keys) body() int { return max(1, d.height-1) }

func (d *Keys) clamp() {
	d.scroll = max(0, min(d.scroll, len(d.lines())-d.body()))
}

// Update implements common.Screen.
func (d *Keys) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case SizeMsg:
		d.width, d.height = msg.Width, msg.Height
		d.clamp()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, keysScroll.Close):
			return d, Close(nil)
		case key.Matches(msg, keysScroll.Up):
			d.scroll--
		case key.Matches(msg, keysScroll.Down):
			d.scroll++
		case key.Matches(msg, keysScroll.PgUp):
			d.scroll -= d.body()
		case key.Matches(msg, keysScroll.PgDown):
			d.scroll += d.body()
		}
		d.clamp()
	}
	return d, nil
}

// View implements common.Screen.
func (d *Keys) View(width, height int) string {
	all := d.lines()
	end := min(len(all), d.scroll+d.body())
	head := Title()
	if len(all) > d.body() {
		head += "  " + ScrollNote()
	}
	out := []string{d.styles.Heading.Render(head)}
	out = append(out, all[min(d.scroll, end):end]...)
	return components.Block(strings.Join(out, "\n"), width, height)
}

// Cursor implements common.Screen.
func (d *Keys) Cursor() *tea.Cursor { return nil }

// KeyMap implements common.Screen.
func (d *Keys) KeyMap() help.KeyMap {
	k := keysScroll
	end := len(d.lines()) - d.body()
	k.Up.SetEnabled(d.scroll > 0)
	k.PgUp.SetEnabled(d.scroll > 0)
	k.Down.SetEnabled(d.scroll < end)
	k.PgDown.SetEnabled(d.scroll < end)
	return keys.Map{Short: []key.Binding{k.Up, k.Down, k.PgDown, k.PgUp, k.Close}}
}

// Title implements common.Screen.
func (d *Keys) Title() string { return text.HelpTitle }

// Title is the overlay's heading: its name and the key that closes it.
func Title() string {
	return text.HelpTitle + "（" + components.KeyHints([]key.Binding{keysScroll.Close}, key.Binding{}, 40) + "）"
}

// ScrollNote says which keys scroll the overlay.
func ScrollNote() string {
	return fmt.Sprintf(text.HelpScroll, keys.Key(keysScroll.Up), keys.Key(keysScroll.Down))
}

// Scroll is the first list row shown (tests).
func (d *Keys) Scroll() int { return d.scroll }

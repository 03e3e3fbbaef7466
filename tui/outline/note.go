package outline

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"nianbao/tui/common"
	"nianbao/tui/components"
	"nianbao/tui/keys"
	"nianbao/tui/text"
)

// note stands for an entry whose screen is not built into this program yet.
type note struct {
	c   *common.Common
	sec string
}

func newNote(c *common.Common, sec string) *note { return &note{c: c, sec: sec} }

func (n *note) Init() tea.Cmd                           { return nil }
func (n *note) Update(tea.Msg) (common.Screen, tea.Cmd) { return n, nil }
func (n *note) Cursor() *tea.Cursor                     { return nil }
func (n *note) KeyMap() help.KeyMap                     { return keys.Map{} }
func (n *note) Title() string                           { return common.EntryTitle(n.sec) }
func (n *note) View(width, height int) string {
	text := fmt.Sprintf(text.NotReadyNote, common.EntryTitle(n.sec))
	lines := append([]string{n.c.Styles.Heading.Render(common.EntryTitle(n.sec)), ""}, components.Wrap(text, max(10, width-2))...)
	return components.Block(strings.Join(lines, "\n"), width, height)
}

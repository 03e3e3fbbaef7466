package components

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Confirm is a yes/no question. Y answers yes, N or Esc answers no.
type Confirm struct {
	Prompt string
	// Answered is set once the clerk answered; Yes says how.
	Answered bool
	Yes      bool
}

// Update takes a key and reports whether it answered the question.
func (c *Confirm) Update(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	switch k.String() {
	case "y", "Y":
		c.Answered, c.Yes = true, true
	case "n", "N", "esc":
		c.Answered, c.Yes = true, false
	default:
		return false
	}
	return true
}

// View is the question fitted to width cells. A question too long for the
// line has the name it quotes in 「」 shortened, so the keys that answer it,
// which follow the name, stay in view.
func (c *Confirm) View(width int) string {
	p := c.Prompt
	over := cellWidth(p) - width
	if over <= 0 {
		return p
	}
	i, j := strings.Index(p, "「"), strings.LastIndex(p, "」")
	if i < 0 || j < i {
		return p
	}
	i += len("「")
	name := p[i:j]
	keep := max(2, cellWidth(name)-over)
	return p[:i] + ansi.Truncate(name, keep, "…") + p[j:]
}

package components

import (
	tea "charm.land/bubbletea/v2"
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

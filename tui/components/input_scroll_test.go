package components

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// After deleting from the end of a long line, or in a wider window, the
// field shows the text that is left instead of a blank that looks like
// the text was deleted.
func TestInputScrollFollowsDeletionAndResize(t *testing.T) {
	in := NewInput()
	in.Focus()
	in.SetValue(strings.Repeat("甲", 30) + strings.Repeat("乙", 10))
	in.SetPosition(40)
	in.View(20) // scrolled to the end
	for range 10 {
		in.Update(tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	v := ansi.Strip(in.View(20))
	if strings.Count(v, "甲") < 9 {
		t.Fatalf("after deleting the tail the field shows %q", v)
	}
	// A wider window shows more of the text before the cursor.
	if v := ansi.Strip(in.View(70)); strings.Count(v, "甲") != 30 {
		t.Fatalf("in a wider window the field shows %q", v)
	}
}

package components

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"nianbao/tui/keys"
)

// List is the cursor and scroll state of a list that draws only its visible
// rows: the caller renders row i on demand, so a list of 50,000 entries
// costs as much as one screenful.
type List struct {
	Len    int
	Cursor int
	Offset int
}

// Move moves the cursor by delta rows, clamped.
func (l *List) Move(delta int) {
	l.Cursor = max(0, min(l.Cursor+delta, l.Len-1))
	if l.Len == 0 {
		l.Cursor = 0
	}
}

// SetLen changes the number of rows and keeps the cursor inside.
func (l *List) SetLen(n int) {
	l.Len = n
	l.Move(0)
}

// Visible returns the range [from, to) of rows to draw in height lines,
// scrolling so the cursor stays in view.
func (l *List) Visible(height int) (from, to int) {
	if height < 1 {
		height = 1
	}
	if l.Cursor < l.Offset {
		l.Offset = l.Cursor
	}
	if l.Cursor >= l.Offset+height {
		l.Offset = l.Cursor - height + 1
	}
	if l.Offset > max(0, l.Len-height) {
		l.Offset = max(0, l.Len-height)
	}
	return l.Offset, min(l.Len, l.Offset+height)
}

// Window is the range [from, to) of rows from the current offset in height
// lines, without scrolling: what a View draws after Update called Visible.
func (l *List) Window(height int) (from, to int) {
	from = max(0, min(l.Offset, l.Len-1))
	return from, min(l.Len, from+max(1, height))
}

// HandleKey moves the cursor for the list keys (keys.Nav up, down, page
// up, page down, home, end) and reports whether k was one of them.
func (l *List) HandleKey(k tea.KeyPressMsg, page int) bool {
	switch {
	case key.Matches(k, keys.Nav.Up):
		l.Move(-1)
	case key.Matches(k, keys.Nav.Down):
		l.Move(1)
	case key.Matches(k, keys.Nav.PageUp):
		l.Move(-max(1, page))
	case key.Matches(k, keys.Nav.PageDown):
		l.Move(max(1, page))
	case key.Matches(k, keys.Nav.Home):
		l.Cursor = 0
	case key.Matches(k, keys.Nav.End):
		l.Move(l.Len)
	default:
		return false
	}
	return true
}

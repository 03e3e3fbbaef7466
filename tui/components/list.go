package components

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

// HandleKey moves the cursor for up/down/pgup/pgdown/home/end and reports
// whether the key was one of them.
func (l *List) HandleKey(k string, page int) bool {
	switch k {
	case "up", "k":
		l.Move(-1)
	case "down", "j":
		l.Move(1)
	case "pgup":
		l.Move(-max(1, page))
	case "pgdown":
		l.Move(max(1, page))
	case "home", "g":
		l.Cursor = 0
	case "end", "G":
		l.Move(l.Len)
	default:
		return false
	}
	return true
}

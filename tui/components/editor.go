package components

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"nianbao/termsafe"
	"nianbao/tui/keys"
)

// Editor is a multi-line text editor that wraps by display width and places
// the cursor at the real insertion point, so a Chinese input method opens its
// candidate window where the clerk types.
type Editor struct {
	text []rune
	pos  int // cursor as a rune index into text
	top  int // first visible visual line
	// goal is the display column up/down try to keep.
	goal int
	// Clean, when set, filters typed and pasted text (model.CleanText).
	Clean func(string) string
	// lastWidth is the width of the last View, used by up/down.
	lastWidth int
	curX      int
	curY      int
}

// NewEditor returns an empty editor.
func NewEditor() *Editor { return &Editor{lastWidth: 40} }

// SetValue replaces the text and puts the cursor at its end.
func (e *Editor) SetValue(s string) {
	e.text = []rune(s)
	e.pos = len(e.text)
	e.top = 0
	e.goal = -1
}

// Value returns the text.
func (e *Editor) Value() string { return string(e.text) }

// Len is the number of characters, not counting line breaks.
func (e *Editor) Len() int {
	n := 0
	for _, r := range e.text {
		if r != '\n' {
			n++
		}
	}
	return n
}

// Position is the cursor as a rune index.
func (e *Editor) Position() int { return e.pos }

// SetPosition moves the cursor.
func (e *Editor) SetPosition(p int) { e.pos = max(0, min(p, len(e.text))) }

// Insert puts text at the cursor.
func (e *Editor) Insert(s string) {
	if e.Clean != nil {
		s = e.Clean(s)
	}
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n", "\t", "  ").Replace(s)
	rs := []rune(s)
	if len(rs) == 0 {
		return
	}
	v := make([]rune, 0, len(e.text)+len(rs))
	v = append(v, e.text[:e.pos]...)
	v = append(v, rs...)
	v = append(v, e.text[e.pos:]...)
	e.text = v
	e.pos += len(rs)
	e.goal = -1
}

// vline is one visual line: text[start:end].
type vline struct{ start, end int }

// layout wraps the text into visual lines of at most width cells.
func (e *Editor) layout(width int) []vline {
	if width < 2 {
		width = 2
	}
	var ls []vline
	start, w := 0, 0
	for i, r := range e.text {
		if r == '\n' {
			ls = append(ls, vline{start, i})
			start, w = i+1, 0
			continue
		}
		rw := termsafe.RuneWidth(r)
		// Leave one cell for the cursor at the end of a full line.
		if w+rw > width-1 && i > start {
			brk := i
			// A closing mark (，。、） …) does not start a line: the
			// character before it moves down with it.
			if NoLineStart(r) && i-1 > start && e.text[i-1] != '\n' {
				brk = i - 1
			}
			ls = append(ls, vline{start, brk})
			start, w = brk, widthOf(e.text[brk:i])
		}
		w += rw
	}
	ls = append(ls, vline{start, len(e.text)})
	return ls
}

// locate finds the visual line and display column of rune index p.
func (e *Editor) locate(ls []vline, p int) (row, col int) {
	for i, l := range ls {
		last := i == len(ls)-1
		if p >= l.start && (p < l.end || p == l.end && (last || ls[i+1].start > l.end)) {
			return i, widthOf(e.text[l.start:p])
		}
	}
	return len(ls) - 1, widthOf(e.text[ls[len(ls)-1].start:min(p, len(e.text))])
}

// atColumn is the rune index in line l nearest display column col.
func (e *Editor) atColumn(l vline, col int) int {
	w := 0
	for i := l.start; i < l.end; i++ {
		rw := termsafe.RuneWidth(e.text[i])
		if w+rw > col {
			return i
		}
		w += rw
	}
	return l.end
}

// Update handles editing keys and pastes and reports whether the message was
// consumed. Enter inserts a line break; tab, esc and other chords are left to
// the caller.
func (e *Editor) Update(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		e.Insert(msg.Content)
		return true
	case tea.KeyPressMsg:
		ls := e.layout(e.lastWidth)
		row, col := e.locate(ls, e.pos)
		keepGoal := false
		switch {
		case key.Matches(msg, keys.Edit.Left):
			if e.pos > 0 {
				e.pos--
			}
		case key.Matches(msg, keys.Edit.Right):
			if e.pos < len(e.text) {
				e.pos++
			}
		case key.Matches(msg, keys.Edit.Up, keys.Edit.Down):
			if e.goal < 0 {
				e.goal = col
			}
			keepGoal = true
			up := key.Matches(msg, keys.Edit.Up)
			if up && row > 0 {
				e.pos = e.atColumn(ls[row-1], e.goal)
			} else if !up && row < len(ls)-1 {
				e.pos = e.atColumn(ls[row+1], e.goal)
			} else if up {
				e.pos = 0
			} else {
				e.pos = len(e.text)
			}
		case key.Matches(msg, keys.Edit.Home):
			e.pos = ls[row].start
		case key.Matches(msg, keys.Edit.End):
			e.pos = ls[row].end
		case key.Matches(msg, keys.Edit.Newline):
			e.Insert("\n")
		case key.Matches(msg, keys.Edit.Backspace):
			if e.pos > 0 {
				e.text = append(e.text[:e.pos-1], e.text[e.pos:]...)
				e.pos--
			}
		case key.Matches(msg, keys.Edit.Delete):
			if e.pos < len(e.text) {
				e.text = append(e.text[:e.pos], e.text[e.pos+1:]...)
			}
		case key.Matches(msg, keys.Edit.KillEnd):
			end := e.pos
			for end < len(e.text) && e.text[end] != '\n' {
				end++
			}
			if end == e.pos && end < len(e.text) {
				end++
			}
			e.text = append(e.text[:e.pos], e.text[end:]...)
		default:
			if IsText(msg) {
				e.Insert(msg.Text)
				return true
			}
			return false
		}
		if !keepGoal {
			e.goal = -1
		}
		return true
	}
	return false
}

// View draws the text into exactly width×height cells, scrolled so the
// cursor line is visible (Scroll, then Draw).
func (e *Editor) View(width, height int) string {
	e.Scroll(width, height)
	return e.Draw(width, height)
}

// Scroll settles the editor for a window of width×height cells: the
// width up/down move by, the first line shown (so the cursor line is
// visible) and the cursor cell. A screen calls it in Update, so that its
// View only draws (Draw).
func (e *Editor) Scroll(width, height int) {
	height = max(1, height)
	e.lastWidth = width
	ls := e.layout(width)
	row, col := e.locate(ls, e.pos)
	if row < e.top {
		e.top = row
	}
	if row >= e.top+height {
		e.top = row - height + 1
	}
	if e.top > max(0, len(ls)-1) {
		e.top = max(0, len(ls)-1)
	}
	e.curX, e.curY = col, row-e.top
}

// Draw draws the text into exactly width×height cells from the line
// Scroll chose, changing nothing.
func (e *Editor) Draw(width, height int) string {
	height = max(1, height)
	ls := e.layout(width)
	top := max(0, min(e.top, len(ls)-1))
	out := make([]string, height)
	for i := range height {
		li := top + i
		if li >= len(ls) {
			out[i] = strings.Repeat(" ", width)
			continue
		}
		s := drawText(e.text[ls[li].start:ls[li].end])
		out[i] = s + strings.Repeat(" ", max(0, width-ansi.StringWidth(s)))
	}
	return strings.Join(out, "\n")
}

// CursorXY is the cursor cell relative to the editor's top-left, as
// settled by the last Scroll (or View).
func (e *Editor) CursorXY() (x, y int) { return e.curX, e.curY }
